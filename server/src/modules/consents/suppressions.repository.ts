import { type Db, EMAIL_HASH_SQL, emailHash } from '@anett/db/client';
import { persons, suppressions } from '@anett/db/schema';
import { normalizeEmail } from '@anett/shared/normalize';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { pageOfTable } from '../../lib/listing.ts';
import { nowIso } from '../../lib/time.ts';

export { EMAIL_HASH_SQL, emailHash };

export type SuppressionReason = 'objection' | 'erasure' | 'other';

export function createSuppressionsRepository(db: Db) {
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
    add(email: string, reason: SuppressionReason, note: string | null = null): void {
      db.insert(suppressions)
        .values({ emailHash: emailHash(email), reason, note, createdAt: nowIso() })
        .onConflictDoNothing()
        .run();
    },

    /** A page of the list, newest first unless sorted otherwise; `email` narrows it to that address. */
    list(query: { page: number; pageSize: number; sort?: { desc: boolean } | undefined; email?: string | undefined }) {
      const where = query.email ? eq(suppressions.emailHash, emailHash(query.email)) : undefined;
      const dir = query.sort && !query.sort.desc ? asc : desc;
      return pageOfTable(db, suppressions, where, [dir(suppressions.createdAt), asc(suppressions.emailHash)], query);
    },

    /** Live persons whose address has one of the hashes (hashes every address once: for a page of the list). */
    personsByHash(hashes: string[]) {
      if (hashes.length === 0) return [];
      return db
        .select({
          hash: sql<string>`${sql.raw(EMAIL_HASH_SQL)}(${persons.email})`,
          id: persons.id,
          title: persons.title,
          firstName: persons.firstName,
          lastName: persons.lastName,
          email: sql<string>`${persons.email}`,
        })
        .from(persons)
        .where(
          and(
            isNull(persons.deletedAt),
            isNull(persons.erasedAt),
            inArray(sql`${sql.raw(EMAIL_HASH_SQL)}(${persons.email})`, hashes),
          ),
        )
        .orderBy(asc(persons.sortKey), asc(persons.id))
        .all();
    },

    findByHash(hash: string) {
      return db.select().from(suppressions).where(eq(suppressions.emailHash, hash)).get();
    },

    remove(hash: string) {
      return db.delete(suppressions).where(eq(suppressions.emailHash, hash)).returning().get();
    },
  };
}
export type SuppressionsRepository = ReturnType<typeof createSuppressionsRepository>;
