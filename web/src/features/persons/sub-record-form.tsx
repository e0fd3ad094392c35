import type { ModalProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ComponentType } from 'react';
import type { z } from 'zod';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { RecordForm } from '../../components/records/record-form.tsx';
import { type RecordFormProps, recordFormModal } from '../../components/records/record-form-modal.tsx';
import { useSubRecordForm } from '../../components/records/use-sub-record-form.ts';
import { uncapitalize } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

type Values = Record<string, unknown>;
type Handlers = { onSuccess: () => void; onError: (err: unknown) => void };

/** A sub-record's save mutation: a new one, or the changed fields of one. */
type Save<R, I> = {
  mutate(vars: { create: I } | { record: R; patch: Partial<I> }, handlers: Handlers): void;
  error: unknown;
  isPending: boolean;
};

/** A kind of sub-record as `subRecordHooks` (api.ts) gives it: its name, the schema of a new one, its save. */
type Records<R, I> = {
  name: 'Affiliation' | 'Office' | 'ContactPoint';
  input: z.ZodType;
  useSave: (personId: number) => Save<R, I>;
};

type Spec<R, V, I> = {
  records: Records<R, I>;
  size?: ModalProps['size'];
  initial: (editing: R | null) => V;
  toInput: (values: V) => I;
  Fields: ComponentType<{ form: UseFormReturnType<V>; editing: R | null }>;
};
type Props<R, V, I> = RecordFormProps<R> & { personId: number; spec: Spec<R, V, I> };

function SubRecordForm<R extends { id: number; version: number }, V extends Values, I extends Values>({
  spec,
  personId,
  editing,
  onClose,
}: Props<R, V, I>) {
  const { t } = useLabels();
  const { records } = spec;
  const save = records.useSave(personId);
  const vf = useSubRecordForm({
    editing,
    initial: spec.initial(editing),
    toInput: spec.toInput,
    validate: (values) => zodFieldErrors(t, records.input, spec.toInput(values)),
    saved: t(`persons.${uncapitalize(records.name)}Saved`),
    conflict: t('persons.conflictReloaded'),
    onClose,
    create: (input, handlers) => save.mutate({ create: input }, handlers),
    update: (record, patch, handlers) => save.mutate({ record, patch }, handlers),
  });
  return (
    <RecordForm vf={vf} mutation={save} onCancel={onClose}>
      <spec.Fields form={vf.form} editing={editing} />
    </RecordForm>
  );
}

/**
 * The add/edit dialog of a person's sub-record (affiliation, office, contact point) around its `Fields`, titled
 * `persons.add<name>` / `persons.edit<name>`: the values are checked against the schema of a new one as they will be
 * sent, saved with the notice `persons.<name>Saved`; a 412 closes it and the person reloads.
 */
export function personSubRecordModal<R extends { id: number; version: number }, V extends Values, I extends Values>(
  Fields: Spec<R, V, I>['Fields'],
  records: Records<R, I>,
  options: Omit<Spec<R, V, I>, 'Fields' | 'records'>,
) {
  const spec = { ...options, records, Fields };
  const FormModal = recordFormModal<Props<R, V, I>>(SubRecordForm, {
    title: (t) => ({ add: t(`persons.add${records.name}`), edit: t(`persons.edit${records.name}`) }),
    size: spec.size,
  });
  return function PersonSubRecordModal(props: { target: R | 'new' | null; personId: number; onClose: () => void }) {
    return <FormModal {...props} spec={spec} />;
  };
}
