import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Columns every API item carries: id, optimistic-lock version and timestamps (ISO 8601, UTC). */
export const itemColumns = {
  id: integer('id').primaryKey({ autoIncrement: true }),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(nowIso),
  updatedAt: text('updated_at').notNull().default(nowIso),
};

/** Soft delete: people and organisations are restorable; erasure is separate. */
export const softDelete = {
  deletedAt: text('deleted_at'),
};

/** A person's name as given: salutation, academic title, first and last name (persons, self-registrations). */
export const personName = {
  salutation: text('salutation', { enum: ['frau', 'herr'] }),
  title: text('title'),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
};

/**
 * What finds, sorts and merges duplicates of a person or organisation: the name folded for duplicate detection (case,
 * umlauts and an organisation's legal form removed), the name in German order (DIN 5007-1: case ignored, 'Özdemir'
 * among the O) kept by triggers with the application function anett_sort_key for every sort by name, and the record
 * a merged one went into.
 */
export const mergeable = {
  nameKey: text('name_key').notNull(),
  sortKey: text('sort_key').notNull().default(''),
  mergedIntoId: integer('merged_into_id'),
};

/** A period of validity (an affiliation, an office, a relation): open ends are null. */
export const period = {
  fromDate: text('from_date'),
  toDate: text('to_date'),
};

/** An optional reference that is cleared (not cascaded) when the row it points to is deleted. */
export const refOrNull = (name: string, target: () => AnySQLiteColumn) =>
  integer(name).references(target, { onDelete: 'set null' });

/** A required reference to the row this one belongs to: deleting that row deletes this one. */
export const ownedBy = (name: string, target: () => AnySQLiteColumn) =>
  integer(name).notNull().references(target, { onDelete: 'cascade' });

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A many-to-many link (a person's tags, an event's topics): one row per pair, which is the key; both sides go with
 * the rows they point to, and the second side has an index for the way back (`person_tags_tag_idx` unless named).
 */
export function linkTable<const A extends string, const B extends string>(
  name: string,
  [a, toA]: [A, () => AnySQLiteColumn],
  [b, toB]: [B, () => AnySQLiteColumn],
  indexName = `${name}_${snakeCase(b).replace(/_id$/, '')}_idx`,
) {
  const columns = { [a]: ownedBy(snakeCase(a), toA), [b]: ownedBy(snakeCase(b), toB) } as Record<
    A | B,
    ReturnType<typeof ownedBy>
  >;
  return sqliteTable(name, columns, (t) => [primaryKey({ columns: [t[a], t[b]] }), index(indexName).on(t[b])]);
}
