import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { itemColumns } from './columns.ts';

export const tags = sqliteTable(
  'tags',
  {
    ...itemColumns,
    name: text('name').notNull(),
    color: text('color').notNull().default('blue'),
  },
  (t) => [uniqueIndex('tags_name_uq').on(sql`lower(${t.name})`)],
);
export type TagRow = typeof tags.$inferSelect;

export const topics = sqliteTable(
  'topics',
  {
    ...itemColumns,
    slug: text('slug').notNull(),
    label: text('label').notNull(),
    labelEn: text('label_en').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('topics_slug_uq').on(t.slug)],
);
