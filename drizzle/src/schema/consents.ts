import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { persons } from './persons.ts';
import { users } from './users.ts';

/** Append-only ledger (triggers forbid UPDATE and DELETE); the current state per channel is the latest entry. */
export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    channel: text('channel').notNull(),
    status: text('status', { enum: ['granted', 'withdrawn'] }).notNull(),
    legalBasis: text('legal_basis'),
    source: text('source').notNull(),
    evidence: text('evidence'),
    /** The day the person gave or withdrew consent (a business card from last week's fair); recordedAt is when. */
    declaredOn: text('declared_on'),
    recordedAt: text('recorded_at').notNull(),
    recordedById: integer('recorded_by_id').references(() => users.id),
  },
  (t) => [
    index('consents_person_channel_idx').on(t.personId, t.channel, t.id),
    // The latest entry per channel by recording time (merged-in entries keep their original time).
    index('consents_latest_idx').on(t.personId, t.channel, t.recordedAt, t.id),
  ],
);

/** Hashed e-mails of people who objected or were erased: blocks re-import. */
export const suppressions = sqliteTable('suppressions', {
  emailHash: text('email_hash').primaryKey(),
  reason: text('reason').notNull(),
  /** Why it was added by hand (the objection letter, the bounce); empty for erasures. */
  note: text('note'),
  createdAt: text('created_at').notNull(),
});

/**
 * Every erasure, by a hash of the erased row's id and creation time (no name, no address): a restored backup that still
 * holds the person is erased again at start (see `server/src/modules/privacy/ledger.ts`). Mirrored, with the
 * suppression list, to a file beside the database that a restore does not replace.
 */
export const erasures = sqliteTable('erasures', {
  /** SHA-256 of "<id>|<created_at>" of the erased row: matches that row only, also in an older copy of the file. */
  personKey: text('person_key').primaryKey(),
  personId: integer('person_id').notNull(),
  erasedAt: text('erased_at').notNull(),
  /** Contact-log entries not linked to the person that the admin had scrubbed as well (ids, JSON array). */
  scrubbedInteractionIds: text('scrubbed_interaction_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
});
