import type { Db } from '@anett/db/client';
import {
  type AttendanceRow,
  affiliations,
  attendances,
  eventSessions,
  organizations,
  type PersonRow,
  personContactPoints,
  persons,
  sessionAttendances,
} from '@anett/db/schema';
import { foldText, normalizeOrgName, normalizePersonName } from '@anett/shared/normalize';
import { type Attendance, SEAT_STATUSES } from '@anett/shared/schemas/attendance';
import type { AttendanceRole, AttendanceStatus } from '@anett/shared/vocab/enums';
import { and, asc, count, desc, eq, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { contains, ftsQuery, inIds, paged } from '../../lib/listing.ts';
import { berlinToday, nowIso } from '../../lib/time.ts';

type AttendanceValues = Omit<typeof attendances.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export type AttendanceListFilter = {
  page: number;
  pageSize: number;
  sort?: { field: 'lastName' | 'status' | 'role' | 'createdAt' | 'checkedInAt' | 'waitlistedAt'; desc: boolean };
  q?: string;
  status?: AttendanceStatus[];
  role?: AttendanceRole[];
};

const sortColumns = {
  lastName: persons.sortKey,
  status: attendances.status,
  role: attendances.role,
  createdAt: attendances.createdAt,
  checkedInAt: attendances.checkedInAt,
  waitlistedAt: attendances.waitlistedAt,
} as const;

const hoursSql = sql<number>`(SELECT coalesce(sum(${sessionAttendances.hours}), 0) FROM ${sessionAttendances}
  JOIN ${eventSessions} ON ${eventSessions.id} = ${sessionAttendances.sessionId}
  WHERE ${eventSessions.eventId} = ${attendances.eventId} AND ${sessionAttendances.personId} = ${attendances.personId})`;
const sessionIdsSql = sql<
  string | null
>`(SELECT group_concat(${sessionAttendances.sessionId}) FROM ${sessionAttendances}
  JOIN ${eventSessions} ON ${eventSessions.id} = ${sessionAttendances.sessionId}
  WHERE ${eventSessions.eventId} = ${attendances.eventId} AND ${sessionAttendances.personId} = ${attendances.personId})`;

const listColumns = {
  attendance: attendances,
  person: {
    id: persons.id,
    salutation: persons.salutation,
    title: persons.title,
    firstName: persons.firstName,
    lastName: persons.lastName,
    email: persons.email,
  },
  hours: hoursSql,
  sessionIds: sessionIdsSql,
};

type ListRow = { attendance: AttendanceRow; person: Attendance['person']; hours: number; sessionIds: string | null };

export function toAttendance({ attendance, person, hours, sessionIds }: ListRow): Attendance {
  const { checkedInFrom: _internal, ...a } = attendance;
  return {
    ...a,
    status: a.status as AttendanceStatus,
    role: a.role as AttendanceRole,
    person,
    organization: a.organizationName === null ? null : { id: a.organizationId, name: a.organizationName },
    hours: Number(hours),
    sessionIds: sessionIds
      ? sessionIds
          .split(',')
          .map(Number)
          .sort((x, y) => x - y)
      : [],
  };
}

export const personName = (p: Pick<PersonRow, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`.trim();

export function createAttendanceRepository(db: Db) {
  const livePerson = isNull(persons.deletedAt);

  const select = () =>
    db.select(listColumns).from(attendances).innerJoin(persons, eq(persons.id, attendances.personId)).$dynamic();
  // The statements of adding, checking in and cancelling, prepared once (building drizzle queries cost more than
  // running them).
  const pair = and(
    eq(attendances.eventId, sql.placeholder('eventId')),
    eq(attendances.personId, sql.placeholder('personId')),
  );
  const findPair = db.select().from(attendances).where(pair).prepare();
  const getPair = select().where(pair).prepare();
  const seatsOf = db
    .select({ n: count() })
    .from(attendances)
    .where(and(eq(attendances.eventId, sql.placeholder('eventId')), inArray(attendances.status, [...SEAT_STATUSES])))
    .prepare();
  const personById = db
    .select()
    .from(persons)
    .where(and(inIds(persons.id), livePerson))
    .prepare();
  const insertRow = db
    .insert(attendances)
    .values({
      eventId: sql.placeholder('eventId'),
      personId: sql.placeholder('personId'),
      status: sql.placeholder('status'),
      role: sql.placeholder('role'),
      organizationId: sql.placeholder('organizationId'),
      organizationName: sql.placeholder('organizationName'),
      note: sql.placeholder('note'),
      checkedInAt: sql.placeholder('checkedInAt'),
      checkedInFrom: sql.placeholder('checkedInFrom'),
      waitlistedAt: sql.placeholder('waitlistedAt'),
    })
    .returning()
    .prepare();
  const organizationOf = db
    .select({ id: organizations.id, name: organizations.name })
    .from(affiliations)
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(
      and(
        eq(affiliations.personId, sql.placeholder('personId')),
        or(isNull(affiliations.toDate), gte(affiliations.toDate, sql.placeholder('today'))),
        isNull(organizations.deletedAt),
      ),
    )
    .orderBy(desc(affiliations.isPrimary), desc(sql`coalesce(${affiliations.fromDate}, '')`), desc(affiliations.id))
    .limit(1)
    .prepare();

  return {
    find(eventId: number, personId: number): AttendanceRow | undefined {
      return findPair.get({ eventId, personId });
    },
    /** One attendance as the API returns it. */
    get(eventId: number, personId: number): Attendance | undefined {
      const row = getPair.get({ eventId, personId });
      return row ? toAttendance(row) : undefined;
    },
    list(eventId: number, f: AttendanceListFilter) {
      const conditions: (SQL | undefined)[] = [eq(attendances.eventId, eventId)];
      if (f.status?.length) conditions.push(inArray(attendances.status, f.status));
      if (f.role?.length) conditions.push(inArray(attendances.role, f.role));
      const match = ftsQuery(f.q);
      if (f.q && match) {
        conditions.push(
          or(
            sql`${attendances.personId} IN (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${match})`,
            contains(sql`anett_fold(coalesce(${attendances.organizationName}, ''))`, foldText(f.q)),
          ),
        );
      }
      const where = and(...conditions);
      const sort = f.sort ?? { field: 'lastName', desc: false };
      const column = sortColumns[sort.field];
      const rows = paged(
        select()
          .where(where)
          .orderBy(sort.desc ? desc(column) : asc(column), asc(sql`lower(${persons.firstName})`), asc(attendances.id)),
        f,
      ).all();
      const total =
        db
          .select({ n: count() })
          .from(attendances)
          .innerJoin(persons, eq(persons.id, attendances.personId))
          .where(where)
          .get()?.n ?? 0;
      return { items: rows.map(toAttendance), total };
    },
    /** Attendances with the given statuses, by name: for printed lists. */
    byStatus(eventId: number, statuses: readonly AttendanceStatus[]): Attendance[] {
      return select()
        .where(and(eq(attendances.eventId, eventId), inArray(attendances.status, [...statuses])))
        .orderBy(asc(persons.sortKey), asc(attendances.id))
        .all()
        .map(toAttendance);
    },
    countsByStatus(eventId: number): Partial<Record<AttendanceStatus, number>> {
      const rows = db
        .select({ status: attendances.status, n: count() })
        .from(attendances)
        .where(eq(attendances.eventId, eventId))
        .groupBy(attendances.status)
        .all();
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
    seatsTaken(eventId: number): number {
      return seatsOf.get({ eventId })?.n ?? 0;
    },
    firstWaitlisted(eventId: number): AttendanceRow | undefined {
      return db
        .select()
        .from(attendances)
        .where(and(eq(attendances.eventId, eventId), eq(attendances.status, 'waitlisted')))
        .orderBy(asc(sql`coalesce(${attendances.waitlistedAt}, ${attendances.createdAt})`), asc(attendances.id))
        .limit(1)
        .get();
    },
    insert(values: AttendanceValues): AttendanceRow {
      const row = insertRow.get({
        role: 'guest',
        organizationId: null,
        organizationName: null,
        note: null,
        checkedInAt: null,
        checkedInFrom: null,
        waitlistedAt: null,
        ...values,
      });
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    /** Optimistic when a version is given: undefined when it no longer matches. */
    update(id: number, version: number | undefined, values: Partial<AttendanceValues>): AttendanceRow | undefined {
      return db
        .update(attendances)
        .set({ ...values, version: sql`${attendances.version} + 1`, updatedAt: nowIso() })
        .where(and(eq(attendances.id, id), version === undefined ? undefined : eq(attendances.version, version)))
        .returning()
        .get();
    },
    /** Deletes the attendance and the person's attendance of the event's sessions. */
    /** Whether the person attended any session of the event. */
    hasSessionAttendance(eventId: number, personId: number): boolean {
      return (
        db
          .select({ id: sessionAttendances.sessionId })
          .from(sessionAttendances)
          .innerJoin(eventSessions, eq(eventSessions.id, sessionAttendances.sessionId))
          .where(and(eq(eventSessions.eventId, eventId), eq(sessionAttendances.personId, personId)))
          .get() !== undefined
      );
    },
    delete(row: AttendanceRow, version: number): AttendanceRow | undefined {
      const deleted = db
        .delete(attendances)
        .where(and(eq(attendances.id, row.id), eq(attendances.version, version)))
        .returning()
        .get();
      if (deleted) {
        db.delete(sessionAttendances)
          .where(
            and(
              eq(sessionAttendances.personId, row.personId),
              inArray(
                sessionAttendances.sessionId,
                db.select({ id: eventSessions.id }).from(eventSessions).where(eq(eventSessions.eventId, row.eventId)),
              ),
            ),
          )
          .run();
      }
      return deleted;
    },

    // Session attendance

    sessionAttendees(sessionId: number): number[] {
      return db
        .select({ personId: sessionAttendances.personId })
        .from(sessionAttendances)
        .where(eq(sessionAttendances.sessionId, sessionId))
        .orderBy(asc(sessionAttendances.personId))
        .all()
        .map((r) => r.personId);
    },
    replaceSessionAttendees(sessionId: number, personIds: number[], hours: number): void {
      db.delete(sessionAttendances).where(eq(sessionAttendances.sessionId, sessionId)).run();
      if (!personIds.length) return;
      const createdAt = nowIso();
      db.insert(sessionAttendances)
        .values(personIds.map((personId) => ({ sessionId, personId, hours, createdAt })))
        .run();
    },
    /** The sessions of the event a person attended, in order. */
    attendedSessions(eventId: number, personId: number) {
      return db
        .select({
          id: eventSessions.id,
          title: eventSessions.title,
          startsAt: eventSessions.startsAt,
          endsAt: eventSessions.endsAt,
          hours: sessionAttendances.hours,
        })
        .from(sessionAttendances)
        .innerJoin(eventSessions, eq(eventSessions.id, sessionAttendances.sessionId))
        .where(and(eq(eventSessions.eventId, eventId), eq(sessionAttendances.personId, personId)))
        .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id))
        .all();
    },

    // Persons, as attendance needs them (lookups by id, e-mail and name; creation of walk-ins and imported people)

    person(id: number): PersonRow | undefined {
      return personById.get({ ids: JSON.stringify([id]) });
    },
    personsByIds(ids: number[]): Map<number, PersonRow> {
      if (!ids.length) return new Map();
      return new Map(personById.all({ ids: JSON.stringify(ids) }).map((p) => [p.id, p]));
    },
    /**
     * By lower-cased e-mail, the main address first, then an additional one; with several persons on one address the
     * oldest wins.
     */
    personsByEmails(emails: string[]): Map<string, PersonRow> {
      const map = new Map<string, PersonRow>();
      const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
      for (let i = 0; i < wanted.length; i += 500) {
        const rows = db
          .select()
          .from(persons)
          .where(and(inArray(sql`lower(${persons.email})`, wanted.slice(i, i + 500)), livePerson))
          .orderBy(asc(persons.id))
          .all();
        for (const p of rows) {
          const key = (p.email ?? '').toLowerCase();
          if (!map.has(key)) map.set(key, p);
        }
      }
      const rest = wanted.filter((e) => !map.has(e));
      for (let i = 0; i < rest.length; i += 500) {
        const rows = db
          .select({ person: persons, value: personContactPoints.value })
          .from(personContactPoints)
          .innerJoin(persons, eq(persons.id, personContactPoints.personId))
          .where(
            and(
              eq(personContactPoints.kind, 'email'),
              inArray(sql`lower(${personContactPoints.value})`, rest.slice(i, i + 500)),
              livePerson,
            ),
          )
          .orderBy(asc(persons.id))
          .all();
        for (const { person, value } of rows) {
          const key = value.toLowerCase();
          if (!map.has(key)) map.set(key, person);
        }
      }
      return map;
    },
    /** Persons whose normalised name equals the key, with their current organisation. */
    personsByNameKey(nameKey: string) {
      return db
        .select()
        .from(persons)
        .where(and(eq(persons.nameKey, nameKey), livePerson))
        .orderBy(asc(persons.id))
        .limit(10)
        .all();
    },
    /** The person's current primary affiliation's organisation, else the latest current one. */
    currentOrganization(personId: number): { id: number; name: string } | undefined {
      return organizationOf.get({ personId, today: berlinToday() });
    },
    /** A live organisation with the same normalised name (legal form, case and umlauts ignored). */
    organizationByName(name: string): { id: number; name: string } | undefined {
      return db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.nameKey, normalizeOrgName(name)), isNull(organizations.deletedAt)))
        .orderBy(asc(organizations.id))
        .limit(1)
        .get();
    },
    /** Creates a person and, when an organisation is given, a current primary affiliation to it. */
    createPerson(
      values: Pick<PersonRow, 'salutation' | 'title' | 'firstName' | 'lastName' | 'email'>,
      organizationId?: number,
      position?: string | null,
    ): PersonRow {
      const row = db
        .insert(persons)
        .values({ ...values, nameKey: normalizePersonName(values.firstName, values.lastName) })
        .returning()
        .get();
      if (organizationId !== undefined) {
        db.insert(affiliations)
          .values({ personId: row.id, organizationId, isPrimary: true, function: position ?? null })
          .run();
      }
      return row;
    },
  };
}
export type AttendanceRepository = ReturnType<typeof createAttendanceRepository>;
