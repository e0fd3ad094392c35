import type { Db } from '@anett/db/client';
import { nodes, organizations, persons } from '@anett/db/schema';
import type { TimelineItem } from '@anett/shared/schemas/interaction';
import type { AttendanceRole, AttendanceStatus, EventKind } from '@anett/shared/vocab/enums';
import { eq, type SQL, sql } from 'drizzle-orm';
import { createInteractionReader, personNameSql } from './interactions.repository.ts';

type EntryType = 'interaction' | 'attendance';
/** Position in the timeline (at DESC, type DESC, id DESC) of the last item of a page. */
export type TimelineCursor = { at: string; type: EntryType; id: number };

export const encodeCursor = (c: TimelineCursor) => Buffer.from(`${c.at}|${c.type}|${c.id}`).toString('base64url');

export function decodeCursor(value: string): TimelineCursor | undefined {
  const match = /^([^|]{1,64})\|(interaction|attendance)\|(\d{1,15})$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) return undefined;
  return { at: match[1] as string, type: match[2] as EntryType, id: Number(match[3]) };
}

export type TimelineSubject = 'person' | 'organization' | 'node';

type EntryRow = {
  type: EntryType;
  id: number;
  at: string;
  eventId: number | null;
  eventTitle: string | null;
  eventKind: string | null;
  status: string | null;
  role: string | null;
  personId: number | null;
  personName: string | null;
  organizationId: number | null;
  organizationName: string | null;
};

/**
 * Rows of one branch that come after the cursor. Each branch has one type, so the order's type term turns into a
 * plain range on `at` that the branch's index can seek to.
 */
function after(cursor: TimelineCursor | undefined, type: EntryType, at: SQL, id: SQL): SQL {
  if (!cursor) return sql``;
  if (type < cursor.type) return sql` AND ${at} <= ${cursor.at}`;
  if (type > cursor.type) return sql` AND ${at} < ${cursor.at}`;
  return sql` AND ${at} <= ${cursor.at} AND (${at} < ${cursor.at} OR ${id} < ${cursor.id})`;
}

const interactionColumns = sql`'interaction' AS type, interactions.id AS id, interactions.occurred_at AS at,
  NULL AS eventId, NULL AS eventTitle, NULL AS eventKind, NULL AS status, NULL AS role,
  NULL AS personId, NULL AS personName, NULL AS organizationId, NULL AS organizationName`;

const attendanceColumns = sql`'attendance', attendances.id, events.starts_at,
  events.id, events.title, events.kind, attendances.status, attendances.role,
  persons.id, ${personNameSql()}, attendances.organization_id,
  coalesce(attendances.organization_name, (SELECT name FROM organizations WHERE id = attendances.organization_id))`;

const interactionAt = sql`interactions.occurred_at`;
const interactionId = sql`interactions.id`;
const attendanceAt = sql`events.starts_at`;
const attendanceId = sql`attendances.id`;

/** One UNION ALL per subject: each branch walks its own index in time order and SQLite merges them (see EXPLAIN). */
export function timelineQuery(
  subject: TimelineSubject,
  id: number,
  cursor: TimelineCursor | undefined,
  limit: number,
): SQL {
  const ia = after(cursor, 'interaction', interactionAt, interactionId);
  const aa = after(cursor, 'attendance', attendanceAt, attendanceId);
  // The three timelines differ only in which interactions and attendances belong to the subject.
  const withPersons = sql`JOIN persons ON persons.id = attendances.person_id`;
  const [interactionsOf, attendancesOf] = {
    person: [
      sql`interaction_persons JOIN interactions ON interactions.id = interaction_persons.interaction_id
        WHERE interaction_persons.person_id = ${id}`,
      sql`attendances JOIN events ON events.id = attendances.event_id ${withPersons}
        WHERE attendances.person_id = ${id}`,
    ],
    organization: [
      sql`interaction_organizations JOIN interactions ON interactions.id = interaction_organizations.interaction_id
        WHERE interaction_organizations.organization_id = ${id}`,
      sql`attendances JOIN events ON events.id = attendances.event_id ${withPersons}
        WHERE attendances.organization_id = ${id} AND persons.deleted_at IS NULL`,
    ],
    node: [
      sql`interactions WHERE interactions.node_id = ${id}`,
      sql`events JOIN attendances ON attendances.event_id = events.id ${withPersons}
        WHERE events.node_id = ${id} AND persons.deleted_at IS NULL`,
    ],
  }[subject];
  return sql`SELECT ${interactionColumns} FROM ${interactionsOf} AND interactions.deleted_at IS NULL${ia}
    UNION ALL
    SELECT ${attendanceColumns} FROM ${attendancesOf} AND events.deleted_at IS NULL${aa}
    ORDER BY at DESC, type DESC, id DESC LIMIT ${limit}`;
}

export function createTimelineRepository(db: Db) {
  const interactionReader = createInteractionReader(db);
  return {
    /** Whether the person, organisation or node exists at all (deleted ones keep their history). */
    exists(subject: TimelineSubject, id: number): boolean {
      const table = subject === 'person' ? persons : subject === 'organization' ? organizations : nodes;
      return db.select({ id: table.id }).from(table).where(eq(table.id, id)).get() !== undefined;
    },

    /** Interactions and attendances, newest first; `nextCursor` is null on the last page. */
    page(subject: TimelineSubject, id: number, opts: { limit: number; cursor?: TimelineCursor }) {
      const rows = db.all<EntryRow>(timelineQuery(subject, id, opts.cursor, opts.limit + 1));
      const pageRows = rows.slice(0, opts.limit);
      const interactionsById = new Map(
        interactionReader
          .byIds(pageRows.filter((r) => r.type === 'interaction').map((r) => r.id))
          .map((i) => [i.id, i]),
      );
      const items: TimelineItem[] = pageRows.flatMap((r): TimelineItem[] => {
        if (r.type === 'interaction') {
          const interaction = interactionsById.get(r.id);
          return interaction ? [{ type: 'interaction', at: r.at, interaction }] : [];
        }
        return [
          {
            type: 'attendance',
            at: r.at,
            attendanceId: r.id,
            event: { id: r.eventId as number, title: r.eventTitle as string, kind: r.eventKind as EventKind },
            person: { id: r.personId as number, name: r.personName as string },
            status: r.status as AttendanceStatus,
            role: r.role as AttendanceRole,
            organization: r.organizationName === null ? null : { id: r.organizationId, name: r.organizationName },
          },
        ];
      });
      const last = pageRows.at(-1);
      const nextCursor =
        rows.length > opts.limit && last ? encodeCursor({ at: last.at, type: last.type, id: last.id }) : null;
      return { items, nextCursor };
    },
  };
}
export type TimelineRepository = ReturnType<typeof createTimelineRepository>;
