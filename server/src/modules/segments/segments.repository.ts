import type { Db } from '@anett/db/client';
import { persons, type SegmentRow, segments, users } from '@anett/db/schema';
import type { PersonFilter } from '@anett/shared/schemas/person';
import type { SEGMENT_SORT_FIELDS } from '@anett/shared/schemas/segment';
import { and, asc, desc, eq, or, type SQL } from 'drizzle-orm';
import { contains, countWhere, paged } from '../../lib/listing.ts';
import { deleteAtVersion, updateAtVersion } from '../../lib/rows.ts';
import { personWhere } from '../persons/person-filter.ts';

export type SegmentWithOwner = SegmentRow & { ownerName: string };
export type SegmentSort = { field: (typeof SEGMENT_SORT_FIELDS)[number]; desc: boolean };
type SegmentValues = { name: string; filter: PersonFilter; shared: boolean };

const sortColumns = { name: segments.name, createdAt: segments.createdAt, updatedAt: segments.updatedAt } as const;

export function createSegmentsRepository(db: Db) {
  const withOwner = () =>
    db
      .select({ s: segments, ownerName: users.name })
      .from(segments)
      .innerJoin(users, eq(users.id, segments.ownerId))
      .$dynamic();
  const flatten = ({ s, ownerName }: { s: SegmentRow; ownerName: string }): SegmentWithOwner => ({ ...s, ownerName });
  /** Own segments and the shared ones of others. */
  const visibleTo = (userId: number) => or(eq(segments.ownerId, userId), eq(segments.shared, true)) as SQL;

  return {
    /** Persons matching the segment's filter now (the same condition as the person list). */
    count(filter: PersonFilter): number {
      return countWhere(db, persons, personWhere(filter));
    },

    list(userId: number, query: { page: number; pageSize: number; q?: string; sort?: SegmentSort }) {
      const where = and(visibleTo(userId), query.q ? contains(segments.name, query.q) : undefined);
      const dir = query.sort?.desc ? desc : asc;
      const rows = paged(
        withOwner()
          .where(where)
          .orderBy(dir(sortColumns[query.sort?.field ?? 'name']), asc(segments.id)),
        query,
      )
        .all()
        .map(flatten);
      return { rows, total: countWhere(db, segments, where) };
    },

    find(id: number): SegmentWithOwner | undefined {
      const row = withOwner().where(eq(segments.id, id)).get();
      return row ? flatten(row) : undefined;
    },

    create(ownerId: number, values: SegmentValues): SegmentRow {
      return db
        .insert(segments)
        .values({ ...values, ownerId })
        .returning()
        .get();
    },

    /** Optimistic update: undefined when the version no longer matches. */
    update(id: number, version: number, values: Partial<SegmentValues>): SegmentRow | undefined {
      return updateAtVersion(db, segments, id, version, values);
    },

    delete(id: number, version: number): SegmentRow | undefined {
      return deleteAtVersion(db, segments, id, version);
    },
  };
}
export type SegmentsRepository = ReturnType<typeof createSegmentsRepository>;
