import { z } from 'zod';
import { CONSENT_CHANNELS, CONSENT_SOURCES } from '../vocab/enums.ts';
import { email, listQuery, multilineText, optionalDate, optionalText, page, requiredText } from './common.ts';
import { consentState } from './person.ts';

export const consentChannel = z.enum(CONSENT_CHANNELS);
export const consentSource = z.enum(CONSENT_SOURCES);
export const consentStatus = z.enum(['granted', 'withdrawn']);

/** One entry of the append-only consent ledger. */
export const consentEntry = z.object({
  id: z.number().int(),
  channel: consentChannel,
  status: consentStatus,
  legalBasis: z.string().nullable(),
  source: z.string(),
  evidence: z.string().nullable(),
  /** The day of the declaration, when it was given; else the entry was declared when recorded. */
  declaredOn: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type ConsentEntry = z.infer<typeof consentEntry>;

/** The ledger newest first, and the state it yields per channel (the latest entry of each channel). */
export const consentLedger = z.object({
  entries: z.array(consentEntry),
  current: z.array(consentState),
});
export type ConsentLedger = z.infer<typeof consentLedger>;

/** A new ledger entry; withdrawing is an entry with status `withdrawn`. */
export const consentInput = z
  .object({
    channel: consentChannel,
    status: consentStatus,
    /** e.g. 'Einwilligung Art. 6 Abs. 1 lit. a DSGVO' */
    legalBasis: optionalText(200),
    source: consentSource,
    /** What proves it: form id, wording shown, who took the call. */
    evidence: multilineText(2000),
    /** The day the person gave or withdrew it (YYYY-MM-DD), not in the future; defaults to the day of recording. */
    declaredOn: optionalDate,
    /** With a withdrawal of the newsletter after an objection: block the e-mail address from re-import and exports. */
    suppress: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.suppress && (v.status !== 'withdrawn' || v.channel !== 'email_newsletter')) {
      ctx.addIssue({
        code: 'custom',
        path: ['suppress'],
        message: 'nur beim Widerruf des E-Mail-Newsletters möglich',
      });
    }
    // A day of tolerance for time zones: the client's today may be the server's tomorrow.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    if (v.declaredOn && v.declaredOn > tomorrow) {
      ctx.addIssue({ code: 'custom', path: ['declaredOn'], message: 'darf nicht in der Zukunft liegen' });
    }
  });
export type ConsentInput = z.input<typeof consentInput>;

export const consentCreated = z.object({
  entry: consentEntry,
  current: z.array(consentState),
  /** True when the person's e-mail address is on the suppression list now. */
  suppressed: z.boolean(),
});
export type ConsentCreated = z.infer<typeof consentCreated>;

export const suppressionCheckQuery = z.object({ email });
export const suppressionCheck = z.object({
  suppressed: z.boolean(),
  /** 'objection' | 'erasure' */
  reason: z.string().nullable(),
  since: z.string().nullable(),
});
export type SuppressionCheck = z.infer<typeof suppressionCheck>;

// The suppression list (admin)

export const SUPPRESSION_REASONS = ['objection', 'erasure', 'other'] as const;
export const suppressionReason = z.enum(SUPPRESSION_REASONS);
export type SuppressionReasonCode = z.infer<typeof suppressionReason>;

/** An entry of the suppression list: only the hash of the address is stored, never the address. */
export const suppression = z.object({
  /** SHA-256 of the normalised e-mail address (hex); identifies the entry. */
  emailHash: z.string(),
  reason: suppressionReason,
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Live persons in the CRM with this address (the list itself cannot name it). */
  persons: z.array(z.object({ id: z.number().int(), name: z.string(), email: z.string() })),
});
export type Suppression = z.infer<typeof suppression>;
export const suppressionPage = page(suppression);
export const suppressionListQuery = listQuery(['createdAt'] as const)
  .omit({ q: true })
  .extend({
    /** Shows only the entry of this address, if any. */
    email: email.optional(),
  });
export type SuppressionListQuery = z.input<typeof suppressionListQuery>;

export const suppressionInput = z.object({
  email,
  reason: z.enum(['objection', 'other']),
  /** Why: the letter, the call, the bounce. */
  note: requiredText(500),
});
export type SuppressionInput = z.input<typeof suppressionInput>;

export const suppressionParams = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'ist kein SHA-256-Hash') });
export const suppressionRemoval = z.object({
  /** Why the address may be contacted again (written to the audit log). */
  note: requiredText(500),
});
export type SuppressionRemoval = z.input<typeof suppressionRemoval>;
