import { z } from 'zod';
import { CONSENT_CHANNELS, CONSENT_SOURCES } from '../vocab/enums.ts';
import { email, multilineText, optionalText } from './common.ts';
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
