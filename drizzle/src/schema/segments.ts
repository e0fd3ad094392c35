import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { itemColumns } from './columns.ts';
import { users } from './users.ts';

export const segments = sqliteTable(
  'segments',
  {
    ...itemColumns,
    name: text('name').notNull(),
    /** The person filter as JSON (same shape as the list query). */
    filter: text('filter', { mode: 'json' }).notNull(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('segments_owner_idx').on(t.ownerId)],
);
export type SegmentRow = typeof segments.$inferSelect;
