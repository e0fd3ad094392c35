import type { Db } from '@anett/db/client';
import {
  attendances,
  type EventRow,
  eventSessions,
  events,
  eventTopics,
  nodes,
  organizations,
  type SessionRow,
  sessionAttendances,
  topics,
} from '@anett/db/schema';
import { foldText } from '@anett/shared/normalize';
import type { AttendanceCounts, Event, EventDetail, EventSession, TopicRef } from '@anett/shared/schemas/event';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type EventKind } from '@anett/shared/vocab/enums';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { contains, countWhere, paged } from '../../lib/listing.ts';
import { deleteAtVersion, missingIds, replaceLinks, updateAtVersion } from '../../lib/rows.ts';
import { nowIso } from '../../lib/time.ts';

type EventValues = Pick<
  EventRow,
  'title' | 'kind' | 'nodeId' | 'startsAt' | 'endsAt' | 'location' | 'capacity' | 'description' | 'publicRegistration'
> & { publicSlug?: string | null };
type SessionValues = Pick<SessionRow, 'title' | 'startsAt' | 'endsAt' | 'hours'>;

export type EventListFilter = {
  page: number;
  pageSize: number;
  sort?: { field: 'startsAt' | 'title' | 'kind' | 'createdAt' | 'updatedAt'; desc: boolean };
  q?: string;
  when?: 'upcoming' | 'past';
  nodeId?: number[];
  kind?: EventKind[];
  topic?: string[];
  year?: number;
  from?: string;
  to?: string;
};

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const endOrStart = sql`coalesce(${events.endsAt}, ${events.startsAt})`;

const sortColumns = {
  startsAt: events.startsAt,
  title: sql`lower(${events.title})`,
  kind: events.kind,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
} as const;

function emptyCounts(): AttendanceCounts {
  return Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as AttendanceCounts;
}

/** Conditions of the event list; dates compare as UTC days, like the person filter's attendedFrom/attendedTo. */
function listConditions(f: EventListFilter): SQL[] {
  const out: SQL[] = [isNull(events.deletedAt)];
  const now = nowIso();
  if (f.when === 'upcoming') out.push(gte(endOrStart, now));
  if (f.when === 'past') out.push(lt(endOrStart, now));
  if (f.nodeId?.length) out.push(inArray(events.nodeId, f.nodeId));
  if (f.kind?.length) out.push(inArray(events.kind, f.kind));
  if (f.year) out.push(gte(events.startsAt, `${f.year}-01-01`), lt(events.startsAt, `${f.year + 1}-01-01`));
  // Overlap with [from, to], so a multi-day course shows on every day it runs.
  if (f.from) out.push(gte(endOrStart, f.from));
  if (f.to) out.push(lt(events.startsAt, nextDay(f.to)));
  if (f.topic?.length) {
    const ids = f.topic.filter((t) => /^\d+$/.test(t)).map(Number);
    const slugs = f.topic.filter((t) => !/^\d+$/.test(t));
    const topicMatch = or(
      ids.length ? inArray(topics.id, ids) : undefined,
      slugs.length ? inArray(topics.slug, slugs) : undefined,
    );
    out.push(
      sql`${events.id} IN (SELECT ${eventTopics.eventId} FROM ${eventTopics} JOIN ${topics} ON ${topics.id} = ${eventTopics.topicId} WHERE ${topicMatch})`,
    );
  }
  if (f.q) {
    // Every word, folded like the search index ("Sommerda" finds "Sömmerda"), in title or location.
    for (const word of f.q.split(/\s+/).filter(Boolean).slice(0, 8)) {
      out.push(contains(sql`anett_fold(${events.title} || ' ' || coalesce(${events.location}, ''))`, foldText(word)));
    }
  }
  return out;
}

