/**
 * Test data inserted straight through drizzle (no HTTP, no audit): each factory takes the test's db and overrides
 * and returns the inserted row. Add new factories at the end, one block per domain.
 */
import type { Db } from '@anett/db/client';
import {
  affiliations,
  attendances,
  consents,
  eventSessions,
  events,
  eventTopics,
  interactionPersons,
  interactions,
  networks,
  nodes,
  offices,
  organizationSectors,
  organizations,
  organizationTags,
  persons,
  personTags,
  relations,
  tags,
} from '@anett/db/schema';
import { normalizeOrgName, normalizePersonName } from '@anett/shared/normalize';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Inserts one row and returns it as stored: the statement every factory ends with. */
function insertRow<T extends SQLiteTable>(db: Db, table: T, values: T['$inferInsert']): T['$inferSelect'] {
  return db.insert(table).values(values).returning().get();
}

/** Inserts one link row per id of a many-to-many list (tags, sectors, topics, persons), none when the list is empty. */
function linkRows<T extends SQLiteTable, Id>(db: Db, table: T, ids: Id[], link: (id: Id) => T['$inferInsert']) {
  if (ids.length) db.insert(table).values(ids.map(link)).run();
}

let seq = 0;
/** A number unique within the test process, for names that must not collide. */
export const nextSeq = () => ++seq;

// Organisations

export type OrganizationOverrides = Partial<typeof organizations.$inferInsert> & {
  sectors?: string[];
  tagIds?: number[];
};

export function createOrganization(db: Db, overrides: OrganizationOverrides = {}) {
  const { sectors = [], tagIds = [], ...values } = overrides;
  const name = values.name ?? `Testfirma ${nextSeq()} GmbH`;
  const row = insertRow(db, organizations, {
    kind: 'company',
    ...values,
    name,
    nameKey: values.nameKey ?? normalizeOrgName(name),
  });
  linkRows(db, organizationSectors, sectors, (wzCode) => ({ organizationId: row.id, wzCode }));
  linkRows(db, organizationTags, tagIds, (tagId) => ({ organizationId: row.id, tagId }));
  return row;
}

// Tags

export function createTag(db: Db, overrides: Partial<typeof tags.$inferInsert> = {}) {
  return insertRow(db, tags, { name: `Schlagwort ${nextSeq()}`, ...overrides });
}

// Networks, nodes, relations

export function createNetwork(db: Db, overrides: Partial<typeof networks.$inferInsert> = {}) {
  return insertRow(db, networks, { name: `Netzwerk ${nextSeq()}`, region: 'Thüringen', ...overrides });
}

export function createNode(db: Db, overrides: Partial<typeof nodes.$inferInsert> = {}) {
  return insertRow(db, nodes, { name: `QTI-Knoten ${nextSeq()}`, district: '16067', ...overrides });
}

export function createRelation(
  db: Db,
  values: { organizationId: number; networkId?: number | null; nodeId?: number | null } & Partial<
    typeof relations.$inferInsert
  >,
) {
  return insertRow(db, relations, { type: 'member', ...values });
}

// Persons, affiliations, offices, events, attendances, consents

export type PersonOverrides = Partial<typeof persons.$inferInsert> & { tagIds?: number[] };

export function createPerson(db: Db, overrides: PersonOverrides = {}) {
  const { tagIds = [], ...values } = overrides;
  const firstName = values.firstName ?? 'Anna';
  const lastName = values.lastName ?? `Person${nextSeq()}`;
  const row = insertRow(db, persons, {
    ...values,
    firstName,
    lastName,
    nameKey: values.nameKey ?? normalizePersonName(firstName, lastName),
  });
  linkRows(db, personTags, tagIds, (tagId) => ({ personId: row.id, tagId }));
  return row;
}

export function createAffiliation(
  db: Db,
  values: { personId: number; organizationId: number } & Partial<typeof affiliations.$inferInsert>,
) {
  return insertRow(db, affiliations, values);
}

export function createOffice(db: Db, values: { personId: number } & Partial<typeof offices.$inferInsert>) {
  return insertRow(db, offices, { title: 'Landrätin', ...values });
}

export type EventOverrides = Partial<typeof events.$inferInsert> & { topicIds?: number[] };

export function createEvent(db: Db, overrides: EventOverrides = {}) {
  const { topicIds = [], ...values } = overrides;
  const row = insertRow(db, events, {
    title: `Veranstaltung ${nextSeq()}`,
    kind: 'network_meeting',
    startsAt: '2024-06-01T09:00:00.000Z',
    ...values,
  });
  linkRows(db, eventTopics, topicIds, (topicId) => ({ eventId: row.id, topicId }));
  return row;
}

export function createAttendance(
  db: Db,
  values: { eventId: number; personId: number } & Partial<typeof attendances.$inferInsert>,
) {
  return insertRow(db, attendances, { status: 'attended', ...values });
}

export function createConsent(db: Db, values: { personId: number } & Partial<typeof consents.$inferInsert>) {
  return insertRow(db, consents, {
    channel: 'email_newsletter',
    status: 'granted',
    source: 'web_form',
    recordedAt: new Date().toISOString(),
    ...values,
  });
}

export function createInteraction(
  db: Db,
  values: { personIds?: number[] } & Partial<typeof interactions.$inferInsert> = {},
) {
  const { personIds = [], ...rest } = values;
  const row = insertRow(db, interactions, {
    occurredAt: '2024-05-01T10:00:00.000Z',
    kind: 'call',
    subject: `Kontakt ${nextSeq()}`,
    ...rest,
  });
  linkRows(db, interactionPersons, personIds, (personId) => ({ interactionId: row.id, personId }));
  return row;
}

// Course sessions

export function createEventSession(db: Db, values: { eventId: number } & Partial<typeof eventSessions.$inferInsert>) {
  return insertRow(db, eventSessions, {
    title: `Termin ${nextSeq()}`,
    startsAt: '2024-06-01T07:00:00.000Z',
    endsAt: '2024-06-01T15:00:00.000Z',
    hours: 8,
    ...values,
  });
}
