import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { itemColumns, linkTable, ownedBy, refOrNull, softDelete } from './columns.ts';
import { nodes } from './network.ts';
import { organizations } from './organizations.ts';
import { persons } from './persons.ts';
import { topics } from './tags.ts';

export const events = sqliteTable(
  'events',
  {
    ...itemColumns,
    ...softDelete,
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    nodeId: refOrNull('node_id', () => nodes.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at'),
    location: text('location'),
    capacity: integer('capacity'),
    description: text('description'),
    /** Open for self-registration on the public page /anmeldung/<publicSlug>. */
    publicRegistration: integer('public_registration', { mode: 'boolean' }).notNull().default(false),
    publicSlug: text('public_slug'),
  },
  (t) => [
    uniqueIndex('events_public_slug_uq').on(t.publicSlug),
    index('events_starts_idx').on(t.startsAt),
    index('events_node_idx').on(t.nodeId, t.startsAt),
    index('events_kind_idx').on(t.kind),
  ],
);
export type EventRow = typeof events.$inferSelect;

export const eventTopics = linkTable('event_topics', ['eventId', () => events.id], ['topicId', () => topics.id]);

/** Course sessions (Termine) with teaching units. */
export const eventSessions = sqliteTable(
  'event_sessions',
  {
    ...itemColumns,
    eventId: ownedBy('event_id', () => events.id),
    title: text('title'),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at'),
    /** Hours credited for attending this session. */
    hours: real('hours').notNull().default(0),
  },
  (t) => [index('event_sessions_event_idx').on(t.eventId, t.startsAt)],
);
export type SessionRow = typeof eventSessions.$inferSelect;

export const attendances = sqliteTable(
  'attendances',
  {
    ...itemColumns,
    eventId: ownedBy('event_id', () => events.id),
    personId: ownedBy('person_id', () => persons.id),
    status: text('status').notNull(),
    role: text('role').notNull().default('guest'),
    /** Organisation at the time of the event (snapshot; people change employers). */
    organizationId: refOrNull('organization_id', () => organizations.id),
    organizationName: text('organization_name'),
    note: text('note'),
    checkedInAt: text('checked_in_at'),
    /** The status before the check-in ('new': the check-in put the person on the list), so it can be undone. */
    checkedInFrom: text('checked_in_from'),
    /** Order on the waiting list: earliest first. */
    waitlistedAt: text('waitlisted_at'),
  },
  (t) => [
    uniqueIndex('attendances_event_person_uq').on(t.eventId, t.personId),
    // Every index costs each write a page: no index here is a prefix of another (the longer one serves both).
    // Covers the per-person attendance check (EXISTS) of the person filter and lookups by person.
    index('attendances_person_status_event_idx').on(t.personId, t.status, t.eventId),
    index('attendances_org_idx').on(t.organizationId),
    // Covers the person filter's attendance subquery (event → status → person) and the reach report's scan of an
    // event's attendances with the organisation snapshot, without table lookups.
    index('attendances_reach_idx').on(t.eventId, t.status, t.personId, t.organizationId),
  ],
);
export type AttendanceRow = typeof attendances.$inferSelect;

export const sessionAttendances = sqliteTable(
  'session_attendances',
  {
    sessionId: ownedBy('session_id', () => eventSessions.id),
    personId: ownedBy('person_id', () => persons.id),
    hours: real('hours').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('session_attendances_person_idx').on(t.personId)],
);
