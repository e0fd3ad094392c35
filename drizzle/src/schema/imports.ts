import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ownedBy } from './columns.ts';
import { users } from './users.ts';

/** The column mapping a user last used per import kind ('persons' | 'organizations'), offered again next time. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    userId: ownedBy('user_id', () => users.id),
    kind: text('kind').notNull(),
    /** JSON: {column header: field}. */
    mapping: text('mapping', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
