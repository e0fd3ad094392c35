import type { Db } from '@anett/db/client';
import { personContactPoints, persons, users } from '@anett/db/schema';
import type { EntityRef } from '@anett/shared/schemas/network';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { personNameSql } from '../interactions/interactions.repository.ts';

/** Whom the addresses of dropped mails belong to: live persons (main e-mail and further contact points) and users. */
export function createMailImportsRepository(db: Db) {
  const live = and(isNull(persons.deletedAt), isNull(persons.erasedAt));
  return {
    /** Per normalised address the live persons having it, by name (a shared address may belong to several). */
    personsByAddress(addresses: string[]): Map<string, EntityRef[]> {
      const found = new Map<string, EntityRef[]>();
      if (addresses.length === 0) return found;
      const main = sql<string>`lower(${persons.email})`;
      const extra = sql<string>`lower(${personContactPoints.value})`;
      const rows = [
        ...db
          .select({ address: main, id: persons.id, name: personNameSql(), sortKey: persons.sortKey })
          .from(persons)
          .where(and(live, inArray(main, addresses)))
          .all(),
        ...db
          .select({ address: extra, id: persons.id, name: personNameSql(), sortKey: persons.sortKey })
          .from(personContactPoints)
          .innerJoin(persons, eq(persons.id, personContactPoints.personId))
          .where(and(live, eq(personContactPoints.kind, 'email'), inArray(extra, addresses)))
          .all(),
      ].sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.id - b.id);
      for (const r of rows) {
        const list = found.get(r.address) ?? [];
        if (!list.some((p) => p.id === r.id)) list.push({ id: r.id, name: r.name });
        found.set(r.address, list);
      }
      return found;
    },

    /** The addresses among these that belong to users of the app (also inactive ones: they were staff). */
    staffAmong(addresses: string[]): Set<string> {
      if (addresses.length === 0) return new Set();
      const email = sql<string>`lower(${users.email})`;
      return new Set(
        db
          .select({ email })
          .from(users)
          .where(inArray(email, addresses))
          .orderBy(asc(users.id))
          .all()
          .map((r) => r.email),
      );
    },
  };
}
export type MailImportsRepository = ReturnType<typeof createMailImportsRepository>;
