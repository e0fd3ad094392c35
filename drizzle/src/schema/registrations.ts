import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ownedBy, personName, refOrNull } from './columns.ts';
import { events } from './events.ts';
import { persons } from './persons.ts';

/**
 * A registration submitted on the public page (double opt-in): pending until the link in the mail is clicked, then
 * confirmed with the person and attendance it led to. Unconfirmed requests expire.
 */
export const registrationRequests = sqliteTable(
  'registration_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: ownedBy('event_id', () => events.id),
    status: text('status', { enum: ['pending', 'confirmed', 'cancelled'] })
      .notNull()
      .default('pending'),
    email: text('email').notNull(),
    ...personName,
    organization: text('organization'),
    function: text('function'),
    /** The newsletter box was ticked, with the version of the consent text shown. */
    newsletter: integer('newsletter', { mode: 'boolean' }).notNull().default(false),
    consentTextVersion: text('consent_text_version'),
    language: text('language', { enum: ['de', 'en'] })
      .notNull()
      .default('de'),
    /** The address the page was opened at: links in later mails (a seat freed up) point there. */
    origin: text('origin').notNull().default(''),
    /** SHA-256 of the client address with the link secret: evidence without storing the address. */
    ipHash: text('ip_hash').notNull(),
    requestedAt: text('requested_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    confirmedAt: text('confirmed_at'),
    cancelledAt: text('cancelled_at'),
    personId: refOrNull('person_id', () => persons.id),
    /** registered | waitlisted: what the confirmation gave. */
    outcome: text('outcome'),
    /** Likely duplicates (same name, other address) a manager should look at: person ids as JSON. */
    duplicateOf: text('duplicate_of', { mode: 'json' }).$type<number[]>(),
  },
  (t) => [
    index('registration_requests_event_idx').on(t.eventId, t.status),
    index('registration_requests_email_idx').on(t.email, t.requestedAt),
    index('registration_requests_ip_idx').on(t.ipHash, t.requestedAt),
  ],
);
export type RegistrationRow = typeof registrationRequests.$inferSelect;
