import type { Db } from '@anett/db/client';
import {
  affiliations,
  attendances,
  auditEntries,
  consents,
  eventSessions,
  events,
  interactionPersons,
  interactions,
  mailOutbox,
  offices,
  organizations,
  personContactPoints,
  persons,
  personTags,
  registrationRequests,
  segments,
  sessionAttendances,
  tags,
  users,
} from '@anett/db/schema';
import { and, asc, desc, eq, inArray, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { contains, paged } from '../../lib/listing.ts';
import { missingIds } from '../../lib/rows.ts';

export const ERASED_FIRST_NAME = 'Gelöschte';
export const ERASED_LAST_NAME = 'Person';

type Coverage = { export: string } | { none: string };
const staff = { none: 'staff accounts, their sessions, second factors and settings: not contacts' };
const index = { none: 'search index built from persons, organisations and the contact log (exported at the source)' };

/**
 * Every table and where the information export (Art. 15) takes a person's data from it, or why it holds none. A test
 * walks sqlite_master: a new table must be added here, so it cannot be forgotten.
 */
export const PRIVACY_COVERAGE: Record<string, Coverage> = {
  persons: { export: 'persons' },
  affiliations: { export: 'affiliations' },
  offices: { export: 'offices' },
  person_contact_points: { export: 'person_contact_points' },
  person_tags: { export: 'person_tags' },
  attendances: { export: 'attendances' },
  session_attendances: { export: 'session_attendances' },
  interaction_persons: { export: 'interaction_persons' },
  interactions: { export: 'interaction_mentions' },
  consents: { export: 'consents' },
  audit_entries: { export: 'audit_mentions' },
  segments: { export: 'segment_mentions' },
  suppressions: { export: 'suppressed' },
  registration_requests: { export: 'registration_requests' },
  mail_outbox: { export: 'mail_outbox' },
  erasures: { none: 'hashes of erased rows: no data of anyone who is not erased' },
  events: { none: 'events; a person’s attendances are exported with the event title' },
  event_sessions: { none: 'sessions of events; session attendances are exported with the session title' },
  event_topics: { none: 'topics of events' },
  organizations: { none: 'institutions; a person’s affiliations are exported with the organisation name' },
  organization_sectors: { none: 'sectors of organisations' },
  organization_tags: { none: 'tags of organisations' },
  interaction_organizations: { none: 'links of contact-log entries to organisations' },
  interaction_topics: { none: 'links of contact-log entries to topics' },
  networks: { none: 'networks of the consortium' },
  nodes: { none: 'QTI nodes' },
  relations: { none: 'relations of organisations to networks and nodes' },
  tags: { none: 'the tag vocabulary; a person’s tags are exported by name' },
  topics: { none: 'the topic vocabulary' },
  report_snapshots: { none: 'frozen reach reports: counts, no person-level rows' },
  users: staff,
  refresh_tokens: staff,
  login_attempts: staff,
  totp_factors: staff,
  recovery_codes: staff,
  passkeys: staff,
  settings: staff,
  import_mappings: { none: 'column mappings of imports (headers only)' },
  persons_fts: index,
  interactions_fts: index,
  organizations_fts: index,
  __drizzle_migrations: { none: 'schema version bookkeeping' },
  sqlite_sequence: { none: 'SQLite bookkeeping' },
  sqlite_stat1: { none: 'SQLite planner statistics' },
  sqlite_stat4: { none: 'SQLite planner statistics' },
};

export function createPrivacyRepository(db: Db) {
  /** The person and everyone merged into them (transitively): one human, several rows. */
  function mergeChain(id: number): number[] {
    return db
      .all<{ id: number }>(
        sql`WITH RECURSIVE chain(id) AS (
          SELECT ${id} UNION SELECT ${persons.id} FROM ${persons} JOIN chain ON ${persons.mergedIntoId} = chain.id
        ) SELECT id FROM chain ORDER BY id`,
      )
      .map((r) => r.id);
  }

  const attendanceIds = (ids: number[]) =>
    db.select({ id: attendances.id }).from(attendances).where(inArray(attendances.personId, ids));
  const interactionIds = (ids: number[]) =>
    db
      .select({ id: interactionPersons.interactionId })
      .from(interactionPersons)
      .where(inArray(interactionPersons.personId, ids));
  /** The persons' e-mail addresses (main and additional), lower-case: self-registrations and mails are keyed by them. */
  const emailsOf = (ids: number[]): string[] => {
    const main = db.select({ e: persons.email }).from(persons).where(inArray(persons.id, ids)).all();
    const extra = db
      .select({ e: personContactPoints.value })
      .from(personContactPoints)
      .where(and(inArray(personContactPoints.personId, ids), eq(personContactPoints.kind, 'email')))
      .all();
    return [...new Set([...main, ...extra].flatMap((r) => (r.e?.trim() ? [r.e.trim().toLowerCase()] : [])))];
  };
  const requestsOf = (ids: number[], emails: string[]) =>
    or(
      inArray(registrationRequests.personId, ids),
      emails.length ? inArray(sql`lower(${registrationRequests.email})`, emails) : undefined,
    ) as SQL;
  /** Audit entries about the person: their own, and those of their attendances. */
  const aboutPerson = (ids: number[]): SQL =>
    or(
      and(eq(auditEntries.entity, 'person'), inArray(auditEntries.entityId, ids)),
      and(eq(auditEntries.entity, 'attendance'), inArray(auditEntries.entityId, attendanceIds(ids))),
    ) as SQL;

  return {
    mergeChain,

    /** The additional e-mail addresses and phone numbers of the given person rows. */
    contactPoints: (ids: number[]) =>
      db
        .select({
          personId: personContactPoints.personId,
          kind: personContactPoints.kind,
          value: personContactPoints.value,
        })
        .from(personContactPoints)
        .where(inArray(personContactPoints.personId, ids))
        .all(),

    /**
     * Everything stored about a person, keyed by the table it comes from (linked records with the names that make them
     * readable). Covers every table with a foreign key to persons; a schema test keeps it that way.
     */
    dataOf(id: number): Record<string, Record<string, unknown>[]> {
      const ids = mergeChain(id);
      return {
        persons: db.select().from(persons).where(inArray(persons.id, ids)).orderBy(asc(persons.id)).all(),
        affiliations: db
          .select({ affiliation: affiliations, organizationName: organizations.name })
          .from(affiliations)
          .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
          .where(inArray(affiliations.personId, ids))
          .orderBy(asc(affiliations.id))
          .all()
          .map((r) => ({ ...r.affiliation, organizationName: r.organizationName })),
        offices: db.select().from(offices).where(inArray(offices.personId, ids)).orderBy(asc(offices.id)).all(),
        person_contact_points: db
          .select()
          .from(personContactPoints)
          .where(inArray(personContactPoints.personId, ids))
          .orderBy(asc(personContactPoints.id))
          .all(),
        person_tags: db
          .select({ personId: personTags.personId, tagId: tags.id, name: tags.name })
          .from(personTags)
          .innerJoin(tags, eq(tags.id, personTags.tagId))
          .where(inArray(personTags.personId, ids))
          .all(),
        attendances: db
          .select({ attendance: attendances, eventTitle: events.title, eventStartsAt: events.startsAt })
          .from(attendances)
          .innerJoin(events, eq(events.id, attendances.eventId))
          .where(inArray(attendances.personId, ids))
          .orderBy(asc(events.startsAt))
          .all()
          .map((r) => ({ ...r.attendance, eventTitle: r.eventTitle, eventStartsAt: r.eventStartsAt })),
        session_attendances: db
          .select({
            sa: sessionAttendances,
            sessionTitle: eventSessions.title,
            sessionStartsAt: eventSessions.startsAt,
            eventTitle: events.title,
          })
          .from(sessionAttendances)
          .innerJoin(eventSessions, eq(eventSessions.id, sessionAttendances.sessionId))
          .innerJoin(events, eq(events.id, eventSessions.eventId))
          .where(inArray(sessionAttendances.personId, ids))
          .orderBy(asc(eventSessions.startsAt))
          .all()
          .map((r) => ({
            ...r.sa,
            sessionTitle: r.sessionTitle,
            sessionStartsAt: r.sessionStartsAt,
            eventTitle: r.eventTitle,
          })),
        interaction_persons: db
          .select({ personId: interactionPersons.personId, interaction: interactions })
          .from(interactionPersons)
          .innerJoin(interactions, eq(interactions.id, interactionPersons.interactionId))
          .where(inArray(interactionPersons.personId, ids))
          .orderBy(asc(interactions.occurredAt))
          .all()
          .map((r) => ({ personId: r.personId, ...r.interaction, interactionId: r.interaction.id })),
        consents: db
          .select()
          .from(consents)
          .where(inArray(consents.personId, ids))
          .orderBy(asc(consents.recordedAt), asc(consents.id))
          .all(),
        audit_entries: db.select().from(auditEntries).where(aboutPerson(ids)).orderBy(asc(auditEntries.id)).all(),
        registration_requests: db
          .select()
          .from(registrationRequests)
          .where(requestsOf(ids, emailsOf(ids)))
          .orderBy(asc(registrationRequests.id))
          .all(),
        mail_outbox: (() => {
          const emails = emailsOf(ids);
          if (!emails.length) return [];
          return db
            .select({
              id: mailOutbox.id,
              createdAt: mailOutbox.createdAt,
              kind: mailOutbox.kind,
              to: mailOutbox.toAddress,
              subject: mailOutbox.subject,
              text: mailOutbox.textBody,
              status: mailOutbox.status,
              sentAt: mailOutbox.sentAt,
            })
            .from(mailOutbox)
            .where(inArray(sql`lower(${mailOutbox.toAddress})`, emails))
            .orderBy(asc(mailOutbox.id))
            .all();
        })(),
      };
    },

    /** Contact-log entries not linked to the given persons whose text the SQL pre-filter finds (`probes`). */
    unlinkedCandidates(ids: number[], probes: string[]) {
      if (probes.length === 0) return [];
      const like = or(...probes.flatMap((p) => [contains(interactions.subject, p), contains(interactions.summary, p)]));
      return db
        .select({
          id: interactions.id,
          occurredAt: interactions.occurredAt,
          subject: interactions.subject,
          summary: interactions.summary,
          deletedAt: interactions.deletedAt,
        })
        .from(interactions)
        .where(and(like, notInArray(interactions.id, interactionIds(ids))))
        .orderBy(desc(interactions.occurredAt), desc(interactions.id))
        .all();
    },

    missingInteractionIds(ids: number[]): number[] {
      return missingIds(db, interactions.id, ids);
    },

    linkedInteractionIds(ids: number[]): number[] {
      return interactionIds(ids)
        .all()
        .map((r) => r.id);
    },

    interactionTexts(interactionIds: number[]) {
      return db
        .select({ id: interactions.id, subject: interactions.subject, summary: interactions.summary })
        .from(interactions)
        .where(inArray(interactions.id, interactionIds))
        .all();
    },

    setInteractionText(id: number, subject: string, summary: string | null): void {
      db.update(interactions).set({ subject, summary }).where(eq(interactions.id, id)).run();
    },

    /** Audit payloads the pre-filter finds (`probes`), optionally only those of the given interactions. */
    auditCandidates(probes: string[], onlyInteractions?: number[]) {
      if (probes.length === 0) return [];
      return db
        .select({
          id: auditEntries.id,
          entity: auditEntries.entity,
          entityId: auditEntries.entityId,
          diff: sql<string>`${auditEntries.diff}`,
        })
        .from(auditEntries)
        .where(
          and(
            or(...probes.map((p) => contains(auditEntries.diff, p))),
            onlyInteractions
              ? and(eq(auditEntries.entity, 'interaction'), inArray(auditEntries.entityId, onlyInteractions))
              : undefined,
          ),
        )
        .all();
    },

    setAuditDiff(id: number, diffJson: string): void {
      db.run(sql`UPDATE ${auditEntries} SET diff = ${diffJson} WHERE id = ${id}`);
    },

    /** Segments whose name or stored filter the pre-filter finds. */
    segmentCandidates(probes: string[]) {
      if (probes.length === 0) return [];
      return db
        .select({ id: segments.id, name: segments.name, filter: sql<string>`${segments.filter}` })
        .from(segments)
        .where(or(...probes.flatMap((p) => [contains(segments.name, p), contains(segments.filter, p)])))
        .all();
    },

    setSegment(id: number, name: string, filterJson: string): void {
      db.run(sql`UPDATE ${segments} SET name = ${name}, filter = ${filterJson} WHERE id = ${id}`);
    },

    /** Whether anyone else (a person not being erased, a user, an organisation) carries the name as a word. */
    nameInUseElsewhere(name: string, exceptIds: number[]): boolean {
      const hit = db.get<{ one: number }>(sql`SELECT 1 AS one WHERE
        EXISTS (SELECT 1 FROM ${persons} WHERE ${persons.erasedAt} IS NULL AND ${notInArray(persons.id, exceptIds)}
          AND (${contains(persons.lastName, name)} OR ${contains(persons.firstName, name)}))
        OR EXISTS (SELECT 1 FROM ${users} WHERE ${contains(users.name, name)})
        OR EXISTS (SELECT 1 FROM ${organizations} WHERE ${contains(organizations.name, name)}
          OR ${contains(organizations.shortName, name)})`);
      return hit !== undefined;
    },

    /** The change payloads of the persons' own audit entries (to find former names, e-mails and phone numbers). */
    ownChanges(ids: number[]): unknown[] {
      return db
        .select({ diff: auditEntries.diff })
        .from(auditEntries)
        .where(and(eq(auditEntries.entity, 'person'), inArray(auditEntries.entityId, ids)))
        .all()
        .map((r) => r.diff);
    },

    /** Replaces every audit payload about the persons (their own rows and their attendances'). */
    blankAuditAbout(ids: number[]): void {
      db.update(auditEntries)
        .set({ diff: { erased: true } })
        .where(aboutPerson(ids))
        .run();
    },

    /**
     * Anonymises the person rows themselves (call inside a transaction). Rows stay, so reports keep counting
     * attendances and contacts; names, contact data, notes, offices, tags, functions, attendance notes and consent
     * evidence go.
     */
    anonymise(ids: number[], at: string): void {
      // Self-registrations and mails are found by address: read the addresses before they go.
      const emails = emailsOf(ids);
      db.update(registrationRequests)
        .set({
          email: '',
          salutation: null,
          title: null,
          firstName: ERASED_FIRST_NAME,
          lastName: ERASED_LAST_NAME,
          organization: null,
          function: null,
        })
        .where(requestsOf(ids, emails))
        .run();
      // Mails to the person, sent or waiting, go with their text (a waiting one is never sent).
      if (emails.length)
        db.delete(mailOutbox)
          .where(inArray(sql`lower(${mailOutbox.toAddress})`, emails))
          .run();
      db.update(persons)
        .set({
          erasedAt: at,
          salutation: null,
          title: null,
          firstName: ERASED_FIRST_NAME,
          lastName: ERASED_LAST_NAME,
          email: null,
          phone: null,
          mobile: null,
          notes: null,
          nameKey: '',
          version: sql`${persons.version} + 1`,
          updatedAt: at,
        })
        .where(inArray(persons.id, ids))
        .run();
      db.update(affiliations).set({ function: null }).where(inArray(affiliations.personId, ids)).run();
      db.delete(offices).where(inArray(offices.personId, ids)).run();
      db.delete(personContactPoints).where(inArray(personContactPoints.personId, ids)).run();
      db.delete(personTags).where(inArray(personTags.personId, ids)).run();
      // Allowed by the ledger trigger once erased_at is set: the entries stay (who consented when), the evidence goes.
      db.update(consents).set({ evidence: null }).where(inArray(consents.personId, ids)).run();
      db.update(attendances)
        .set({ note: null, organizationName: null })
        .where(inArray(attendances.personId, ids))
        .run();
    },

    /**
     * Makes erased text unrecoverable from the file: the full-text indexes run with secure-delete (migration 0013),
     * 'optimize' merges their segments into one; the planner's statistics (sqlite_stat4) keep sample keys of the
     * person, contact-point and self-registration indexes — names and e-mails — until the table is analysed again; and the WAL keeps old page images until
     * a checkpoint (secure_delete zeroes the freed pages).
     */
    purgeRemnants(): void {
      db.run(sql`INSERT INTO persons_fts(persons_fts) VALUES('optimize')`);
      db.run(sql`INSERT INTO interactions_fts(interactions_fts) VALUES('optimize')`);
      db.run(sql`ANALYZE persons`);
      db.run(sql`ANALYZE person_contact_points`);
      db.run(sql`ANALYZE registration_requests`);
      db.$client.pragma('wal_checkpoint(TRUNCATE)');
    },

    /** Persons (not erased) without attendance, contact, consent entry or change since `cutoff`, oldest first. */
    inactive(cutoff: string, paging: { page: number; pageSize: number }) {
      // Qualified by hand: drizzle leaves columns of a single-table select unqualified, which the subqueries would shadow.
      const id = sql.raw('"persons"."id"');
      const lastActivity = sql<string>`max("persons"."updated_at",
        coalesce((SELECT max(max(a.updated_at), max(e.starts_at)) FROM ${attendances} a JOIN ${events} e ON e.id = a.event_id
          WHERE a.person_id = ${id}), ''),
        coalesce((SELECT max(i.occurred_at) FROM ${interactionPersons} ip JOIN ${interactions} i ON i.id = ip.interaction_id
          WHERE ip.person_id = ${id} AND i.deleted_at IS NULL), ''),
        coalesce((SELECT max(c.recorded_at) FROM ${consents} c WHERE c.person_id = ${id}), ''))`;
      const rows = paged(
        db
          .select({
            id: persons.id,
            title: persons.title,
            firstName: persons.firstName,
            lastName: persons.lastName,
            email: persons.email,
            deletedAt: persons.deletedAt,
            lastActivityAt: lastActivity,
            total: sql<number>`count(*) OVER ()`,
          })
          .from(persons)
          .where(and(isNull(persons.erasedAt), sql`${lastActivity} < ${cutoff}`))
          .orderBy(asc(lastActivity), asc(persons.id))
          .$dynamic(),
        paging,
      ).all();
      const total =
        rows[0]?.total ??
        (paging.page > 1
          ? (db.get<{ n: number }>(
              sql`SELECT count(*) AS n FROM ${persons} WHERE ${persons.erasedAt} IS NULL AND ${lastActivity} < ${cutoff}`,
            )?.n ?? 0)
          : 0);
      return { rows, total };
    },
  };
}
export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
