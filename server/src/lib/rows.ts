import type { Db } from '@anett/db/client';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { nowIso } from './time.ts';

/** A table whose rows carry the optimistic-locking version (`versionedChange` answers 412 on a stale one). */
type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn };

/** The row `id` if it is still at `version`: the WHERE of every optimistic update and delete. */
export const atVersion = (table: VersionedTable, id: number, version: number): SQL =>
  and(eq(table.id, id), eq(table.version, version)) as SQL;

/** What an update of a versioned row sets besides its values: the next version, now as `updatedAt`. */
export const bumped = () => ({ version: sql`version + 1`, updatedAt: nowIso() });

/** The optimistic update every repository does: the changed row, or undefined when the version moved meanwhile. */
export function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  id: number,
  version: number,
  values: Partial<T['$inferInsert']>,
): T['$inferSelect'] | undefined {
  return db
    .update(table)
    .set({ ...values, ...bumped() } as never)
    .where(atVersion(table, id, version))
    .returning()
    .get() as T['$inferSelect'] | undefined;
}

/**
 * Create and optimistic update of a table whose answer is a view read back by id (network nodes and relations, tags):
 * the view after the write, or undefined when the version moved meanwhile.
 */
export function viewedWrites<T extends VersionedTable, V>(db: Db, table: T, view: (id: number) => V | undefined) {
  return {
    create(values: T['$inferInsert']): V {
      const row = db.insert(table).values(values).returning({ id: table.id }).get() as { id: number };
      return view(row.id) as V;
    },
    update(id: number, version: number, changes: Partial<T['$inferInsert']>): V | undefined {
      return updateAtVersion(db, table, id, version, changes) ? view(id) : undefined;
    },
  };
}

/** The optimistic delete: the removed row, or undefined when the version moved meanwhile. */
export function deleteAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  id: number,
  version: number,
): T['$inferSelect'] | undefined {
  return db
    .delete(table)
    .where(atVersion(table, id, version))
    .returning()
    .get() as T['$inferSelect'] | undefined;
}

/**
 * Replaces the rows linking one record to a list of values (an organisation's sectors and tags, a person's tags, an
 * event's topics): the old rows go, each value is linked once.
 */
export function replaceLinks<T extends SQLiteTable, V>(
  db: Db,
  table: T,
  owner: SQLiteColumn,
  id: number,
  values: readonly V[],
  row: (value: V) => T['$inferInsert'],
) {
  db.delete(table).where(eq(owner, id)).run();
  const unique = [...new Set(values)];
  if (unique.length) db.insert(table).values(unique.map(row)).run();
}

/** Those of `ids` that name no row of the column's table (with `also`: no such row), for 400s naming unknown ids. */
export function missingIds(db: Db, column: SQLiteColumn, ids: number[], also?: SQL): number[] {
  if (!ids.length) return [];
  const found = new Set(
    db
      .select({ id: column })
      .from(column.table as SQLiteTable)
      .where(and(inArray(column, ids), also))
      .all()
      .map((r) => r.id),
  );
  return ids.filter((id) => !found.has(id));
}

/** What the two merges (persons, organisations) do to the rows that hang on the source: move them to the target. */
export function mergeMoves(db: Db, sourceId: number, targetId: number, at: string) {
  return {
    /** Re-points the versioned rows whose `column` names the source at the target, as a change of each row; how many. */
    reassign(column: SQLiteColumn): number {
      const name = sql.identifier(column.name);
      return db.run(
        sql`UPDATE ${column.table} SET ${name} = ${targetId}, version = version + 1, updated_at = ${at}
            WHERE ${name} = ${sourceId}`,
      ).changes;
    },
    /** Moves a link table's rows (`owner`, `other`) to the target, skipping the links it has already; how many. */
    links(owner: SQLiteColumn, other: SQLiteColumn): number {
      const [ownerName, otherName] = [sql.identifier(owner.name), sql.identifier(other.name)];
      const moved = db.run(
        sql`INSERT OR IGNORE INTO ${owner.table} (${ownerName}, ${otherName})
            SELECT ${targetId}, ${otherName} FROM ${owner.table} WHERE ${ownerName} = ${sourceId}`,
      ).changes;
      db.run(sql`DELETE FROM ${owner.table} WHERE ${ownerName} = ${sourceId}`);
      return moved;
    },
  };
}
