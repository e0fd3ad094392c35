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
  const row = db
    .insert(organizations)
    .values({ kind: 'company', ...values, name, nameKey: values.nameKey ?? normalizeOrgName(name) })
    .returning()
    .get();
  if (sectors.length) {
    db.insert(organizationSectors)
      .values(sectors.map((wzCode) => ({ organizationId: row.id, wzCode })))
      .run();
  }
  if (tagIds.length) {
    db.insert(organizationTags)
      .values(tagIds.map((tagId) => ({ organizationId: row.id, tagId })))
      .run();
  }
  return row;
}

// Tags

export function createTag(db: Db, overrides: Partial<typeof tags.$inferInsert> = {}) {
  return db
    .insert(tags)
    .values({ name: `Schlagwort ${nextSeq()}`, ...overrides })
    .returning()
    .get();
}

// Networks, nodes, relations

export function createNetwork(db: Db, overrides: Partial<typeof networks.$inferInsert> = {}) {
  return db
    .insert(networks)
    .values({ name: `Netzwerk ${nextSeq()}`, region: 'Thüringen', ...overrides })
    .returning()
    .get();
}

export function createNode(db: Db, overrides: Partial<typeof nodes.$inferInsert> = {}) {
  return db
    .insert(nodes)
    .values({ name: `QTI-Knoten ${nextSeq()}`, district: '16067', ...overrides })
    .returning()
    .get();
}

export function createRelation(
  db: Db,
  values: { organizationId: number; networkId?: number | null; nodeId?: number | null } & Partial<
    typeof relations.$inferInsert
  >,
) {
  return db
    .insert(relations)
    .values({ type: 'member', ...values })
    .returning()
    .get();
}

// Persons, affiliations, offices, events, attendances, consents

export type PersonOverrides = Partial<typeof persons.$inferInsert> & { tagIds?: number[] };

export function createPerson(db: Db, overrides: PersonOverrides = {}) {
  const { tagIds = [], ...values } = overrides;
  const firstName = values.firstName ?? 'Anna';
  const lastName = values.lastName ?? `Person${nextSeq()}`;
  const row = db
    .insert(persons)
    .values({ ...values, firstName, lastName, nameKey: values.nameKey ?? normalizePersonName(firstName, lastName) })
    .returning()
    .get();
  if (tagIds.length)
    db.insert(personTags)
      .values(tagIds.map((tagId) => ({ personId: row.id, tagId })))
      .run();
  return row;
}

export function createAffiliation(
  db: Db,
  values: { personId: number; organizationId: number } & Partial<typeof affiliations.$inferInsert>,
) {
  return db.insert(affiliations).values(values).returning().get();
}

export function createOffice(db: Db, values: { personId: number } & Partial<typeof offices.$inferInsert>) {
  return db
    .insert(offices)
    .values({ title: 'Landrätin', ...values })
    .returning()
    .get();
}

export type EventOverrides = Partial<typeof events.$inferInsert> & { topicIds?: number[] };

export function createEvent(db: Db, overrides: EventOverrides = {}) {
  const { topicIds = [], ...values } = overrides;
  const row = db
    .insert(events)
    .values({
      title: `Veranstaltung ${nextSeq()}`,
      kind: 'network_meeting',
      startsAt: '2024-06-01T09:00:00.000Z',
      ...values,
    })
    .returning()
    .get();
  if (topicIds.length)
    db.insert(eventTopics)
      .values(topicIds.map((topicId) => ({ eventId: row.id, topicId })))
      .run();
  return row;
}

export function createAttendance(
  db: Db,
  values: { eventId: number; personId: number } & Partial<typeof attendances.$inferInsert>,
) {
  return db
    .insert(attendances)
    .values({ status: 'attended', ...values })
    .returning()
    .get();
}

export function createConsent(db: Db, values: { personId: number } & Partial<typeof consents.$inferInsert>) {
  return db
    .insert(consents)
    .values({
      channel: 'email_newsletter',
      status: 'granted',
      source: 'web_form',
      recordedAt: new Date().toISOString(),
      ...values,
    })
    .returning()
    .get();
}

export function createInteraction(
  db: Db,
  values: { personIds?: number[] } & Partial<typeof interactions.$inferInsert> = {},
) {
  const { personIds = [], ...rest } = values;
  const row = db
    .insert(interactions)
    .values({ occurredAt: '2024-05-01T10:00:00.000Z', kind: 'call', subject: `Kontakt ${nextSeq()}`, ...rest })
    .returning()
    .get();
  if (personIds.length)
    db.insert(interactionPersons)
      .values(personIds.map((personId) => ({ interactionId: row.id, personId })))
      .run();
  return row;
}

// Course sessions

export function createEventSession(db: Db, values: { eventId: number } & Partial<typeof eventSessions.$inferInsert>) {
  return db
    .insert(eventSessions)
    .values({
      title: `Termin ${nextSeq()}`,
      startsAt: '2024-06-01T07:00:00.000Z',
      endsAt: '2024-06-01T15:00:00.000Z',
      hours: 8,
      ...values,
    })
    .returning()
    .get();
}
