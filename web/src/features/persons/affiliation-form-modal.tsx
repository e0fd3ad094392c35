import type { Affiliation, AffiliationInput, Office } from '@anett/shared/schemas/person';
import { Checkbox, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { OrganizationField } from '../../components/forms/organization-field.tsx';
import { PeriodInputs } from '../../components/forms/period-inputs.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { affiliationApi, officeApi } from './api.ts';
import { personSubRecordModal } from './sub-record-form.tsx';

// Affiliations and offices: small sub-records of a person, each with its own version.

type AffiliationValues = {
  organizationId: number | null;
  function: string;
  isPrimary: boolean;
  fromDate: string | null;
  toDate: string | null;
};

export const AffiliationFormModal = personSubRecordModal(AffiliationFields, affiliationApi, {
  size: 'lg',
  initial: (editing): AffiliationValues => ({
    organizationId: editing?.organization.id ?? null,
    function: editing?.function ?? '',
    isPrimary: editing?.isPrimary ?? false,
    fromDate: editing?.fromDate ?? null,
    toDate: editing?.toDate ?? null,
  }),
  // Without an organisation the schema check stops the form before anything is sent.
  toInput: (v) => ({ ...v, organizationId: v.organizationId ?? undefined }) as AffiliationInput,
});

function AffiliationFields({
  form,
  editing,
}: {
  form: UseFormReturnType<AffiliationValues>;
  editing: Affiliation | null;
}) {
  const { t } = useLabels();
  return (
    <>
      <OrganizationField
        form={form}
        initial={editing?.organization}
        label={t('persons.organization')}
        required
        data-autofocus
      />
      <TextInput label={t('persons.function')} {...form.getInputProps('function')} />
      <Checkbox label={t('persons.isPrimary')} {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
      <PeriodInputs form={form} />
    </>
  );
}

type OfficeValues = {
  title: string;
  jurisdiction: string;
  organizationId: number | null;
  fromDate: string | null;
  toDate: string | null;
};

export const OfficeFormModal = personSubRecordModal(OfficeFields, officeApi, {
  size: 'lg',
  initial: (editing): OfficeValues => ({
    title: editing?.title ?? '',
    jurisdiction: editing?.jurisdiction ?? '',
    organizationId: editing?.organization?.id ?? null,
    fromDate: editing?.fromDate ?? null,
    toDate: editing?.toDate ?? null,
  }),
  toInput: (v) => v,
});

function OfficeFields({ form, editing }: { form: UseFormReturnType<OfficeValues>; editing: Office | null }) {
  const { t } = useLabels();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('persons.officeTitle')}
          placeholder={t('persons.officeTitleHint')}
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <TextInput
          label={t('persons.jurisdiction')}
          placeholder={t('persons.jurisdictionHint')}
          {...form.getInputProps('jurisdiction')}
        />
      </SimpleGrid>
      <OrganizationField form={form} initial={editing?.organization} label={t('persons.officeOrganization')} />
      <PeriodInputs form={form} />
      <Text size="xs" c="dimmed">
        {t('persons.officeInSalutation')}
      </Text>
    </>
  );
}
