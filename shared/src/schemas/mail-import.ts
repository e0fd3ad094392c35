import { z } from 'zod';
import { queryId } from './common.ts';
import { entityRef } from './network.ts';

/** Files per drop and bytes per file: a thread of mails with attachments, not a mailbox export. */
export const MAIL_FILES_MAX = 20;
export const MAIL_FILE_BYTES_MAX = 10 * 1024 * 1024;
export const MAIL_FILE_EXTENSIONS = ['.eml', '.msg'] as const;

export const mailDirection = z.enum(['in', 'out']);
export type MailDirection = z.infer<typeof mailDirection>;

/** One sender or recipient and whom the address belongs to. */
export const mailAddress = z.object({
  /** Normalised (trimmed, lower-case); the erased/suppressed ones are given as "[gelöscht]". */
  address: z.string(),
  name: z.string().nullable(),
  /** The live person with this address as main e-mail or additional contact point (first by name when several). */
  person: entityRef.nullable(),
  /** The address of a user of the app (network staff). */
  staff: z.boolean(),
  /** On the suppression list (objection or erasure): never linked, never offered to create. */
  suppressed: z.boolean(),
});
export type MailAddress = z.infer<typeof mailAddress>;

export const mailPreviewItem = z.object({
  /** Position of the file in the upload (0-based). */
  index: z.number().int(),
  fileName: z.string(),
  format: z.enum(['eml', 'msg']),
  subject: z.string(),
  /** ISO 8601 UTC; null when the mail carries no date (then the time of logging is used). */
  date: z.string().nullable(),
  text: z.string(),
  direction: mailDirection,
  from: mailAddress.nullable(),
  to: z.array(mailAddress),
  cc: z.array(mailAddress),
  /** The live contact-log entry of the same mail (same Message-ID), when it was logged before. */
  alreadyLogged: z.object({ interactionId: z.number().int() }).nullable(),
  /** Another file of this upload is the same mail (logged once). */
  duplicateOf: z.number().int().nullable(),
  /** Persons the entry will be linked to (matched addresses plus the person it was dropped on). */
  persons: z.array(entityRef),
  /** False when it would concern nobody: no known person and not dropped on a person or organisation. */
  linkable: z.boolean(),
});
export type MailPreviewItem = z.infer<typeof mailPreviewItem>;

export const mailPreview = z.object({
  mails: z.array(mailPreviewItem),
  /** Addresses of no person, no user and not suppressed, once each: candidates for "anlegen". */
  unknown: z.array(z.object({ address: z.string(), name: z.string().nullable() })),
});
export type MailPreview = z.infer<typeof mailPreview>;

export const mailCommitResult = z.object({
  /** New contact-log entries, per file. */
  logged: z.array(z.object({ index: z.number().int(), interactionId: z.number().int() })),
  /** Files that were the same mail as an existing entry or an earlier file: nothing written for them. */
  duplicates: z.array(z.object({ index: z.number().int(), interactionId: z.number().int().nullable() })),
});
export type MailCommitResult = z.infer<typeof mailCommitResult>;

/** Form fields besides the files: where the mails were dropped. */
export const mailDropTarget = z.object({
  personId: queryId.optional(),
  organizationId: queryId.optional(),
});
export type MailDropTarget = z.infer<typeof mailDropTarget>;
