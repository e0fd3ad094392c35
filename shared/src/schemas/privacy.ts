import { z } from 'zod';
import { page } from './common.ts';

/**
 * Everything stored about a person (GDPR Art. 15), keyed by table: the person row (and rows merged into it),
 * affiliations, offices, tags, attendances, session attendances, linked interactions, consents and the audit entries
 * about them.
 */
export const privacyExport = z.object({
  exportedAt: z.string(),
  personId: z.number().int(),
  /** Whether the person's e-mail address is on the suppression list. */
  suppressed: z.boolean(),
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type PrivacyExport = z.infer<typeof privacyExport>;

export const eraseResult = z.object({
  id: z.number().int(),
  erasedAt: z.string(),
  /** The person and every row merged into them. */
  erasedIds: z.array(z.number().int()),
  /** E-mail addresses added to the suppression list. */
  suppressedEmails: z.number().int(),
});
export type EraseResult = z.infer<typeof eraseResult>;

export const inactiveQuery = z.object({
  /** No attendance, contact, consent entry or change for this many months. */
  months: z.coerce.number().int().min(1).max(240).default(24),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
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
