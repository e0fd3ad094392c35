import { sql } from 'drizzle-orm';
import { integer, text } from 'drizzle-orm/sqlite-core';

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
