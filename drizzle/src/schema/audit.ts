import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditEntries = sqliteTable(
  'audit_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** Null for anonymous actions such as a failed login. */
    userId: integer('user_id'),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    action: text('action').notNull(),
    /** JSON: {field: [before, after]} for changes, free details for other actions. */
    diff: text('diff', { mode: 'json' }),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.id), index('audit_user_idx').on(t.userId, t.id)],
);
