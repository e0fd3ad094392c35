import {
  type DuplicateCandidate,
  type Organization,
  type OrganizationDetail,
  organizationInput,
} from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, type OrganizationKind, SIZE_CLASS, type SizeClass } from '@anett/shared/vocab/enums';
import { Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DistrictSelect, WzMultiSelect } from '../../components/filters/vocab-select.tsx';
import type { ConflictField } from '../../components/forms/conflict-panel.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { RecordForm } from '../../components/records/record-form.tsx';
import { type RecordFormProps, recordFormModal } from '../../components/records/record-form-modal.tsx';
import { createOrPatch, recordValues, useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { TagPicker, useTagNames } from '../../components/tag-picker.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { useCreateOrganization, useUpdateOrganization } from './api.ts';

type Values = {
  name: string;
  shortName: string;
  kind: string;
  sizeClass: string | null;
  employees: number | string;
  street: string;
  postalCode: string;
  city: string;
  district: string | null;
  website: string;
  email: string;
  phone: string;
  notes: string;
  sectors: string[];
  tagIds: number[];
};

const EMPTY: Values = {
  name: '',
  shortName: '',
  kind: '',
  sizeClass: null,
  employees: '',
  street: '',
  postalCode: '',
  city: '',
  district: null,
  website: '',
  email: '',
  phone: '',
  notes: '',
  sectors: [],
  tagIds: [],
};

const toValues = (o: Organization): Values => ({ ...recordValues(EMPTY, o), tagIds: o.tags.map((t) => t.id) });

/** Form values → the API's input (empty kind is "missing", an empty number is null). */
const toInput = (v: Values) => ({
  ...v,
  kind: (v.kind || undefined) as OrganizationKind | undefined,
  sizeClass: v.sizeClass as SizeClass | null,
  employees: v.employees === '' ? null : Number(v.employees),
});

type Props = RecordFormProps<OrganizationDetail> & {
  onSaved: (org: OrganizationDetail, created: boolean) => void;
};

export const OrganizationFormModal = recordFormModal(OrganizationForm, {
  title: (t) => ({ add: t('organizations.createTitle'), edit: t('organizations.editTitle') }),
  size: 'xl',
});

function OrganizationForm({ editing, onClose, onSaved }: Props) {
  const { t, label } = useLabels();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const tagNames = useTagNames();
  const { save, mutation } = createOrPatch({
    editing,
    create,
    update,
    createInput: (values: Values, confirmed) => {
      const input = toInput(values);
      return { ...input, kind: input.kind as OrganizationKind, confirmDuplicate: confirmed };
    },
    patchFields: toInput,
    onSaved,
    onClose,
  });
  const vf = useVersionedForm<Values, Organization, DuplicateCandidate>({
    initial: { values: editing ? toValues(editing) : EMPTY, version: editing?.version ?? 0 },
    toValues,
    validate: (values) => zodFieldErrors(t, organizationInput, toInput(values)),
    save,
  });
  const { form } = vf;

  const fields: ConflictField<Values>[] = [
    { key: 'name', label: t('organizations.fields.name') },
    { key: 'shortName', label: t('organizations.fields.shortName') },
    { key: 'kind', label: t('organizations.fields.kind'), format: (v) => label(ORGANIZATION_KIND, v as string) },
    { key: 'sizeClass', label: t('organizations.fields.sizeClass'), format: (v) => label(SIZE_CLASS, v as string) },
    { key: 'employees', label: t('organizations.fields.employees') },
    { key: 'sectors', label: t('organizations.fields.sectors') },
    { key: 'street', label: t('organizations.fields.street') },
    { key: 'postalCode', label: t('organizations.fields.postalCode') },
    { key: 'city', label: t('organizations.fields.city') },
    { key: 'district', label: t('organizations.fields.district'), format: (v) => districtLabel(v as string | null) },
    { key: 'website', label: t('organizations.fields.website') },
    { key: 'email', label: t('organizations.fields.email') },
    { key: 'phone', label: t('organizations.fields.phone') },
    { key: 'tagIds', label: t('organizations.fields.tags'), format: (v) => tagNames(v as number[]) },
    { key: 'notes', label: t('organizations.fields.notes') },
  ];

  return (
    <RecordForm
      vf={vf}
      fields={fields}
      mutation={mutation}
      duplicates={{ to: '/organisationen/$id', detail: (c) => c.city }}
      submitLabel={editing ? t('common.save') : t('organizations.create')}
      onCancel={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label={t('organizations.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('organizations.shortName')} {...form.getInputProps('shortName')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <Select
          label={t('organizations.kind')}
          required
          placeholder={t('organizations.kindPlaceholder')}
          data={Object.keys(ORGANIZATION_KIND).map((k) => ({ value: k, label: label(ORGANIZATION_KIND, k) }))}
          allowDeselect={false}
          searchable
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('organizations.sizeClass')}
          data={Object.keys(SIZE_CLASS).map((k) => ({ value: k, label: label(SIZE_CLASS, k) }))}
          clearable
          {...form.getInputProps('sizeClass')}
        />
        <NumberInput
          label={t('organizations.employees')}
          min={0}
          max={1_000_000}
          allowDecimal={false}
          thousandSeparator="."
          decimalSeparator=","
          {...form.getInputProps('employees')}
        />
      </SimpleGrid>
      <WzMultiSelect
        label={t('organizations.sectors')}
        description={t('organizations.sectorsHint')}
        {...form.getInputProps('sectors')}
        value={form.getValues().sectors}
        onChange={(v) => form.setFieldValue('sectors', v ?? [])}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label={t('organizations.street')} {...form.getInputProps('street')} />
        <Group grow align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            label={t('organizations.postalCode')}
            maw={120}
            inputMode="numeric"
            {...form.getInputProps('postalCode')}
          />
          <TextInput label={t('organizations.city')} {...form.getInputProps('city')} />
        </Group>
        <DistrictSelect label={t('organizations.district')} {...form.getInputProps('district')} />
        <TextInput label={t('organizations.website')} {...form.getInputProps('website')} />
        <TextInput label={t('organizations.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('organizations.phone')} type="tel" {...form.getInputProps('phone')} />
      </SimpleGrid>
      <TagPicker
        label={t('organizations.tags')}
        creatable
        {...form.getInputProps('tagIds')}
        value={form.getValues().tagIds}
        onChange={(ids) => form.setFieldValue('tagIds', ids)}
      />
      <Textarea label={t('organizations.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
    </RecordForm>
  );
}
