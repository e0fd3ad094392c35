import { letterSalutation } from '@anett/shared/salutation';
import { type Person, type PersonDuplicateCandidate, personInput } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Divider, Group, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { ConflictField } from '../../components/forms/conflict-panel.tsx';
import { OrganizationField } from '../../components/forms/organization-field.tsx';
import { SegmentedField } from '../../components/forms/segmented-field.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { RecordForm } from '../../components/records/record-form.tsx';
import { type RecordFormProps, recordFormModal } from '../../components/records/record-form-modal.tsx';
import { createOrPatch, recordValues, useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { TagPicker, useTagNames } from '../../components/tag-picker.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { useCreatePerson, useUpdatePerson } from './api.ts';

type Values = {
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  mobile: string;
  notes: string;
  tagIds: number[];
  /** First affiliation (create only). */
  organizationId: number | null;
  function: string;
};

const EMPTY: Values = {
  salutation: '',
  title: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  mobile: '',
  notes: '',
  tagIds: [],
  organizationId: null,
  function: '',
};

const toValues = (p: Person): Values => ({ ...recordValues(EMPTY, p), tagIds: p.tags.map((t) => t.id) });

/** The person fields as the API takes them. */
const personFields = (v: Values) => ({
  salutation: (v.salutation || null) as 'frau' | 'herr' | null,
  title: v.title,
  firstName: v.firstName,
  lastName: v.lastName,
  email: v.email,
  phone: v.phone,
  mobile: v.mobile,
  notes: v.notes,
  tagIds: v.tagIds,
});

const toCreateInput = (v: Values, confirmDuplicate = false) => ({
  ...personFields(v),
  affiliations: v.organizationId ? [{ organizationId: v.organizationId, function: v.function, isPrimary: true }] : [],
  confirmDuplicate,
});

/** Server and schema errors of the first affiliation belong to the two inputs of this form. */
const mapAffiliationErrors = (errors: Record<string, string>) => {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^affiliations\.0\.(organizationId|function)$/.exec(key);
    out[m ? (m[1] as string) : key === 'affiliations' ? 'organizationId' : key] = message;
  }
  return out;
};

type Props = RecordFormProps<Person> & {
  onSaved: (person: Person, created: boolean) => void;
  /** A new person's organisation, given (e.g. "Person hinzufügen" on an organisation's page). */
  organization?: { id: number; name: string };
  /** A new person's names and address, given (e.g. "anlegen" for an unknown address of a dropped e-mail). */
  prefill?: { firstName?: string; lastName?: string; email?: string };
};

export const PersonFormModal = recordFormModal(PersonForm, {
  title: (t) => ({ add: t('persons.createTitle'), edit: t('persons.editTitle') }),
  size: 'xl',
});

function PersonForm({ editing, onClose, onSaved, organization: givenOrganization, prefill }: Props) {
  const { t, label } = useLabels();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const tagNames = useTagNames();
  const { save, mutation } = createOrPatch({
    editing,
    create,
    update,
    createInput: toCreateInput,
    patchFields: personFields,
    onSaved,
    onClose,
  });
  const vf = useVersionedForm<Values, Person, PersonDuplicateCandidate>({
    initial: {
      values: editing ? toValues(editing) : { ...EMPTY, ...prefill, organizationId: givenOrganization?.id ?? null },
      version: editing?.version ?? 0,
    },
    toValues,
    validate: (values) => mapAffiliationErrors(zodFieldErrors(t, personInput, toCreateInput(values))),
    mapErrors: mapAffiliationErrors,
    save,
  });
  const { form } = vf;

  const fields: ConflictField<Values>[] = [
    {
      key: 'salutation',
      label: t('persons.fields.salutation'),
      format: (v) => label(SALUTATION, (v as string) || null),
    },
    { key: 'title', label: t('persons.fields.title') },
    { key: 'firstName', label: t('persons.fields.firstName') },
    { key: 'lastName', label: t('persons.fields.lastName') },
    { key: 'email', label: t('persons.fields.email') },
    { key: 'phone', label: t('persons.fields.phone') },
    { key: 'mobile', label: t('persons.fields.mobile') },
    { key: 'tagIds', label: t('persons.fields.tagIds'), format: (v) => tagNames(v as number[]) },
    { key: 'notes', label: t('persons.fields.notes') },
  ];

  const values = form.getValues();
  const office = editing?.offices.find((o) => o.current)?.title;
  const preview = letterSalutation({
    salutation: (values.salutation || null) as 'frau' | 'herr' | null,
    title: values.title,
    firstName: values.firstName,
    lastName: values.lastName,
    office,
  });

  return (
    <RecordForm
      vf={vf}
      fields={fields}
      mutation={mutation}
      confirmLabel={editing ? t('forms.saveAnyway') : t('forms.createAnyway')}
      duplicates={{ to: '/personen/$id', detail: (c) => [c.email, c.organization?.name].filter(Boolean).join(' · ') }}
      submitLabel={editing ? t('common.save') : t('persons.create')}
      onCancel={onClose}
    >
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedField
          label={t('persons.salutation')}
          data={[
            { value: 'frau', label: label(SALUTATION, 'frau') },
            { value: 'herr', label: label(SALUTATION, 'herr') },
            { value: '', label: t('persons.noSalutation') },
          ]}
          {...form.getInputProps('salutation')}
        />
        <TextInput
          label={t('persons.academicTitle')}
          placeholder={t('persons.academicTitleHint')}
          w={180}
          {...form.getInputProps('title')}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label={t('persons.firstName')} required data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label={t('persons.lastName')} required {...form.getInputProps('lastName')} />
      </SimpleGrid>
      <Text size="sm" c="dimmed" data-testid="salutation-preview">
        {t('persons.letterSalutation')}:{' '}
        <Text span fw={600} c="dark">
          {preview}
        </Text>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <TextInput label={t('persons.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('persons.phone')} type="tel" {...form.getInputProps('phone')} />
        <TextInput label={t('persons.mobile')} type="tel" {...form.getInputProps('mobile')} />
      </SimpleGrid>
      {!editing && (
        <>
          <Divider label={t('persons.firstAffiliation')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <OrganizationField
              form={form}
              initial={givenOrganization}
              label={t('persons.organization')}
              description={t('persons.firstAffiliationHint')}
            />
            <TextInput
              label={t('persons.function')}
              description=" "
              disabled={!values.organizationId}
              {...form.getInputProps('function')}
            />
          </SimpleGrid>
        </>
      )}
      <TagPicker
        label={t('persons.tags')}
        creatable
        value={values.tagIds}
        onChange={(ids) => form.setFieldValue('tagIds', ids)}
        error={form.errors.tagIds}
      />
      <Textarea label={t('persons.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
    </RecordForm>
  );
}