export function createEventsRepository(db: Db) {
  const rowById = db
    .select()
    .from(events)
    .where(eq(events.id, sql.placeholder('id')))
    .prepare();
  const topicsFor = (eventIds: number[]) => {
    const map = new Map<number, TopicRef[]>();
    if (!eventIds.length) return map;
    const rows = db
      .select({
        eventId: eventTopics.eventId,
        id: topics.id,
        slug: topics.slug,
        label: topics.label,
        labelEn: topics.labelEn,
      })
      .from(eventTopics)
      .innerJoin(topics, eq(topics.id, eventTopics.topicId))
      .where(inArray(eventTopics.eventId, eventIds))
      .orderBy(asc(topics.label))
      .all();
    for (const { eventId, ...topic } of rows) map.set(eventId, [...(map.get(eventId) ?? []), topic]);
    return map;
  };

  const countsFor = (eventIds: number[]) => {
    const map = new Map<number, AttendanceCounts>();
    if (!eventIds.length) return map;
    const rows = db
      .select({ eventId: attendances.eventId, status: attendances.status, n: count() })
      .from(attendances)
      .where(inArray(attendances.eventId, eventIds))
      .groupBy(attendances.eventId, attendances.status)
      .all();
    for (const r of rows) {
      const counts = map.get(r.eventId) ?? emptyCounts();
      counts[r.status as AttendanceStatus] = r.n;
      map.set(r.eventId, counts);
    }
    return map;
  };

  /** Rows with their node, topics and counts, as the API returns them. */
  const shape = (rows: { event: EventRow; nodeName: string | null }[]): Event[] => {
    const ids = rows.map((r) => r.event.id);
    const topicMap = topicsFor(ids);
    const countMap = countsFor(ids);
    return rows.map(({ event, nodeName }) => ({
      ...event,
      kind: event.kind as EventKind,
      node: event.nodeId !== null && nodeName !== null ? { id: event.nodeId, name: nodeName } : null,
      topics: topicMap.get(event.id) ?? [],
      counts: countMap.get(event.id) ?? emptyCounts(),
    }));
  };

  const selectWithNode = () =>
    db
      .select({ event: events, nodeName: nodes.name })
      .from(events)
      .leftJoin(nodes, eq(nodes.id, events.nodeId))
      .$dynamic();

  const setTopics = (eventId: number, topicIds: number[]) =>
    replaceLinks(db, eventTopics, eventTopics.eventId, eventId, topicIds, (topicId) => ({ eventId, topicId }));

  /** A live (not deleted) event as the API returns it. */
  const get = (id: number): Event | undefined => {
    const row = selectWithNode()
      .where(and(eq(events.id, id), isNull(events.deletedAt)))
      .get();
    return row ? shape([row])[0] : undefined;
  };

  const sessionsOf = (eventId: number): EventSession[] =>
    db
      .select()
      .from(eventSessions)
      .where(eq(eventSessions.eventId, eventId))
      .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id))
      .all();

  return {
    /** The event row, also when soft-deleted. */
    /** The live event with this public slug. */
    findBySlug(slug: string): EventRow | undefined {
      return db
        .select()
        .from(events)
        .where(and(eq(events.publicSlug, slug), isNull(events.deletedAt)))
        .get();
    },

    /** Whether another event (also a deleted one: the unique index counts it) has the slug. */
    slugTaken(slug: string, exceptId?: number): boolean {
      return Boolean(
        db
          .select({ id: events.id })
          .from(events)
          .where(and(eq(events.publicSlug, slug), exceptId === undefined ? undefined : ne(events.id, exceptId)))
          .get(),
      );
    },

    findRow(id: number): EventRow | undefined {
      return rowById.get({ id });
    },
    get,
    detail(id: number): EventDetail | undefined {
      const item = get(id);
      if (!item) return undefined;
      const sessions = sessionsOf(id);
      const totalHours = sessions.reduce((sum, s) => sum + s.hours, 0);
      return { ...item, sessions, totalHours };
    },
    list(f: EventListFilter) {
      const where = and(...listConditions(f));
      const sort = f.sort ?? { field: 'startsAt', desc: f.when !== 'upcoming' };
      const column = sortColumns[sort.field];
      const rows = paged(
        selectWithNode()
          .where(where)
          .orderBy(sort.desc ? desc(column) : asc(column), asc(events.id)),
        f,
      );
      return { items: shape(rows.all()), total: countWhere(db, events, where) };
    },
    /** Ids among the given that name no topic. */
    missingTopicIds(ids: number[]): number[] {
      return missingIds(db, topics.id, ids);
    },
    nodeExists(id: number): boolean {
      return db.select({ id: nodes.id }).from(nodes).where(eq(nodes.id, id)).get() !== undefined;
    },
    /** The city of the node's host organisation: where a node's events take place when the location names no city. */
    hostCity(nodeId: number | null): string | null {
      if (nodeId === null) return null;
      return (
        db
          .select({ city: organizations.city })
          .from(nodes)
          .innerJoin(organizations, eq(organizations.id, nodes.hostOrganizationId))
          .where(eq(nodes.id, nodeId))
          .get()?.city ?? null
      );
    },
    create(values: EventValues, topicIds: number[]): EventRow {
      return db.transaction(() => {
        const row = db.insert(events).values(values).returning().get();
        setTopics(row.id, topicIds);
        return row;
      });
    },
    /** Optimistic update: undefined when the version no longer matches. */
    update(id: number, version: number, values: Partial<EventValues>, topicIds?: number[]): EventRow | undefined {
      return db.transaction(() => {
        const row = db
          .update(events)
          .set({ ...values, version: sql`${events.version} + 1`, updatedAt: nowIso() })
          .where(and(eq(events.id, id), eq(events.version, version), isNull(events.deletedAt)))
          .returning()
          .get();
        if (row && topicIds) setTopics(id, topicIds);
        return row;
      });
    },
    softDelete(id: number, version: number): EventRow | undefined {
      const at = nowIso();
      return db
        .update(events)
        .set({ deletedAt: at, version: sql`${events.version} + 1`, updatedAt: at })
        .where(and(eq(events.id, id), eq(events.version, version), isNull(events.deletedAt)))
        .returning()
        .get();
    },

    // Sessions

    sessions: sessionsOf,
    findSession(eventId: number, sessionId: number): SessionRow | undefined {
      return db
        .select()
        .from(eventSessions)
        .where(and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, eventId)))
        .get();
    },
    /**
     * Another session of the event that takes place at the same time: the intervals overlap, or one starts at the same
     * moment or inside the other (a session without an end is a moment).
     */
    overlappingSession(
      eventId: number,
      r: { startsAt: string; endsAt: string | null },
      exceptId?: number,
    ): SessionRow | undefined {
      const end = r.endsAt ?? r.startsAt;
      const otherEnd = sql`coalesce(${eventSessions.endsAt}, ${eventSessions.startsAt})`;
      return db
        .select()
        .from(eventSessions)
        .where(
          and(
            eq(eventSessions.eventId, eventId),
            exceptId === undefined ? undefined : ne(eventSessions.id, exceptId),
            or(
              eq(eventSessions.startsAt, r.startsAt),
              and(lt(eventSessions.startsAt, end), sql`${r.startsAt} < ${otherEnd}`),
            ),
          ),
        )
        .orderBy(asc(eventSessions.startsAt))
        .limit(1)
        .get();
    },
    createSession(eventId: number, values: SessionValues): SessionRow {
      return db
        .insert(eventSessions)
        .values({ ...values, eventId })
        .returning()
        .get();
    },
    /** Optimistic update; a change of hours is credited anew to everyone who attended the session. */
    updateSession(id: number, version: number, values: Partial<SessionValues>): SessionRow | undefined {
      return db.transaction(() => {
        const row = updateAtVersion(db, eventSessions, id, version, values);
        if (row && values.hours !== undefined) {
          db.update(sessionAttendances).set({ hours: row.hours }).where(eq(sessionAttendances.sessionId, id)).run();
        }
        return row;
      });
    },
    /** Deletes the session and, by cascade, who attended it. */
    deleteSession(id: number, version: number): SessionRow | undefined {
      return deleteAtVersion(db, eventSessions, id, version);
    },
  };
}
export type EventsRepository = ReturnType<typeof createEventsRepository>;
