import type { ErrorCode } from '@anett/shared/error-codes';
import { type FormValidateInput, type UseFormReturnType, useForm } from '@mantine/form';
import { useState } from 'react';
import { type ApiError, isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { type ConflictField, type ConflictRow, conflictRows } from '../forms/conflict-panel.tsx';

type Values = Record<string, unknown>;
/** What the user started from: the baseline of a patch and of the conflict comparison. */
export type Loaded<V> = { values: V; version: number };
/** `confirmed`: the user confirmed the server's warning (likely duplicates, a capacity below the bookings). */
export type SaveOptions = { version?: number; confirmed?: boolean };

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
