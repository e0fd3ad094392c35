import { useTranslation } from 'react-i18next';
import { type ConflictField, ConflictPanel } from '../forms/conflict-panel.tsx';
import { type Candidate, DuplicateCandidates } from '../forms/duplicate-candidates.tsx';
import { FormAlert } from '../forms/form-alert.tsx';
import type { VersionedForm } from './use-versioned-form.ts';

export type VersionedFormAlertsProps<V extends Record<string, unknown>, D> = {
  vf: VersionedForm<V, D>;
  /** The fields the conflict panel compares. */
  fields: ConflictField<V>[];
  error: unknown;
  pending: boolean;
  /** A duplicate candidate as a row (link to the record, a detail). */
  candidate?: (d: D) => Candidate;
  /** The duplicates' confirm button ("create anyway" by default). */
  confirmLabel?: string;
};

/** Above a versioned form: the conflict panel after a 412, a general error, the duplicates of a 409. */
export function VersionedFormAlerts<V extends Record<string, unknown>, D>(props: VersionedFormAlertsProps<V, D>) {
  const { t } = useTranslation();
  const { vf, candidate } = props;
  return (
    <>
      {vf.conflict && (
        <ConflictPanel
          rows={vf.conflictRows(props.fields)}
          onReload={vf.reload}
          onOverwrite={vf.overwrite}
          overwriting={props.pending}
        />
      )}
      <FormAlert>{vf.generalError(props.error)}</FormAlert>
      {candidate && vf.duplicates && vf.duplicates.length > 0 && (
        <DuplicateCandidates
          candidates={vf.duplicates.map(candidate)}
          confirmLabel={props.confirmLabel ?? t('forms.createAnyway')}
          loading={props.pending}
          onConfirm={vf.confirmDuplicate}
        />
      )}
    </>
  );
}
