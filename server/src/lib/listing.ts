import type { Db } from '@anett/db/client';
import { searchFold } from '@anett/shared/normalize';
import { type AnyColumn, count, type SQL, sql } from 'drizzle-orm';
import type { SQLiteSelect, SQLiteTable } from 'drizzle-orm/sqlite-core';

export type ListParams = { page: number; pageSize: number };

/**
 * `column IN (the JSON array bound to the placeholder "ids")`: one prepared statement serves any number of ids
 * (pass `JSON.stringify(ids)`).
 */
export const inIds = (column: AnyColumn) => sql`${column} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;

/** A list answer: the page of items with the paging it was asked for (every paged GET). */
export const pageOf = <T>({ items, total }: { items: T[]; total: number }, { page, pageSize }: ListParams) => ({
  items,
  total,
  page,
  pageSize,
});

export const limitOffset = ({ page, pageSize }: ListParams) => ({ limit: pageSize, offset: (page - 1) * pageSize });

/** The page the paging asks for of a dynamic select (drizzle's `$dynamic()` pattern): every list's LIMIT/OFFSET. */
export const paged = <Q extends SQLiteSelect>(query: Q, paging: ListParams): Q => {
  const { limit, offset } = limitOffset(paging);
  return query.limit(limit).offset(offset) as Q;
};

/** How many rows of `table` match `where`: the total beside every list's page. */
export const countWhere = (db: Db, table: SQLiteTable, where: SQL | undefined): number =>
  db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;

/** One page of a table's rows in the given order, and how many match in all (the suppression, mail and network lists). */
export function pageOfTable<T extends SQLiteTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
  order: SQL[],
  paging: ListParams,
): { rows: T['$inferSelect'][]; total: number } {
  const query = db
    .select()
    .from(table as SQLiteTable)
    .where(where)
    .orderBy(...order)
    .$dynamic();
  return { rows: paged(query, paging).all() as T['$inferSelect'][], total: countWhere(db, table, where) };
}

/**
 * Turns what a user typed into an FTS5 MATCH expression: every word must match as a prefix,
 * folded the same way as the indexed documents ("Sömm" → "soemm"*; "sommerda" stays as is).
 * Returns undefined when nothing searchable is left.
 */
export function ftsQuery(q: string | undefined): string | undefined {
  if (!q) return undefined;
  const words = q
    .split(/\s+/)
    .map((w) => searchFold(w).split(' ')[0] ?? '')
    .map((w) => w.replace(/[^\p{L}\p{N}@._-]/gu, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return undefined;
  return words.map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
}

/** Escapes a LIKE pattern's wildcards (use with `ESCAPE '\\'`). */
const likeEscape = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** `expr` contains `text` as written: its `%` and `_` are not wildcards (SQLite's LIKE has no escape unless told). */
export const contains = (expr: SQL | AnyColumn, text: string) =>
  sql`${expr} LIKE ${`%${likeEscape(text)}%`} ESCAPE '\\'`;
