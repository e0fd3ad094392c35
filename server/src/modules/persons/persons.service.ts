import type { PersonRow } from '@anett/db/schema';
import {
  type ContactPointKind,
  PERSON_MERGE_FIELDS,
  type Person,
  type PersonMergeField,
} from '@anett/shared/schemas/person';
import type { AppContext } from '../../context.ts';
import { versionConflict } from '../../lib/concurrency.ts';
import { AppError, fieldError, orNotFound } from '../../lib/errors.ts';
import type { Actor } from '../audit/audit.repository.ts';
import type { PersonFields, PersonsRepository } from './persons.repository.ts';

/** Contact fields whose value not kept stays on the merged person as an additional one. */
const CONTACT_FIELDS = ['email', 'phone', 'mobile'] as const satisfies readonly (PersonMergeField & ContactPointKind)[];

export const personDeleted = (row: PersonRow) =>
  new AppError(row.mergedIntoId ? 'PERSON_MERGED' : 'PERSON_DELETED', 409, 'The person is deleted; restore it first', {
    data: { mergedIntoId: row.mergedIntoId },
  });

export function createPersonsService(repo: PersonsRepository, change: AppContext['change']) {
  return {
    /** 409 DUPLICATE_CANDIDATES listing live persons with the same e-mail or normalised name, unless confirmed. */
    assertNoDuplicates(
      values: { firstName: string; lastName: string; email: string | null },
      confirmed: boolean,
      excludeId?: number,
    ) {
      if (confirmed) return;
      const candidates = repo.duplicateCandidates(values, excludeId);
      if (!candidates.length) return;
      throw AppError.of('DUPLICATE_CANDIDATES', 'Likely duplicates exist; send confirmDuplicate: true to go on', {
        data: { candidates },
      });
    },

    /**
     * Merges `sourceId` into `targetId` in one transaction: every affiliation, office, tag, attendance, interaction
     * link, consent entry and additional contact value ends up on the target; per field the target keeps the value
     * chosen in `keep` (default: its own, else the source's); an e-mail, phone or mobile not kept stays as an additional
     * value; the source is deleted with `mergedIntoId`, and both get an audit entry.
     */
    async merge(
      targetId: number,
      sourceId: number,
      keep: Partial<Record<PersonMergeField, 'target' | 'source'>>,
      actor: Actor,
      version?: number,
    ): Promise<Person> {
      const target = orNotFound(repo.findRow(targetId), 'person');
      if (target.deletedAt || target.erasedAt) throw personDeleted(target);
      if (version !== undefined && version !== target.version) throw versionConflict(repo.detail(targetId) ?? target);
      if (sourceId === targetId) throw fieldError('sourceId', 'muss eine andere Person sein');
      const source = repo.findRow(sourceId);
      if (!source) throw fieldError('sourceId', 'unbekannte Person');
      if (source.deletedAt || source.erasedAt) throw personDeleted(source);

      const fill: Partial<PersonFields> = {};
      const filled: Record<string, [unknown, unknown]> = {};
      const chosen = (field: PersonMergeField) =>
        keep[field] ?? (target[field] === null && source[field] !== null ? 'source' : 'target');
      for (const field of PERSON_MERGE_FIELDS) {
        if (chosen(field) === 'source' && source[field] !== target[field]) {
          Object.assign(fill, { [field]: source[field] });
          filled[field] = [target[field], source[field]];
        }
      }
      // Nothing a user still needs is dropped: the e-mail or number not kept as the main one stays as an extra one.
      const extras = CONTACT_FIELDS.flatMap((kind) => {
        const other = chosen(kind) === 'source' ? target[kind] : source[kind];
        return other?.trim() ? [{ kind, value: other }] : [];
      });
      if (source.notes && source.notes !== target.notes) {
        fill.notes = target.notes ? `${target.notes}\n\n${source.notes}` : source.notes;
        filled.notes = [target.notes, fill.notes];
      }

      await change(
        actor,
        () => {
          if (!repo.update(targetId, target.version, fill)) throw versionConflict(repo.detail(targetId) ?? target);
          const links = repo.moveLinks(sourceId, targetId);
          const dropped = repo.dedupeContactPoints(targetId);
          const added = extras.filter((x) => !repo.hasContactValue(targetId, x.kind, x.value));
          for (const x of added) repo.contactPoints.create(targetId, { ...x, label: null });
          return { ...links, dropped, added, merged: repo.markMerged(sourceId, targetId) };
        },
        ({ moved, droppedAttendances, droppedSessionAttendances, dropped, added, merged }) => [
          {
            entity: 'person',
            entityId: targetId,
            action: 'merge',
            diff: {
              ...filled,
              merge: {
                source: { id: source.id, firstName: source.firstName, lastName: source.lastName, email: source.email },
                moved,
                ...(added.length ? { additionalContactPoints: added } : {}),
                ...(dropped.length ? { droppedDuplicateContactPoints: dropped } : {}),
                // Both attended: the target's row was kept; the source's is kept here.
                droppedAttendances,
                droppedSessionAttendances,
              },
            },
          },
          {
            entity: 'person',
            entityId: sourceId,
            action: 'merged_into',
            diff: { mergedIntoId: [null, targetId], deletedAt: [null, merged?.deletedAt ?? null] },
          },
        ],
      );
      return repo.detail(targetId) as Person;
    },
  };
}
export type PersonsService = ReturnType<typeof createPersonsService>;
