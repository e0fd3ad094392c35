import type { Db } from '@anett/db/client';
import { type RegistrationRow, registrationRequests } from '@anett/db/schema';
import { and, count, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import { countWhere } from '../../lib/listing.ts';

export type NewRegistration = typeof registrationRequests.$inferInsert;

export function createRegistrationsRepository(db: Db) {
  return {
    insert(values: NewRegistration): RegistrationRow {
      return db.insert(registrationRequests).values(values).returning().get();
    },

    find(id: number): RegistrationRow | undefined {
      return db.select().from(registrationRequests).where(eq(registrationRequests.id, id)).get();
    },

    update(id: number, values: Partial<NewRegistration>): RegistrationRow | undefined {
      return db.update(registrationRequests).set(values).where(eq(registrationRequests.id, id)).returning().get();
    },

    /**
     * Unconfirmed requests past their expiry keep no personal data: only that there was one (for the statistics).
     * Returns how many were scrubbed.
     */
    scrubLapsed(now: string): number {
      return db
        .update(registrationRequests)
        .set({
          email: '',
          salutation: null,
          title: null,
          firstName: '',
          lastName: '',
          organization: null,
          function: null,
        })
        .where(
          and(
            eq(registrationRequests.status, 'pending'),
            lt(registrationRequests.expiresAt, now),
            ne(registrationRequests.email, ''),
          ),
        )
        .run().changes;
    },

    /** The confirmed self-registration that put the person on the event's waiting list, if any. */
    waitlistedRequest(eventId: number, personId: number): RegistrationRow | undefined {
      return db
        .select()
        .from(registrationRequests)
        .where(
          and(
            eq(registrationRequests.eventId, eventId),
            eq(registrationRequests.personId, personId),
            eq(registrationRequests.status, 'confirmed'),
            eq(registrationRequests.outcome, 'waitlisted'),
          ),
        )
        .get();
    },

    /** Requests since `since` from this address and from this client (rate limit). */
    recentCounts(email: string, ipHash: string, since: string) {
      const recent = gte(registrationRequests.requestedAt, since);
      return {
        byEmail: countWhere(db, registrationRequests, and(eq(registrationRequests.email, email), recent)),
        byClient: countWhere(db, registrationRequests, and(eq(registrationRequests.ipHash, ipHash), recent)),
      };
    },

    /** Counts per state for an event's statistics; `expired`: pending past its expiry. */
    stats(eventId: number, now: string) {
      const r = registrationRequests;
      const row = db
        .select({
          submitted: count(),
          pending: sql<number>`coalesce(sum(${r.status} = 'pending' AND ${r.expiresAt} >= ${now}), 0)`,
          expired: sql<number>`coalesce(sum(${r.status} = 'pending' AND ${r.expiresAt} < ${now}), 0)`,
          confirmed: sql<number>`coalesce(sum(${r.confirmedAt} IS NOT NULL), 0)`,
          cancelled: sql<number>`coalesce(sum(${r.status} = 'cancelled'), 0)`,
        })
        .from(r)
        .where(eq(r.eventId, eventId))
        .get();
      const flagged = db
        .select({ personId: r.personId, duplicateOf: r.duplicateOf })
        .from(r)
        .where(and(eq(r.eventId, eventId), isNotNull(r.personId), sql`json_array_length(${r.duplicateOf}) > 0`))
        .all();
      return { counts: row ?? { submitted: 0, pending: 0, expired: 0, confirmed: 0, cancelled: 0 }, flagged };
    },
  };
}
export type RegistrationsRepository = ReturnType<typeof createRegistrationsRepository>;
