import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { itemColumns, linkTable, refOrNull, softDelete } from './columns.ts';
import { events } from './events.ts';
import { nodes } from './network.ts';
import { organizations } from './organizations.ts';
import { persons } from './persons.ts';
import { topics } from './tags.ts';
import { users } from './users.ts';

export const interactions = sqliteTable(
  'interactions',
  {
    ...itemColumns,
    ...softDelete,
    occurredAt: text('occurred_at').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    summary: text('summary'),
    nodeId: refOrNull('node_id', () => nodes.id),
    eventId: refOrNull('event_id', () => events.id),
    followUpOn: text('follow_up_on'),
    followUpDoneAt: text('follow_up_done_at'),
    authorId: refOrNull('author_id', () => users.id),
    /** E-mails only: SHA-256 of the Message-ID (or of sender, date and subject), so a mail dropped twice is logged once. */
    mailKey: text('mail_key'),
    /** E-mails only: 'out' when a user of the app sent it, else 'in'. */
    direction: text('direction', { enum: ['in', 'out'] }),
  },
  (t) => [
    index('interactions_followup_idx').on(t.authorId, t.followUpOn),
    // Cover the reach report's and dashboard's counts per period (and per node) without table lookups, and every
    // lookup by date or by node and date (no index here is a prefix of another: each costs every write a page).
    index('interactions_period_idx').on(t.occurredAt, t.deletedAt, t.nodeId),
    index('interactions_node_period_idx').on(t.nodeId, t.occurredAt, t.deletedAt),
    // "Wiedervorlagen" of everyone: only the open ones, a small part of the log.
    index('interactions_open_followup_idx')
      .on(t.followUpOn)
      .where(sql`${t.followUpOn} IS NOT NULL AND ${t.followUpDoneAt} IS NULL AND ${t.deletedAt} IS NULL`),
    // A deleted e-mail entry may be logged again; a live one only once.
    uniqueIndex('interactions_mail_key_idx')
      .on(t.mailKey)
      .where(sql`${t.mailKey} IS NOT NULL AND ${t.deletedAt} IS NULL`),
  ],
);
export type InteractionRow = typeof interactions.$inferSelect;

export const interactionPersons = linkTable(
  'interaction_persons',
  ['interactionId', () => interactions.id],
  ['personId', () => persons.id],
);

export const interactionOrganizations = linkTable(
  'interaction_organizations',
  ['interactionId', () => interactions.id],
  ['organizationId', () => organizations.id],
  'interaction_organizations_org_idx',
);

export const interactionTopics = linkTable(
  'interaction_topics',
  ['interactionId', () => interactions.id],
  ['topicId', () => topics.id],
);
