import { type Relation, relationInput } from '@anett/shared/schemas/network';
import { RELATION_TYPE } from '@anett/shared/vocab/enums';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { changedKeys } from '../../components/forms/conflict-panel.tsx';
import { DayInput } from '../../components/forms/day-input.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { VersionedFormAlerts } from '../../components/records/versioned-form-alerts.tsx';
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
  type: v.type || undefined,
  networkId: v.target === 'network' && v.networkId ? Number(v.networkId) : null,
  nodeId: v.target === 'node' && v.nodeId ? Number(v.nodeId) : null,
  responsibility: v.responsibility,
  fromDate: v.fromDate,
  toDate: v.toDate,
});

type Props = {
  organizationId: number;
  /** `'new'` adds a relation, a relation edits it, null closes. */
  target: Relation | 'new' | null;
  onClose: () => void;
};

/** Add or change a relation of the organisation to ANeTT (or a partner network) or to a QTI node. */
export function RelationFormModal({ organizationId, target, onClose }: Props) {
  const { t } = useLabels();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('organizations.editRelation') : t('organizations.addRelation')}
      size="lg"
    >
      {target !== null && (
        <RelationForm key={editing?.id ?? 'new'} organizationId={organizationId} editing={editing} onClose={onClose} />
      )}
    </Modal>
  );
}

function RelationForm({
  organizationId,
  editing,
  onClose,
}: {
  organizationId: number;
  editing: Relation | null;
  onClose: () => void;
}) {
  const { t, label } = useLabels();
  const create = useCreateRelation();
  const update = useUpdateRelation();
  const networks = useQuery(networkListOptions());
  const nodes = useQuery(nodeOptionsQuery());
  const initial = toValues(editing);
  const done = () => {
    notifications.show({ color: 'green', message: t('organizations.relationSaved') });
    onClose();
  };
  const vf = useVersionedForm<Values, Relation>({
    initial: { values: initial, version: editing?.version ?? 0 },
    validate: (values) => {
      const errors = zodFieldErrors(t, relationInput, toInput(organizationId, values));
      // "networkId or nodeId is required" belongs to the select the user sees.
      if (errors.networkId && values.target === 'node') {
        errors.nodeId = errors.networkId;
        delete errors.networkId;
      }
      return errors;
    },
    onConflict: () => {
      notifications.show({ color: 'orange', message: t('common.versionConflict') });
      onClose();
    },
    save: (values, _loaded, _opts, fail) => {
      const input = toInput(organizationId, values);
      if (editing) {
        const before = toInput(organizationId, initial);
        const changed = changedKeys(before, input).filter((k) => k !== 'organizationId');
        if (changed.length === 0) return onClose();
        const patch = Object.fromEntries(changed.map((k) => [k, input[k]]));
        update.mutate({ relation: editing, patch }, { onSuccess: done, onError: fail });
      } else {
        create.mutate(input as Parameters<typeof create.mutate>[0], { onSuccess: done, onError: fail });
      }
    },
  });
  const { form } = vf;
  const mutation = editing ? update : create;
  const values = form.getValues();

  return (
    <form onSubmit={vf.submit} noValidate>
      <Stack gap="md">
        <VersionedFormAlerts vf={vf} fields={[]} error={mutation.error} pending={mutation.isPending} />
        <Select
          label={t('organizations.relationType')}
          required
          data-autofocus
          data={Object.keys(RELATION_TYPE).map((k) => ({ value: k, label: label(RELATION_TYPE, k) }))}
          allowDeselect={false}
          {...form.getInputProps('type')}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="relation-target-label">
            {t('organizations.relationTarget')}
          </Text>
          <SegmentedControl
            aria-labelledby="relation-target-label"
            data={[
              { value: 'network', label: t('organizations.targetNetwork') },
              { value: 'node', label: t('organizations.targetNode') },
            ]}
            {...form.getInputProps('target')}
          />
        </div>
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
        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('organizations.fromDate')} {...form.getInputProps('fromDate')} />
          <DayInput label={t('organizations.toDate')} {...form.getInputProps('toDate')} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
