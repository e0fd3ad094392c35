import {
  affiliations,
  attendances,
  consents,
  events,
  eventTopics,
  nodes,
  organizationSectors,
  organizations,
  persons,
  personTags,
  relations,
} from '@anett/db/schema';
import { type AttendanceGroup, type PersonFilter, personFilter } from '@anett/shared/schemas/person';
import {
  and,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  not,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/sqlite-core';
import { ftsQuery } from '../../lib/listing.ts';
import { berlinToday } from '../../lib/time.ts';
import { wzPrefixCondition } from '../../lib/wz-filter.ts';

const qb = new QueryBuilder();
const FILTER_KEYS = personFilter.shape;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A dated link (affiliation, relation) is current while it has no end or ends today or later. Written without OR so
 * the planner looks rows up by their organisation instead of scanning an index twice (MULTI-INDEX OR).
 */
export const isCurrent = (toDate: SQLWrapper, today: string) => sql`coalesce(${toDate}, '9999-12-31') >= ${today}`;

const has = <T>(values: readonly T[] | undefined): values is readonly T[] => values !== undefined && values.length > 0;
const idIn = (subquery: SQLWrapper) => inArray(persons.id, subquery);

/** Persons currently affiliated with a non-deleted organisation that meets every condition. */
function currentlyAffiliated(today: string, ...conditions: (SQL | undefined)[]) {
  return idIn(
    qb
      .select({ id: affiliations.personId })
      .from(affiliations)
      .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
      .where(and(isCurrent(affiliations.toDate, today), isNull(organizations.deletedAt), ...conditions)),
  );
}

/** Attendances at non-deleted events that meet every condition, as person ids. */
function attendedWhere(...conditions: (SQL | undefined)[]) {
  return qb
    .select({ id: attendances.personId })
    .from(attendances)
    .innerJoin(events, eq(events.id, attendances.eventId))
    .where(and(isNull(events.deletedAt), ...conditions));
}

/**
 * "Has such an attendance", in the cheaper of two shapes (measured on 100 000 persons / 500 000 attendances):
 * after a narrowing criterion the few candidates are checked one by one (correlated EXISTS, ~10 ms); otherwise the
 * attending persons are collected once (IN list, ~45 ms for a year of attendances) instead of probing every person.
 */
function hasAttendance(perCandidate: boolean, ...conditions: (SQL | undefined)[]): SQL {
  return perCandidate
    ? exists(attendedWhere(eq(attendances.personId, persons.id), ...conditions))
    : idIn(attendedWhere(...conditions));
}

/** Criteria that leave few persons: search, named organisations, districts, tags. */
const narrowing = (f: PersonFilter) =>
  ftsQuery(f.q) !== undefined || has(f.organizationId) || has(f.district) || has(f.tag);

function organizationConditions(f: PersonFilter, today: string): SQL[] {
  const out: SQL[] = [];
  if (has(f.organizationId)) out.push(inArray(affiliations.organizationId, [...f.organizationId]));
  if (has(f.organizationKind)) out.push(inArray(organizations.kind, [...f.organizationKind]));
  if (has(f.district)) out.push(inArray(organizations.district, [...f.district]));
  if (has(f.sector)) {
    out.push(
      inArray(
        organizations.id,
        qb
          .select({ id: organizationSectors.organizationId })
          .from(organizationSectors)
          .where(wzPrefixCondition(organizationSectors.wzCode, f.sector)),
      ),
    );
  }
  if (has(f.relationType)) {
    const related = inArray(
      organizations.id,
      qb
        .select({ id: relations.organizationId })
        .from(relations)
        .where(and(inArray(relations.type, [...f.relationType]), isCurrent(relations.toDate, today))),
    );
    // A node's host organisation counts as node host even without a relation row (as in the organisation filter).
    const hosts = inArray(
      organizations.id,
      qb.select({ id: nodes.hostOrganizationId }).from(nodes).where(isNotNull(nodes.hostOrganizationId)),
    );
    out.push(f.relationType.includes('node_host') ? (or(related, hosts) as SQL) : related);
  }
  return out;
}

/** Currently affiliated to an organisation related to one of the nodes or hosting it. */
function affiliatedWithNode(nodeIds: readonly number[], today: string): SQL {
  const related = qb
    .select({ id: relations.organizationId })
    .from(relations)
    .where(and(inArray(relations.nodeId, [...nodeIds]), isCurrent(relations.toDate, today)));
  const hosts = qb
    .select({ id: nodes.hostOrganizationId })
    .from(nodes)
    .where(and(inArray(nodes.id, [...nodeIds]), isNotNull(nodes.hostOrganizationId)));
  return currentlyAffiliated(today, or(inArray(organizations.id, related), inArray(organizations.id, hosts)));
}

/** The legacy `nodeId`: affiliated with the node or an attendance (not cancelled) at one of its events. */
function nodeCondition(nodeIds: readonly number[], today: string): SQL {
  return or(
    affiliatedWithNode(nodeIds, today),
    hasAttendance(false, inArray(events.nodeId, [...nodeIds]), ne(attendances.status, 'cancelled')),
  ) as SQL;
}

/** The conditions of one attendance group; without a status every status but cancelled counts. */
function groupConditions(g: AttendanceGroup, perCandidate: boolean): SQL[] {
  return [
    ...attendanceConditions(
      {
        eventId: g.eventId,
        eventKind: g.eventKind,
        attendanceStatus: g.status,
        attendanceRole: g.role,
        attendedFrom: g.from,
        attendedTo: g.to,
        topic: g.topic,
      },
      perCandidate,
    ),
    ...(has(g.nodeId) ? [inArray(events.nodeId, [...g.nodeId])] : []),
    ...(has(g.status) ? [] : [ne(attendances.status, 'cancelled')]),
  ];
}

type FlatAttendance = Pick<
  PersonFilter,
  'eventId' | 'eventKind' | 'attendanceStatus' | 'attendanceRole' | 'attendedFrom' | 'attendedTo' | 'topic'
>;

function attendanceConditions(f: FlatAttendance, perCandidate: boolean): SQL[] {
  const out: SQL[] = [];
  if (has(f.eventId)) out.push(inArray(attendances.eventId, [...f.eventId]));
  if (has(f.eventKind)) out.push(inArray(events.kind, [...f.eventKind]));
  if (has(f.attendanceStatus)) out.push(inArray(attendances.status, [...f.attendanceStatus]));
  if (has(f.attendanceRole)) out.push(inArray(attendances.role, [...f.attendanceRole]));
  if (f.attendedFrom) out.push(gte(events.startsAt, f.attendedFrom));
  if (f.attendedTo) out.push(lt(events.startsAt, nextDay(f.attendedTo)));
  if (has(f.topic)) {
    const topicIds = inArray(eventTopics.topicId, [...f.topic]);
    // Per candidate, a list of the topic's events would be walked for every person: look the event's topics up instead.
    out.push(
      perCandidate
        ? exists(
            qb
              .select({ id: eventTopics.eventId })
              .from(eventTopics)
              .where(and(eq(eventTopics.eventId, attendances.eventId), topicIds)),
          )
        : inArray(attendances.eventId, qb.select({ id: eventTopics.eventId }).from(eventTopics).where(topicIds)),
    );
  }
  return out;
}

function consentGranted(channels: readonly string[]): SQL {
  const later = alias(consents, 'later');
  const latestId = qb
    .select({ id: later.id })
    .from(later)
    .where(and(eq(later.personId, consents.personId), eq(later.channel, consents.channel)))
    .orderBy(desc(later.recordedAt), desc(later.id))
    .limit(1);
  return idIn(
    qb
      .select({ id: consents.personId })
      .from(consents)
      .where(
        and(
          inArray(consents.channel, [...channels]),
          eq(consents.status, 'granted'),
          sql`${consents.id} = (${latestId})`,
        ),
      ),
  );
}

/** Whether the filter has any criterion beyond the deleted flag. */
export function hasPersonCriteria(f: PersonFilter): boolean {
  return Object.entries(f).some(
    ([key, value]) =>
      key in FILTER_KEYS && key !== 'deleted' && value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
}

/**
 * THE person filter: one SQL condition over `persons` for the list, the exports and the segments, so that all three
 * always agree on who matches. Filters AND, repeated values OR; organisation criteria use current affiliations and
 * must hold for the same organisation; attendance criteria must hold for the same attendance. Deleted, merged and
 * erased persons are left out unless `deleted` asks for exactly those.
 */
export function personWhere(f: PersonFilter, today: string = berlinToday()): SQL {
  const conditions: SQL[] = [];
  conditions.push(
    f.deleted
      ? (or(isNotNull(persons.deletedAt), isNotNull(persons.erasedAt)) as SQL)
      : (and(isNull(persons.deletedAt), isNull(persons.erasedAt)) as SQL),
  );

  const match = ftsQuery(f.q);
  if (match) conditions.push(sql`${persons.id} IN (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${match})`);

  const orgConditions = organizationConditions(f, today);
  if (orgConditions.length) conditions.push(currentlyAffiliated(today, ...orgConditions));
  if (has(f.affiliatedNodeId)) conditions.push(affiliatedWithNode(f.affiliatedNodeId, today));
  if (has(f.nodeId)) conditions.push(nodeCondition(f.nodeId, today));
  if (has(f.tag)) {
    conditions.push(
      idIn(
        qb
          .select({ id: personTags.personId })
          .from(personTags)
          .where(inArray(personTags.tagId, [...f.tag])),
      ),
    );
  }
  if (f.hasEmail === true) conditions.push(and(isNotNull(persons.email), ne(persons.email, '')) as SQL);
  if (f.hasEmail === false) conditions.push(or(isNull(persons.email), eq(persons.email, '')) as SQL);

  // A single event's attendance list is short: collect it; otherwise check candidates when others narrowed them.
  const perCandidate = narrowing(f) && !has(f.eventId);
  const attendance = attendanceConditions(f, perCandidate);
  if (attendance.length) conditions.push(hasAttendance(perCandidate, ...attendance));

  if (has(f.excludeEventId) || has(f.excludeEventKind)) {
    const excluded = or(
      has(f.excludeEventId) ? inArray(attendances.eventId, [...f.excludeEventId]) : undefined,
      has(f.excludeEventKind) ? inArray(events.kind, [...f.excludeEventKind]) : undefined,
    );
    const status = has(f.attendanceStatus)
      ? inArray(attendances.status, [...f.attendanceStatus])
      : ne(attendances.status, 'cancelled');
    conditions.push(not(hasAttendance(narrowing(f), excluded, status)));
  }

  for (const g of f.attended ?? []) {
    const perGroupCandidate = narrowing(f) && !has(g.eventId);
    conditions.push(hasAttendance(perGroupCandidate, ...groupConditions(g, perGroupCandidate)));
  }
  for (const g of f.notAttended ?? []) {
    conditions.push(not(hasAttendance(narrowing(f), ...groupConditions(g, narrowing(f)))));
  }

  if (has(f.consent)) conditions.push(consentGranted(f.consent));
  return and(...conditions) as SQL;
}
