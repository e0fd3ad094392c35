import type { ErrorCode } from '@anett/shared/error-codes';
import { type FormValidateInput, type UseFormReturnType, useForm } from '@mantine/form';
import { useState } from 'react';
import { type ApiError, isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { type ConflictField, type ConflictRow, changedKeys, conflictRows } from '../forms/conflict-panel.tsx';

type Values = Record<string, unknown>;
/** What the user started from: the baseline of a patch and of the conflict comparison. */
export type Loaded<V> = { values: V; version: number };
/** `confirmed`: the user confirmed the server's warning (likely duplicates, a capacity below the bookings). */
export type SaveOptions = { version?: number; confirmed?: boolean };

/** A record as form values: each of the form's fields from the record, where it has none (or null) the empty value. */
export function recordValues<V extends Values>(empty: V, record: object): V {
  const fields = record as Record<string, unknown>;
  return Object.fromEntries(Object.entries(empty).map(([key, blank]) => [key, fields[key] ?? blank])) as V;
}

type Options<V extends Values, R extends { version: number }> = {
  initial: Loaded<V>;
  /** A record as the server sent it (the `current` of a 412) → form values. */
  toValues?: (record: R) => V;
  /** Field errors of the shared schema, keyed like the inputs (or Mantine's rules per field). */
  validate: FormValidateInput<V>;
  /** Maps server field errors onto the inputs (default: as they come). */
  mapErrors?: (errors: Record<string, string>) => Record<string, string>;
  /** A 412 on a small sub-record: instead of the conflict panel (e.g. say so, reload and close). */
  onConflict?: () => void;
  /** Errors the form shows its own way, by code (e.g. next to a field, or as a question); not a general error. */
  codes?: Partial<Record<ErrorCode, (err: ApiError, form: UseFormReturnType<V>) => void>>;
  /** Sends the values (a create, or a patch against `loaded` with `ifMatch`); `fail` goes to onError. */
  save: (values: V, loaded: Loaded<V>, opts: SaveOptions, fail: (err: unknown) => void) => void;
};

export type VersionedForm<V extends Values, D> = {
  form: UseFormReturnType<V>;
  loaded: Loaded<V>;
  /** The version saved meanwhile (after a 412), or null. */
  conflict: Loaded<V> | null;
  /** The likely duplicates of a 409 DUPLICATE_CANDIDATES, or null. */
  duplicates: D[] | null;
  submit: ReturnType<UseFormReturnType<V>['onSubmit']>;
  save: (values: V, opts?: SaveOptions) => void;
  /** Discards the user's changes and starts again from the version saved meanwhile. */
  reload: () => void;
  /** Sends the user's own changes over the version saved meanwhile. */
  overwrite: () => void;
  /** Creates anyway although there are likely duplicates. */
  confirmDuplicate: () => void;
  conflictRows: (fields: ConflictField<V>[]) => ConflictRow[];
  /** A message for an error that is neither a field error, a conflict, a duplicate nor one of `codes` (shown above the form). */
  generalError: (error: unknown) => string | null;
};

/**
 * The form state of a record that has a version: zod field errors next to the inputs, 412 → the conflict panel
 * (theirs vs yours, reload or overwrite), 409 DUPLICATE_CANDIDATES → the candidates and "create anyway".
 */
export function useVersionedForm<V extends Values, R extends { version: number }, D = never>(
  options: Options<V, R>,
): VersionedForm<V, D> {
  const { t } = useLabels();
  const [loaded, setLoaded] = useState(options.initial);
  const [conflict, setConflict] = useState<Loaded<V> | null>(null);
  const [duplicates, setDuplicates] = useState<D[] | null>(null);
  const mapErrors = options.mapErrors ?? ((e) => e);
  const form = useForm<V>({ initialValues: loaded.values, validate: options.validate });

  const ownHandler = (err: unknown) => (isApiError(err) ? options.codes?.[err.code as ErrorCode] : undefined);
  const fail = (err: unknown) => {
    const own = ownHandler(err);
    if (own) return own(err as ApiError, form);
    if (isApiError(err, 412) && options.onConflict) return options.onConflict();
    if (isApiError(err, 412)) {
      const current = (err.data as { current?: R } | undefined)?.current;
      if (current && options.toValues) setConflict({ values: options.toValues(current), version: current.version });
      return;
    }
    if (isApiError(err, 409) && err.code === 'DUPLICATE_CANDIDATES') {
      setDuplicates((err.data as { candidates?: D[] } | undefined)?.candidates ?? []);
      return;
    }
    if (isApiError(err)) form.setErrors(mapErrors(err.fieldErrors));
  };
  const save = (values: V, opts: SaveOptions = {}) => options.save(values, loaded, opts, fail);

  return {
    form,
    loaded,
    conflict,
    duplicates,
    save,
    submit: form.onSubmit((values) => {
      setDuplicates(null);
      save(values);
    }),
    reload: () => {
      if (!conflict) return;
      setLoaded(conflict);
      form.setValues(conflict.values);
      form.resetDirty(conflict.values);
      form.clearErrors();
      setConflict(null);
    },
    overwrite: () => {
      if (conflict) save(form.getValues(), { version: conflict.version });
    },
    confirmDuplicate: () => save(form.getValues(), { confirmed: true, version: conflict?.version }),
    conflictRows: (fields) => (conflict ? conflictRows(fields, loaded.values, conflict.values, form.getValues()) : []),
    generalError: (error) =>
      error &&
      !ownHandler(error) &&
      !(
        isApiError(error) &&
        (Object.keys(error.fieldErrors).length > 0 || error.status === 412 || error.code === 'DUPLICATE_CANDIDATES')
      )
        ? errorMessage(t, error)
        : null,
  };
}

type SaveMutation<I, R> = {
  mutate: (input: I, options: { onSuccess: (saved: R) => void; onError: (err: unknown) => void }) => void;
  error: unknown;
  isPending: boolean;
};

/**
 * The save of a form that creates and edits a record of a `recordApi` domain (person, organisation): a create sends
 * the whole input; an edit only the fields the user changed, against the version they started from (nothing changed:
 * the form just closes). `mutation` is the one in use, for RecordForm's error and spinner.
 */
export function createOrPatch<V extends Values, R, C, P>(spec: {
  editing: { id: number } | null;
  create: SaveMutation<C, R>;
  update: SaveMutation<{ id: number; version: number; patch: P }, R>;
  /** The whole input of a create; `confirmed`: the user has seen the likely duplicates. */
  createInput: (values: V, confirmed: boolean) => C;
  /** The fields an edit may send; the changed ones are the patch. */
  patchFields: (values: V) => object;
  onSaved: (saved: R, created: boolean) => void;
  onClose: () => void;
}) {
  const { editing, create, update, onSaved } = spec;
  const save: Options<V, never>['save'] = (values, loaded, opts, fail) => {
    if (!editing) {
      create.mutate(spec.createInput(values, opts.confirmed ?? false), {
        onSuccess: (saved) => onSaved(saved, true),
        onError: fail,
      });
      return;
    }
    const fields = spec.patchFields(values);
    // Changed keys the patch can carry (not a create-only field such as a person's first organisation).
    const keys = changedKeys(loaded.values, values).filter((k) => k in fields);
    if (keys.length === 0) return spec.onClose();
    const changed = Object.fromEntries(keys.map((k) => [k, fields[k as keyof typeof fields]]));
    // Only an edit that can meet likely duplicates (a person's new name or e-mail) is ever confirmed.
    const patch = (opts.confirmed ? { ...changed, confirmDuplicate: true } : changed) as P;
    update.mutate(
      { id: editing.id, version: opts.version ?? loaded.version, patch },
      { onSuccess: (saved) => onSaved(saved, false), onError: fail },
    );
  };
  return { save, mutation: editing ? update : create };
}
