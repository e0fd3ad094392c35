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
  offices,
  organizations,
  personContactPoints,
  persons,
  personTags,
  sessionAttendances,
  tags,
} from '@anett/db/schema';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { limitOffset } from '../../lib/listing.ts';

export const ERASED_FIRST_NAME = 'Gelöschte';
export const ERASED_LAST_NAME = 'Person';
const SCRUBBED = '[gelöscht]';

type PersonRow = typeof persons.$inferSelect;

/** How a string appears inside stored JSON (quotes, backslashes and control characters escaped). */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

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
  /** Audit entries about the person: their own, and those of their attendances. */
  const aboutPerson = (ids: number[]): SQL =>
    or(
      and(eq(auditEntries.entity, 'person'), inArray(auditEntries.entityId, ids)),
      and(eq(auditEntries.entity, 'attendance'), inArray(auditEntries.entityId, attendanceIds(ids))),
    ) as SQL;

  /** The additional e-mail addresses of the given person rows. */
  const additionalEmails = (ids: number[]) =>
    db
      .select({ value: personContactPoints.value })
      .from(personContactPoints)
      .where(and(inArray(personContactPoints.personId, ids), eq(personContactPoints.kind, 'email')))
      .all()
      .map((c) => c.value);

  return {
    mergeChain,
    additionalEmails,

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
      };
    },

    /**
     * Anonymises the given person rows (call inside a transaction). Rows stay, so reports keep counting attendances
     * and contacts; names, contact data, free texts about them, offices and tags go; audit payloads about them are
     * replaced and their names/e-mail scrubbed from all other audit payloads. Free text in interactions linked to them
     * loses their full name, last name and e-mail; other mentions elsewhere cannot be found reliably and stay.
     */
    erase(rows: PersonRow[], at: string): void {
      const ids = rows.map((r) => r.id);
      const linkedInteractions = interactionIds(ids);

      db.update(auditEntries)
        .set({ diff: { erased: true } })
        .where(aboutPerson(ids))
        .run();

      const fullNames = rows.flatMap((r) => [
        [r.title, r.firstName, r.lastName].filter(Boolean).join(' '),
        `${r.firstName} ${r.lastName}`,
        `${r.lastName}, ${r.firstName}`,
      ]);
      // Additional addresses are scrubbed wherever the main one is (their rows go below).
      const emails = [...rows.flatMap((r) => (r.email ? [r.email] : [])), ...additionalEmails(ids)];
      const lastNames = rows.map((r) => r.lastName).filter((n) => n.trim().length >= 3);
      const everywhere = [...new Set([...fullNames, ...emails])].filter((s) => s.trim().length >= 3);
      const replaceIn = (column: SQL, needles: string[]) =>
        needles.reduce<SQL>((expr, n) => sql`replace(${expr}, ${n}, ${SCRUBBED})`, column);

      for (const needle of everywhere.map(inJson)) {
        db.run(sql`UPDATE ${auditEntries} SET diff = replace(diff, ${needle}, ${inJson(SCRUBBED)})
          WHERE instr(diff, ${needle}) > 0`);
      }
      // A record that held the first and the last name as separate fields (e.g. a merge's source).
      for (const r of rows) {
        const [first, last, scrubbed] = [r.firstName, r.lastName, SCRUBBED].map((s) => JSON.stringify(s));
        db.run(sql`UPDATE ${auditEntries} SET diff = replace(replace(diff, ${first}, ${scrubbed}), ${last}, ${scrubbed})
          WHERE instr(diff, ${first}) > 0 AND instr(diff, ${last}) > 0`);
      }
      const textNeedles = [...everywhere, ...lastNames].sort((a, b) => b.length - a.length);
      db.update(interactions)
        .set({
          subject: replaceIn(sql`${interactions.subject}`, textNeedles),
          summary: replaceIn(sql`${interactions.summary}`, textNeedles),
        })
        .where(inArray(interactions.id, linkedInteractions))
        .run();
      for (const needle of textNeedles.map(inJson)) {
        db.run(sql`UPDATE ${auditEntries} SET diff = replace(diff, ${needle}, ${inJson(SCRUBBED)})
          WHERE ${auditEntries.entity} = 'interaction' AND ${inArray(auditEntries.entityId, linkedInteractions)}
            AND instr(diff, ${needle}) > 0`);
      }

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
     * Makes erased text unrecoverable from the file: FTS5 keeps superseded index segments until they are merged, and
     * the WAL keeps old page images until a checkpoint (secure_delete zeroes the freed pages).
     */
    purgeRemnants(): void {
      db.run(sql`INSERT INTO persons_fts(persons_fts) VALUES('optimize')`);
      db.run(sql`INSERT INTO interactions_fts(interactions_fts) VALUES('optimize')`);
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
      const { limit, offset } = limitOffset(paging);
      const rows = db
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
        .limit(limit)
        .offset(offset)
        .all();
      const total =
        rows[0]?.total ??
        (offset > 0
          ? (db.get<{ n: number }>(
              sql`SELECT count(*) AS n FROM ${persons} WHERE ${persons.erasedAt} IS NULL AND ${lastActivity} < ${cutoff}`,
            )?.n ?? 0)
          : 0);
      return { rows, total };
    },
  };
}
export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
