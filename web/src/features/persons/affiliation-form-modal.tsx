import {
  type Affiliation,
  type AffiliationInput,
  affiliationInput,
  type Office,
  officeInput,
} from '@anett/shared/schemas/person';
import { Checkbox, SimpleGrid, Text, TextInput } from '@mantine/core';
import { OrganizationField } from '../../components/forms/organization-field.tsx';
import { PeriodInputs } from '../../components/forms/period-inputs.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { RecordForm } from '../../components/records/record-form.tsx';
import { type RecordFormProps, recordFormModal } from '../../components/records/record-form-modal.tsx';
import { useSubRecordForm } from '../../components/records/use-sub-record-form.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useSaveAffiliation, useSaveOffice } from './api.ts';

// Affiliations and offices: small sub-records of a person, each with its own version.

type AffiliationValues = {
  organizationId: number | null;
  function: string;
  isPrimary: boolean;
  fromDate: string | null;
  toDate: string | null;
};

export const AffiliationFormModal = recordFormModal(AffiliationForm, {
  title: (t) => ({ add: t('persons.addAffiliation'), edit: t('persons.editAffiliation') }),
  size: 'lg',
});

function AffiliationForm({ personId, editing, onClose }: RecordFormProps<Affiliation> & { personId: number }) {
  const { t } = useLabels();
  const save = useSaveAffiliation(personId);
  const vf = useSubRecordForm({
    editing,
    initial: {
      organizationId: editing?.organization.id ?? null,
      function: editing?.function ?? '',
      isPrimary: editing?.isPrimary ?? false,
      fromDate: editing?.fromDate ?? null,
      toDate: editing?.toDate ?? null,
    } as AffiliationValues,
    toInput: (v) => ({ ...v, organizationId: v.organizationId ?? undefined }),
    validate: (v) => zodFieldErrors(t, affiliationInput, { ...v, organizationId: v.organizationId ?? undefined }),
    saved: t('persons.affiliationSaved'),
    conflict: t('persons.conflictReloaded'),
    onClose,
    create: (input, handlers) => save.mutate({ create: input as AffiliationInput }, handlers),
    update: (affiliation, patch, handlers) => save.mutate({ affiliation, patch }, handlers),
  });
  const { form } = vf;
  return (
    <RecordForm vf={vf} mutation={save} onCancel={onClose}>
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
    </RecordForm>
  );
}

type OfficeValues = {
  title: string;
  jurisdiction: string;
  organizationId: number | null;
  fromDate: string | null;
  toDate: string | null;
};

export const OfficeFormModal = recordFormModal(OfficeForm, {
  title: (t) => ({ add: t('persons.addOffice'), edit: t('persons.editOffice') }),
  size: 'lg',
});

function OfficeForm({ personId, editing, onClose }: RecordFormProps<Office> & { personId: number }) {
  const { t } = useLabels();
  const save = useSaveOffice(personId);
  const vf = useSubRecordForm({
    editing,
    initial: {
      title: editing?.title ?? '',
      jurisdiction: editing?.jurisdiction ?? '',
      organizationId: editing?.organization?.id ?? null,
      fromDate: editing?.fromDate ?? null,
      toDate: editing?.toDate ?? null,
    } as OfficeValues,
    toInput: (v) => v,
    validate: (v) => zodFieldErrors(t, officeInput, v),
    saved: t('persons.officeSaved'),
    conflict: t('persons.conflictReloaded'),
    onClose,
    create: (input, handlers) => save.mutate({ create: input }, handlers),
    update: (office, patch, handlers) => save.mutate({ office, patch }, handlers),
  });
  const { form } = vf;
  return (
    <RecordForm vf={vf} mutation={save} onCancel={onClose}>
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
    </RecordForm>
  );
}
