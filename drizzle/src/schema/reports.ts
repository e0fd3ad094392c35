import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { itemColumns, refOrNull } from './columns.ts';
import { users } from './users.ts';

/** A reach report frozen as submitted: later merges and corrections do not change its numbers. */
export const reportSnapshots = sqliteTable(
  'report_snapshots',
  {
    ...itemColumns,
    label: text('label').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** The node the report was limited to; no foreign key, the frozen report keeps the node's name. */
    nodeId: integer('node_id'),
    reachedBy: text('reached_by', { mode: 'json' }).$type<string[]>().notNull(),
    /** The whole report as the API returned it when frozen. */
    report: text('report', { mode: 'json' }).notNull(),
    createdById: refOrNull('created_by_id', () => users.id),
  },
  (t) => [index('report_snapshots_created_idx').on(t.createdAt)],
);
