import type { Segment, SegmentFilterInput } from '@anett/shared/schemas/segment';
import { Modal, Switch, TextInput } from '@mantine/core';
import { RecordForm } from '../../components/records/record-form.tsx';
import { useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCreateSegment, useUpdateSegment } from './api.ts';

type Props = {
  /** A filter to save as a new segment, a segment to rename/share, or null (closed). */
  target: { filter: SegmentFilterInput } | { segment: Segment } | null;
  onClose: () => void;
  onSaved: (segment: Segment) => void;
  onConflict?: () => void;
};

type Values = { name: string; shared: boolean };

export function SegmentFormModal({ target, ...props }: Props) {
  const { t } = useLabels();
  const editing = target && 'segment' in target ? target.segment : null;
  return (
    <Modal
      opened={target !== null}
      onClose={props.onClose}
      title={editing ? t('segments.editTitle') : t('segments.saveTitle')}
    >
      {target !== null && <SegmentForm key={editing?.id ?? 'new'} target={target} {...props} />}
    </Modal>
  );
}

function SegmentForm({ target, onClose, onSaved, onConflict }: Props & { target: NonNullable<Props['target']> }) {
  const { t } = useLabels();
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const editing = 'segment' in target ? target.segment : null;
  const vf = useVersionedForm<Values, Segment>({
    initial: {
      values: editing ? { name: editing.name, shared: editing.shared } : { name: '', shared: false },
      version: editing?.version ?? 0,
    },
    validate: { name: (v) => (v.trim() ? null : t('segments.required')) },
    onConflict,
    save: (values, _loaded, _opts, fail) => {
      const name = values.name.trim();
      if (editing) {
        update.mutate(
          { segment: editing, patch: { name, shared: values.shared } },
          { onSuccess: onSaved, onError: fail },
        );
      } else if ('filter' in target) {
        create.mutate({ name, shared: values.shared, filter: target.filter }, { onSuccess: onSaved, onError: fail });
      }
    },
  });
  const { form } = vf;
  const mutation = editing ? update : create;

  return (
    <RecordForm vf={vf} mutation={mutation} onCancel={onClose}>
      <TextInput
        label={t('segments.name')}
        required
        maxLength={120}
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Switch
        label={t('segments.shared')}
        description={t('segments.sharedHint')}
        {...form.getInputProps('shared', { type: 'checkbox' })}
      />
    </RecordForm>
  );
}
