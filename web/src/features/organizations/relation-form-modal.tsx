import { type Relation, type RelationInput, relationInput } from '@anett/shared/schemas/network';
import { RELATION_TYPE, type RelationType } from '@anett/shared/vocab/enums';
import { Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PeriodInputs } from '../../components/forms/period-inputs.tsx';
import { SegmentedField } from '../../components/forms/segmented-field.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { RecordForm } from '../../components/records/record-form.tsx';
import { type RecordFormProps, recordFormModal } from '../../components/records/record-form-modal.tsx';
import { useSubRecordForm } from '../../components/records/use-sub-record-form.ts';
import { useLabels } from '../../lib/i18n.ts';
import { networkListOptions, nodeOptionsQuery } from '../../lib/reference-data.ts';
import { useCreateRelation, useUpdateRelation } from './api.ts';

type Values = {
  type: string;
  target: 'network' | 'node';
  networkId: string | null;
  nodeId: string | null;
  responsibility: string;
  fromDate: string | null;
  toDate: string | null;
};

const toValues = (r: Relation | null): Values => ({
  type: r?.type ?? '',
  target: r?.nodeId ? 'node' : 'network',
  networkId: r?.networkId ? String(r.networkId) : null,
  nodeId: r?.nodeId ? String(r.nodeId) : null,
  responsibility: r?.responsibility ?? '',
  fromDate: r?.fromDate ?? null,
  toDate: r?.toDate ?? null,
});

const toInput = (organizationId: number, v: Values) => ({
  organizationId,
  type: (v.type || undefined) as RelationType | undefined,
  networkId: v.target === 'network' && v.networkId ? Number(v.networkId) : null,
  nodeId: v.target === 'node' && v.nodeId ? Number(v.nodeId) : null,
  responsibility: v.responsibility,
  fromDate: v.fromDate,
  toDate: v.toDate,
});

/** Add or change a relation of the organisation to ANeTT (or a partner network) or to a QTI node. */
export const RelationFormModal = recordFormModal(RelationForm, {
  title: (t) => ({ add: t('organizations.addRelation'), edit: t('organizations.editRelation') }),
  size: 'lg',
});

function RelationForm({ organizationId, editing, onClose }: RecordFormProps<Relation> & { organizationId: number }) {
  const { t, label } = useLabels();
  const create = useCreateRelation();
  const update = useUpdateRelation();
  const networks = useQuery(networkListOptions());
  const nodes = useQuery(nodeOptionsQuery());
  const vf = useSubRecordForm({
    editing,
    initial: toValues(editing),
    toInput: (values) => toInput(organizationId, values),
    validate: (values) => {
      const errors = zodFieldErrors(t, relationInput, toInput(organizationId, values));
      // "networkId or nodeId is required" belongs to the select the user sees.
      if (errors.networkId && values.target === 'node') {
        errors.nodeId = errors.networkId;
        delete errors.networkId;
      }
      return errors;
    },
    saved: t('organizations.relationSaved'),
    conflict: t('common.versionConflict'),
    onClose,
    create: (input, handlers) => create.mutate(input as RelationInput, handlers),
    update: (relation, patch, handlers) => update.mutate({ relation, patch }, handlers),
  });
  const { form } = vf;
  const mutation = editing ? update : create;
  const values = form.getValues();

  return (
    <RecordForm vf={vf} mutation={mutation} onCancel={onClose}>
      <Select
        label={t('organizations.relationType')}
        required
        data-autofocus
        data={Object.keys(RELATION_TYPE).map((k) => ({ value: k, label: label(RELATION_TYPE, k) }))}
        allowDeselect={false}
        {...form.getInputProps('type')}
      />
      <SegmentedField
        label={t('organizations.relationTarget')}
        data={[
          { value: 'network', label: t('organizations.targetNetwork') },
          { value: 'node', label: t('organizations.targetNode') },
        ]}
        {...form.getInputProps('target')}
      />
      {values.target === 'network' ? (
        <Select
          label={t('organizations.targetNetwork')}
          required
          data={(networks.data?.items ?? []).map((n) => ({
            value: String(n.id),
            label: n.shortName ? `${n.name} (${n.shortName})` : n.name,
          }))}
          searchable
          {...form.getInputProps('networkId')}
        />
      ) : (
        <Select
          label={t('organizations.targetNode')}
          required
          data={(nodes.data?.items ?? []).map((n) => ({ value: String(n.id), label: n.name }))}
          {...form.getInputProps('nodeId')}
        />
      )}
      <TextInput
        label={t('organizations.responsibility')}
        description={t('organizations.responsibilityHint')}
        {...form.getInputProps('responsibility')}
      />
      <PeriodInputs form={form} />
    </RecordForm>
  );
}
