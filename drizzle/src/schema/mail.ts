import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Durable outbox: a mail is written here in the transaction that causes it and sent later by the sender loop
 * (server/src/modules/mail/mail-sender.ts). Status: pending → sending (claimed, with the attempt) → sent | failed.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: text('created_at').notNull(),
    /** What the mail is for: registration_confirm, registration_confirmed, registration_cancelled, … */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** Extra headers (List-Unsubscribe, …) as a JSON object. */
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    /** Attachments as JSON: [{ filename, contentType, content (text) }]. */
    attachments: text('attachments', { mode: 'json' })
      .$type<{ filename: string; contentType: string; content: string }[]>()
      .notNull()
      .default([]),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time (backoff after a failure). */
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** When the current attempt claimed the mail; a `sending` mail older than the claim timeout is tried again. */
    claimedAt: text('claimed_at'),
    sentAt: text('sent_at'),
    lastError: text('last_error'),
    /** Message-ID the SMTP server accepted. */
    messageId: text('message_id'),
  },
  (t) => [index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt), index('mail_outbox_created_idx').on(t.createdAt)],
);
export type OutboxRow = typeof mailOutbox.$inferSelect;
