import { z } from 'zod';
import { listQuery, page } from './common.ts';

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export const mailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof mailStatus>;

/** A mail of the outbox as the Ausgang list shows it. */
export const outboxMail = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: mailStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof outboxMail>;

/** One mail with its text, headers and attachment names. */
export const outboxMailDetail = outboxMail.extend({
  text: z.string(),
  headers: z.record(z.string(), z.string()),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() })),
  messageId: z.string().nullable(),
});
export type OutboxMailDetail = z.infer<typeof outboxMailDetail>;

export const outboxListQuery = listQuery(['createdAt'] as const)
  .omit({ q: true })
  .extend({ status: mailStatus.optional() });
export type OutboxListQuery = z.input<typeof outboxListQuery>;

export const outboxPage = page(outboxMail).extend({
  /** Whether a mail server is set up (SMTP_URL); without one mails stay here. */
  smtpConfigured: z.boolean(),
  from: z.string(),
});
export type OutboxPage = z.infer<typeof outboxPage>;
