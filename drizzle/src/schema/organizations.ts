import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { itemColumns, linkTable, mergeable, ownedBy, softDelete } from './columns.ts';
import { tags } from './tags.ts';

export const organizations = sqliteTable(
  'organizations',
  {
    ...itemColumns,
    ...softDelete,
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    sizeClass: text('size_class'),
    employees: integer('employees'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    district: text('district'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
    ...mergeable,
  },
  (t) => [
    index('organizations_sort_idx').on(t.sortKey),
    index('organizations_name_key_idx').on(t.nameKey),
    index('organizations_kind_idx').on(t.kind),
    index('organizations_district_idx').on(t.district),
    index('organizations_email_idx').on(t.email),
  ],
);
export type OrganizationRow = typeof organizations.$inferSelect;

export const organizationSectors = sqliteTable(
  'organization_sectors',
  {
    organizationId: ownedBy('organization_id', () => organizations.id),
    /** WZ 2008 code as written, e.g. "29.32". */
    wzCode: text('wz_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.wzCode] }), index('organization_sectors_code_idx').on(t.wzCode)],
);

export const organizationTags = linkTable(
  'organization_tags',
  ['organizationId', () => organizations.id],
  ['tagId', () => tags.id],
);
