import { useTranslation } from 'react-i18next';
import { type ConflictField, ConflictPanel } from '../forms/conflict-panel.tsx';
import { DuplicateCandidates } from '../forms/duplicate-candidates.tsx';
import { FormAlert } from '../forms/form-alert.tsx';
import { AnchorLink } from '../router-link.tsx';
import type { VersionedForm } from './use-versioned-form.ts';

/** A likely duplicate of a 409 DUPLICATE_CANDIDATES, as persons and organisations report them. */
export type Duplicate = { id: number; name: string; reason: 'email' | 'name' };

export type VersionedFormAlertsProps<V extends Record<string, unknown>, D extends Duplicate> = {
  vf: VersionedForm<V, D>;
  /** The fields the conflict panel compares. */
  fields: ConflictField<V>[];
  error: unknown;
  pending: boolean;
  /** Where a likely duplicate opens and what it shows beside its name; without it, a 409 shows no candidates. */
  duplicates?: { to: '/personen/$id' | '/organisationen/$id'; detail: (d: D) => string | null | undefined };
  /** Opening a duplicate leaves the form (closes its dialog). */
  onOpenDuplicate?: () => void;
  /** The duplicates' confirm button ("create anyway" by default). */
  confirmLabel?: string;
};

/** Above a versioned form: the conflict panel after a 412, a general error, the duplicates of a 409. */
export function VersionedFormAlerts<V extends Record<string, unknown>, D extends Duplicate>(
  props: VersionedFormAlertsProps<V, D>,
) {
  const { t } = useTranslation();
  const { vf, duplicates } = props;
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
      {duplicates && vf.duplicates && vf.duplicates.length > 0 && (
        <DuplicateCandidates
          candidates={vf.duplicates.map((d) => ({
            id: d.id,
            reason: d.reason,
            detail: duplicates.detail(d),
            link: (
              <AnchorLink to={duplicates.to} params={{ id: d.id }} size="sm" fw={600} onClick={props.onOpenDuplicate}>
                {d.name}
              </AnchorLink>
            ),
          }))}
          confirmLabel={props.confirmLabel ?? t('forms.createAnyway')}
          loading={props.pending}
          onConfirm={vf.confirmDuplicate}
        />
      )}
    </>
  );
}
