import { z } from 'zod';
import { NEWSLETTER_CONSENT_VERSIONS } from '../consent-texts.ts';
import { CONSENT_CHANNELS } from '../vocab/enums.ts';
import { counts, email, optionalText, orNull, requiredText } from './common.ts';
import { publicSlug } from './event.ts';
import { salutation } from './person.ts';

export const LANGUAGES = ['de', 'en'] as const;
export const language = z.enum(LANGUAGES);

/** A signed token from a link or the form (base64url "." base64url). */
export const linkToken = z
  .string()
  .trim()
  .max(2000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'ist kein gültiger Link-Code');

export const slugParams = z.object({ slug: publicSlug });
export const tokenQuery = z.object({ token: linkToken });
export const tokenBody = z.object({ token: linkToken });

/** An event as the public page shows it: nothing but what is published anyway. */
export const publicEvent = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  sessions: z.array(z.object({ title: z.string().nullable(), startsAt: z.string(), endsAt: z.string().nullable() })),
  /** Free seats; null = no limit. 0: new registrations go to the waiting list. */
  freeSeats: z.number().int().nullable(),
  /** false: registration closed (switched off or the event is over). */
  open: z.boolean(),
  /** Signed time the form was shown (minimum fill time). */
  formToken: z.string(),
  consentTextVersion: z.string(),
});
export type PublicEvent = z.infer<typeof publicEvent>;

export const registrationSubmit = z.object({
  salutation: orNull(salutation),
  title: optionalText(50),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email,
  organization: optionalText(200),
  function: optionalText(200),
  newsletter: z.boolean().default(false),
  /** The consent text version shown next to the box (required when it is ticked). */
  consentTextVersion: z.enum(NEWSLETTER_CONSENT_VERSIONS).optional(),
  language: language.default('de'),
  formToken: linkToken,
  /** Honeypot: hidden from people; a bot fills it. */
  website: z.string().max(500).optional(),
});
export type RegistrationSubmit = z.input<typeof registrationSubmit>;

export const registrationSubmitted = z.object({ status: z.literal('pending') });

export const registrationConfirmed = z.object({
  status: z.enum(['registered', 'waitlisted']),
  eventTitle: z.string(),
  startsAt: z.string(),
  email: z.string(),
});
export type RegistrationConfirmed = z.infer<typeof registrationConfirmed>;

export const cancelInfo = z.object({
  eventTitle: z.string(),
  startsAt: z.string(),
  name: z.string(),
  /** registered | waitlisted | cancelled | … */
  status: z.string(),
});
export type CancelInfo = z.infer<typeof cancelInfo>;
export const cancelDone = z.object({ status: z.literal('cancelled'), eventTitle: z.string() });

export const consentChannelState = z.object({
  channel: z.enum(CONSENT_CHANNELS),
  status: z.enum(['granted', 'withdrawn', 'none']),
  since: z.string().nullable(),
});
export const preferences = z.object({
  name: z.string(),
  email: z.string().nullable(),
  channels: z.array(consentChannelState),
});
export type Preferences = z.infer<typeof preferences>;
export const preferencesChange = z.object({
  token: linkToken,
  channel: z.enum(CONSENT_CHANNELS),
  status: z.enum(['granted', 'withdrawn']),
});
export type PreferencesChange = z.input<typeof preferencesChange>;

/** Self-registrations of an event, for managers. Visits are not counted (no tracking). */
export const registrationStats = z.object({
  publicRegistration: z.boolean(),
  publicSlug: z.string().nullable(),
  ...counts('submitted', 'pending', 'expired', 'confirmed', 'cancelled'),
  /** confirmed (incl. later cancelled) / submitted; null without submissions. */
  conversion: z.number().nullable(),
  /** Confirmed registrations whose person has a likely duplicate (same name, other address). */
  duplicates: z.array(
    z.object({
      personId: z.number().int(),
      name: z.string(),
      candidates: z.array(z.number().int()),
    }),
  ),
});
export type RegistrationStats = z.infer<typeof registrationStats>;

export const unsubscribeBody = z.object({ 'List-Unsubscribe': z.literal('One-Click').optional() }).passthrough();
