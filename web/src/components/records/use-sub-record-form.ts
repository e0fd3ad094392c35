import { notifications } from '@mantine/notifications';
import { changedKeys } from '../forms/conflict-panel.tsx';
import { useVersionedForm } from './use-versioned-form.ts';

type Handlers = { onSuccess: () => void; onError: (err: unknown) => void };

type Options<V extends Record<string, unknown>, R extends { version: number }, I extends Record<string, unknown>> = {
  /** The record the form edits, or null for a new one. */
  editing: R | null;
  initial: V;
  /** Form values → the API's input; an edit sends the keys whose input changed. */
  toInput: (values: V) => I;
  validate: (values: V) => Record<string, string>;
  /** The notice after saving. */
  saved: string;
  /** The notice after a 412 (the record changed meanwhile; its parent reloads). */
  conflict: string;
  onClose: () => void;
  create: (input: I, handlers: Handlers) => void;
  update: (record: R, patch: Partial<I>, handlers: Handlers) => void;
};

/**
 * The add/edit form of a small sub-record (affiliation, office, relation, contact point): a notice and close when
 * saved and after a 412; when nothing changed it closes quietly, without a request.
 */
export function useSubRecordForm<
  V extends Record<string, unknown>,
  R extends { version: number },
  I extends Record<string, unknown>,
>(o: Options<V, R, I>) {
  const done = () => {
    notifications.show({ color: 'green', message: o.saved });
    o.onClose();
  };
  return useVersionedForm<V, R>({
    initial: { values: o.initial, version: o.editing?.version ?? 0 },
    validate: o.validate,
    onConflict: () => {
      notifications.show({ color: 'orange', message: o.conflict });
      o.onClose();
    },
    save: (values, _loaded, _opts, fail) => {
      const input = o.toInput(values);
      const handlers = { onSuccess: done, onError: fail };
      if (!o.editing) return o.create(input, handlers);
      const changed = changedKeys(o.toInput(o.initial), input);
      if (changed.length === 0) return o.onClose();
      o.update(o.editing, Object.fromEntries(changed.map((k) => [k, input[k]])) as Partial<I>, handlers);
    },
  });
}
