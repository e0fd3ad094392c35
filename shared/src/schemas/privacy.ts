import { z } from 'zod';
import { page, paging, refId } from './common.ts';

/**
 * Everything stored about a person (GDPR Art. 15), keyed by table: the person row (and rows merged into it),
 * affiliations, offices, tags, attendances, session attendances, linked interactions, consents and the audit entries
 * about them; and where else they are named: contact-log entries not linked to them (`interaction_mentions`), other
 * audit entries such as failed logins or exports (`audit_mentions`) and segments (`segment_mentions`).
 */
export const privacyExport = z.object({
  exportedAt: z.string(),
  personId: z.number().int(),
  /** Whether the person's e-mail address is on the suppression list. */
  suppressed: z.boolean(),
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type PrivacyExport = z.infer<typeof privacyExport>;

export const MENTION_KINDS = ['fullName', 'lastName', 'firstName', 'email', 'phone'] as const;

/** A contact-log entry not linked to the person that names them: the admin decides whether it is scrubbed too. */
export const erasureMention = z.object({
  interactionId: z.number().int(),
  occurredAt: z.string(),
  subject: z.string(),
  /** The text around the first mention. */
  excerpt: z.string(),
  matches: z.array(z.enum(MENTION_KINDS)),
  /** The entry is in the bin (soft-deleted) but still stored. */
  deleted: z.boolean(),
  /** Full name, e-mail or phone: it is about this person. A bare last name may be a namesake. */
  suggested: z.boolean(),
});
export type ErasureMention = z.infer<typeof erasureMention>;

export const erasurePreview = z.object({
  erasedIds: z.array(z.number().int()),
  /** Contact-log entries linked to the person: their names, e-mail and phone are scrubbed. */
  linkedInteractions: z.number().int(),
  /** Other audit entries and segments naming the person: scrubbed as well. */
  auditMentions: z.number().int(),
  segmentMentions: z.number().int(),
  /** No one else carries the last name, so it is scrubbed everywhere, not only in the person's own records. */
  lastNameIsDistinctive: z.boolean(),
  mentions: z.array(erasureMention),
  mentionsTotal: z.number().int(),
});
export type ErasurePreview = z.infer<typeof erasurePreview>;

export const eraseBody = z
  .object({
    /** Unlinked contact-log entries (from the preview) to scrub the person from as well. */
    scrubInteractionIds: z.array(refId).max(1000).default([]),
  })
  .strict();
export type EraseBody = z.input<typeof eraseBody>;

export const eraseResult = z.object({
  id: z.number().int(),
  erasedAt: z.string(),
  /** The person and every row merged into them. */
  erasedIds: z.array(z.number().int()),
  /** E-mail addresses added to the suppression list. */
  suppressedEmails: z.number().int(),
  /** Unlinked contact-log entries scrubbed on request. */
  scrubbedInteractions: z.number().int(),
});
export type EraseResult = z.infer<typeof eraseResult>;

export const inactiveQuery = z.object({
  /** No attendance, contact, consent entry or change for this many months. */
  months: z.coerce.number().int().min(1).max(240).default(24),
  ...paging,
});

export const inactivePerson = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  lastActivityAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type InactivePerson = z.infer<typeof inactivePerson>;
export const inactivePage = page(inactivePerson).extend({ cutoff: z.string() });
