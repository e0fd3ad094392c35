import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { itemColumns, ownedBy, period, refOrNull } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

export const networks = sqliteTable('networks', {
  ...itemColumns,
  name: text('name').notNull(),
  shortName: text('short_name'),
  /** Federal state or region, e.g. "Thüringen", "Bayern". */
  region: text('region'),
  /** True for ANeTT itself, false for partner networks. */
  isOwn: integer('is_own', { mode: 'boolean' }).notNull().default(false),
  website: text('website'),
  description: text('description'),
});
export type NetworkRow = typeof networks.$inferSelect;

export const nodes = sqliteTable(
  'nodes',
  {
    ...itemColumns,
    name: text('name').notNull(),
    district: text('district').notNull(),
    networkId: refOrNull('network_id', () => networks.id),
    hostOrganizationId: refOrNull('host_organization_id', () => organizations.id),
    openedOn: text('opened_on'),
    responsibleUserId: refOrNull('responsible_user_id', () => users.id),
    description: text('description'),
  },
  (t) => [index('nodes_district_idx').on(t.district)],
);
export type NodeRow = typeof nodes.$inferSelect;

export const relations = sqliteTable(
  'relations',
  {
    ...itemColumns,
    organizationId: ownedBy('organization_id', () => organizations.id),
    networkId: integer('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    nodeId: integer('node_id').references(() => nodes.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** e.g. "Qualifikation" for the consortium partner in charge of it. */
    responsibility: text('responsibility'),
    ...period,
  },
  (t) => [
    index('relations_org_idx').on(t.organizationId),
    index('relations_node_idx').on(t.nodeId, t.type),
    index('relations_network_idx').on(t.networkId, t.type),
  ],
);
export type RelationRow = typeof relations.$inferSelect;
