import type { Person } from '@anett/shared/schemas/person';
import { versionConflict } from '../../lib/concurrency.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { PersonFields, PersonRow, PersonsRepository } from './persons.repository.ts';

type Actor = { userId: number | null; requestId?: string; ip?: string };

/** Contact fields a merge copies from the source where the target has none. */
const FILL_FIELDS = ['salutation', 'title', 'email', 'phone', 'mobile'] as const;

export const personDeleted = (row: PersonRow) =>
  new AppError(row.mergedIntoId ? 'PERSON_MERGED' : 'PERSON_DELETED', 409, 'The person is deleted; restore it first', {
    data: { mergedIntoId: row.mergedIntoId },
  });

export function createPersonsService(repo: PersonsRepository, audit: AuditRepository) {
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
      throw new AppError('DUPLICATE_CANDIDATES', 409, 'Likely duplicates exist; send confirmDuplicate: true to go on', {
        data: { candidates },
      });
    },

    /**
     * Merges `sourceId` into `targetId` in one transaction: every affiliation, office, tag, attendance, interaction
     * link and consent entry ends up on the target, empty contact fields of the target are filled from the source,
     * the source is deleted with `mergedIntoId`, and both get an audit entry.
     */
    merge(targetId: number, sourceId: number, actor: Actor, version?: number): Person {
      const target = repo.findRow(targetId);
      if (!target) throw notFound('person');
      if (target.deletedAt || target.erasedAt) throw personDeleted(target);
      if (version !== undefined && version !== target.version) throw versionConflict(repo.detail(targetId) ?? target);
      if (sourceId === targetId) throw fieldError('sourceId', 'muss eine andere Person sein');
      const source = repo.findRow(sourceId);
      if (!source) throw fieldError('sourceId', 'unbekannte Person');
      if (source.deletedAt || source.erasedAt) throw personDeleted(source);

      const fill: Partial<PersonFields> = {};
      const filled: Record<string, [unknown, unknown]> = {};
      for (const field of FILL_FIELDS) {
        if (target[field] === null && source[field] !== null) {
          Object.assign(fill, { [field]: source[field] });
          filled[field] = [null, source[field]];
        }
      }
      if (source.notes && source.notes !== target.notes) {
        fill.notes = target.notes ? `${target.notes}\n\n${source.notes}` : source.notes;
        filled.notes = [target.notes, fill.notes];
      }

      repo.transaction(() => {
        if (!repo.update(targetId, target.version, fill)) throw versionConflict(repo.detail(targetId) ?? target);
        const { moved, droppedAttendances, droppedSessionAttendances } = repo.moveLinks(sourceId, targetId);
        const merged = repo.markMerged(sourceId, targetId);
        audit.record({
          ...actor,
          entity: 'person',
          entityId: targetId,
          action: 'merge',
          diff: {
            ...filled,
            merge: {
              source: { id: source.id, firstName: source.firstName, lastName: source.lastName, email: source.email },
              moved,
              // Both attended: the target's row was kept; the source's is kept here.
              droppedAttendances,
              droppedSessionAttendances,
            },
          },
        });
        audit.record({
          ...actor,
          entity: 'person',
          entityId: sourceId,
          action: 'merged_into',
          diff: { mergedIntoId: [null, targetId], deletedAt: [null, merged?.deletedAt ?? null] },
        });
      });
      return repo.detail(targetId) as Person;
    },
  };
}
export type PersonsService = ReturnType<typeof createPersonsService>;
