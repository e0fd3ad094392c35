import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { itemColumns, linkTable, mergeable, ownedBy, period, personName, refOrNull, softDelete } from './columns.ts';
import { organizations } from './organizations.ts';
import { tags } from './tags.ts';

export const persons = sqliteTable(
  'persons',
  {
    ...itemColumns,
    ...softDelete,
    ...personName,
    email: text('email'),
    phone: text('phone'),
    mobile: text('mobile'),
    notes: text('notes'),
    /** nameKey folds "first last"; sortKey is "last first". */
    ...mergeable,
    /** Set by GDPR erasure: the row stays (reports count it) but holds no personal data. */
    erasedAt: text('erased_at'),
  },
  (t) => [
    index('persons_sort_idx').on(t.sortKey),
    index('persons_name_key_idx').on(t.nameKey),
    index('persons_email_idx').on(t.email),
    // Duplicate detection compares e-mails case-insensitively.
    index('persons_email_lower_idx').on(sql`lower(${t.email})`),
    index('persons_updated_idx').on(t.updatedAt),
  ],
);
export type PersonRow = typeof persons.$inferSelect;

export const personTags = linkTable('person_tags', ['personId', () => persons.id], ['tagId', () => tags.id]);

export const affiliations = sqliteTable(
  'affiliations',
  {
    ...itemColumns,
    personId: ownedBy('person_id', () => persons.id),
    organizationId: ownedBy('organization_id', () => organizations.id),
    function: text('function'),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    ...period,
  },
  (t) => [
    index('affiliations_person_idx').on(t.personId),
    index('affiliations_org_idx').on(t.organizationId, t.personId),
    // Covers the person filter's "currently affiliated with an organisation that …" subquery.
    index('affiliations_org_current_idx').on(t.organizationId, t.toDate, t.personId),
  ],
);
export type AffiliationRow = typeof affiliations.$inferSelect;

export const offices = sqliteTable(
  'offices',
  {
    ...itemColumns,
    personId: ownedBy('person_id', () => persons.id),
    /** e.g. "Landrätin" — also used for the letter salutation. */
    title: text('title').notNull(),
    /** e.g. "Landkreis Schmalkalden-Meiningen". */
    jurisdiction: text('jurisdiction'),
    organizationId: refOrNull('organization_id', () => organizations.id),
    ...period,
  },
  (t) => [index('offices_person_idx').on(t.personId)],
);
export type OfficeRow = typeof offices.$inferSelect;

/**
 * More e-mail addresses and phone numbers of a person (a second address kept by a merge, a private mobile). The main
 * ones stay on `persons` (the mailing address of exports); these are searched, shown and checked for duplicates.
 */
export const personContactPoints = sqliteTable(
  'person_contact_points',
  {
    ...itemColumns,
    personId: ownedBy('person_id', () => persons.id),
    kind: text('kind', { enum: ['email', 'phone', 'mobile'] }).notNull(),
    value: text('value').notNull(),
    /** e.g. 'privat', 'Sekretariat', 'aus Zusammenführung'. */
    label: text('label'),
  },
  (t) => [
    index('person_contact_points_person_idx').on(t.personId),
    // Duplicate detection and look-ups by e-mail compare case-insensitively.
    index('person_contact_points_value_idx').on(t.kind, sql`lower(${t.value})`),
  ],
);
export type ContactPointRow = typeof personContactPoints.$inferSelect;
