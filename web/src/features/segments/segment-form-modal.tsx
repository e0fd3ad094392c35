import type { Segment, SegmentFilterInput } from '@anett/shared/schemas/segment';
import { Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
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

export function SegmentFormModal({ target, onClose, onSaved, onConflict }: Props) {
  const { t } = useLabels();
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const editing = target && 'segment' in target ? target.segment : null;
  const form = useForm<Values>({
    initialValues: { name: '', shared: false },
    validate: { name: (v) => (v.trim() ? null : t('segments.required')) },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens for another target
  useEffect(() => {
    if (target === null) return;
    create.reset();
    update.reset();
    const values = editing ? { name: editing.name, shared: editing.shared } : { name: '', shared: false };
    form.setInitialValues(values);
    form.setValues(values);
    form.clearErrors();
  }, [target]);

  const fail = (err: unknown) => {
    if (isApiError(err, 412) && onConflict) onConflict();
    else if (isApiError(err)) form.setErrors(err.fieldErrors);
  };

  const submit = form.onSubmit((values) => {
    const name = values.name.trim();
    if (editing) {
      update.mutate(
        { segment: editing, patch: { name, shared: values.shared } },
        { onSuccess: onSaved, onError: fail },
      );
    } else if (target && 'filter' in target) {
      create.mutate({ name, shared: values.shared, filter: target.filter }, { onSuccess: onSaved, onError: fail });
    }
  });

  const error = (editing ? update : create).error;
  const generalError =
    error && !(isApiError(error) && (Object.keys(error.fieldErrors).length > 0 || error.status === 412))
      ? errorMessage(t, error)
      : null;

  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('segments.editTitle') : t('segments.saveTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert>{generalError}</FormAlert>
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
          <FormActions
            onCancel={onClose}
            mt="xs"
            loading={create.isPending || update.isPending}
            label={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
