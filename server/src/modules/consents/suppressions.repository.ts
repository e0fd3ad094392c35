import { hash } from 'node:crypto';
import type { Db } from '@anett/db/client';
import { suppressions } from '@anett/db/schema';
import { normalizeEmail } from '@anett/shared/normalize';
import { eq, inArray } from 'drizzle-orm';
import { nowIso } from '../../lib/time.ts';

/** SHA-256 (hex) of the normalised e-mail: the suppression list never stores an address in the clear. */
export const emailHash = (email: string) => hash('sha256', normalizeEmail(email), 'hex');

/** SQL name of {@link emailHash} on a connection it was registered on; NULL for NULL or empty input. */
export const EMAIL_HASH_SQL = 'anett_email_hash';

/** Registers {@link EMAIL_HASH_SQL} so that queries can test persons against the list without loading it. */
export function registerEmailHash(connection: Db['$client']): void {
  connection.function(EMAIL_HASH_SQL, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? emailHash(value) : null,
  );
}

export type SuppressionReason = 'objection' | 'erasure';

export function createSuppressionsRepository(db: Db) {
  registerEmailHash(db.$client);
  return {
    find(email: string) {
      return db
        .select()
        .from(suppressions)
        .where(eq(suppressions.emailHash, emailHash(email)))
        .get();
    },

    /** The given addresses that are suppressed, normalised. */
    suppressedAmong(emails: string[]): Set<string> {
      const byHash = new Map(emails.map((e) => [emailHash(e), normalizeEmail(e)]));
      const found = new Set<string>();
      const hashes = [...byHash.keys()];
      for (let i = 0; i < hashes.length; i += 500) {
        const rows = db
          .select({ hash: suppressions.emailHash })
          .from(suppressions)
          .where(inArray(suppressions.emailHash, hashes.slice(i, i + 500)))
          .all();
        for (const r of rows) found.add(byHash.get(r.hash) as string);
      }
      return found;
    },

    /** Adds the address (no-op when it is already listed). */
    add(email: string, reason: SuppressionReason): void {
      db.insert(suppressions)
        .values({ emailHash: emailHash(email), reason, createdAt: nowIso() })
        .onConflictDoNothing()
        .run();
    },
  };
}
export type SuppressionsRepository = ReturnType<typeof createSuppressionsRepository>;
