import type { Db } from '@anett/db/client';
import { importMappings } from '@anett/db/schema';
import type { ImportKind, ImportMapping } from '@anett/shared/schemas/import';
import { and, eq } from 'drizzle-orm';
import { nowIso } from '../../lib/time.ts';

export function createImportsRepository(db: Db) {
  return {
    /** The column mapping the user last used for this kind. */
    mapping(userId: number, kind: ImportKind): ImportMapping | undefined {
      const row = db
        .select({ mapping: importMappings.mapping })
        .from(importMappings)
        .where(and(eq(importMappings.userId, userId), eq(importMappings.kind, kind)))
        .get();
      return (row?.mapping as ImportMapping | undefined) ?? undefined;
    },

    saveMapping(userId: number, kind: ImportKind, mapping: ImportMapping): void {
      const updatedAt = nowIso();
      db.insert(importMappings)
        .values({ userId, kind, mapping, updatedAt })
        .onConflictDoUpdate({ target: [importMappings.userId, importMappings.kind], set: { mapping, updatedAt } })
        .run();
    },
  };
}
export type ImportsRepository = ReturnType<typeof createImportsRepository>;
