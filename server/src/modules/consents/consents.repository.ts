import type { Db } from '@anett/db/client';
import { consents, users } from '@anett/db/schema';
import type { ConsentEntry, consentInput } from '@anett/shared/schemas/consent';
import type { ConsentState } from '@anett/shared/schemas/person';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';

/** `source` also takes the self-service sources (SELF_SERVICE_CONSENT_SOURCE), which the manual form does not offer. */
type ConsentValues = Omit<z.output<typeof consentInput>, 'suppress' | 'declaredOn' | 'source'> & {
  source: z.output<typeof consentInput>['source'] | 'double_opt_in' | 'preference_centre';
  declaredOn?: string | null;
};

/** The state per channel: the first (= latest) entry of each channel in a newest-first ledger. */
export function currentConsents(entries: ConsentEntry[]): ConsentState[] {
  const latest = new Map<string, ConsentState>();
  for (const e of entries) {
    if (!latest.has(e.channel)) {
      latest.set(e.channel, {
        channel: e.channel,
        status: e.status,
        source: e.source,
        legalBasis: e.legalBasis,
        recordedAt: e.recordedAt,
      });
    }
  }
  return [...latest.values()].sort((a, b) => a.channel.localeCompare(b.channel));
}

export function createConsentsRepository(db: Db) {
  return {
    /** The person's ledger, newest first (by recording time, as the person filter and exports read it). */
    entries(personId: number): ConsentEntry[] {
      return db
        .select({ c: consents, userName: users.name })
        .from(consents)
        .leftJoin(users, eq(users.id, consents.recordedById))
        .where(eq(consents.personId, personId))
        .orderBy(desc(consents.recordedAt), desc(consents.id))
        .all()
        .map(({ c, userName }) => ({
          id: c.id,
          channel: c.channel as ConsentEntry['channel'],
          status: c.status,
          legalBasis: c.legalBasis,
          source: c.source,
          evidence: c.evidence,
          declaredOn: c.declaredOn,
          recordedAt: c.recordedAt,
          recordedBy: c.recordedById === null ? null : { id: c.recordedById, name: userName ?? '' },
        }));
    },

    /** Appends an entry; the ledger has no update or delete. */
    append(personId: number, values: ConsentValues, recordedById: number | null, recordedAt: string) {
      return db
        .insert(consents)
        .values({ personId, ...values, recordedById, recordedAt })
        .returning()
        .get();
    },
  };
}
export type ConsentsRepository = ReturnType<typeof createConsentsRepository>;
