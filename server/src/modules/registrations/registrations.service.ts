import { createHmac } from 'node:crypto';
import type { EventRow } from '@anett/db/schema';
import { NEWSLETTER_CONSENT_TEXTS, NEWSLETTER_CONSENT_VERSION } from '@anett/shared/consent-texts';
import type {
  CancelInfo,
  Preferences,
  PublicEvent,
  RegistrationConfirmed,
  RegistrationStats,
  registrationSubmit,
} from '@anett/shared/schemas/registration';
import { CONSENT_CHANNELS, type ConsentChannel } from '@anett/shared/vocab/enums';
import type { z } from 'zod';
import { linkSecretOf } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import { signToken, type TokenPurpose, verifyToken } from '../../lib/signed-token.ts';
import { nowIso } from '../../lib/time.ts';
import type { Actor } from '../audit/audit.repository.ts';
import { currentConsents } from '../consents/consents.repository.ts';
import { createAttendanceService } from '../events/attendance.service.ts';
import { displayName } from '../persons/persons.repository.ts';
import { eventCalendar } from './calendar.ts';
import {
  cancelledMail,
  confirmedMail,
  confirmRequestMail,
  DAY,
  eventFacts as facts,
  HOUR,
  PREFS_TTL_MS,
} from './registration-mails.ts';

type Submit = z.output<typeof registrationSubmit>;

/** A confirmation link works this long; then the request counts as expired. */
export const CONFIRM_TTL_MS = 48 * HOUR;
/** The form is accepted this long after it was shown. */
const FORM_TTL_MS = DAY;
/** People need a few seconds for the form; bots do not wait. */
export const DEFAULT_MIN_FILL_MS = 3_000;
/** Rate limit per hour: requests for one address, and from one client address. */
const MAX_PER_EMAIL = 3;
const MAX_PER_CLIENT = 20;

const LEGAL_BASIS = 'Einwilligung Art. 6 Abs. 1 lit. a DSGVO';

export const linkError = (reason: 'invalid' | 'expired' | 'used', field = 'token') =>
  reason === 'expired'
    ? AppError.of('LINK_EXPIRED', 'The link has expired', {
        errors: [{ field, message: 'Der Link ist abgelaufen' }],
      })
    : reason === 'used'
      ? AppError.of('LINK_USED', 'The link was used already', {
          errors: [{ field, message: 'Der Link wurde bereits verwendet' }],
        })
      : AppError.of('LINK_INVALID', 'The link is not valid', {
          errors: [{ field, message: 'Der Link ist ungültig' }],
        });

const isOver = (e: EventRow, now: Date) => new Date(e.endsAt ?? e.startsAt).getTime() < now.getTime();

/**
 * Public self-registration with double opt-in, cancellation by link and the preference centre. Every change commits
 * with its audit entry and the mail it causes (outbox) in one transaction.
 */
export function createRegistrationsService(ctx: AppContext, opts: { minFillMs?: number } = {}) {
  const secret = linkSecretOf(ctx.config);
  const attendance = createAttendanceService(ctx);
  const minFillMs = opts.minFillMs ?? DEFAULT_MIN_FILL_MS;
  const sign = (purpose: TokenPurpose, data: Record<string, string | number>, ttlMs: number) =>
    signToken(secret, purpose, data, new Date(Date.now() + ttlMs));
  const verify = <T extends Record<string, unknown>>(purpose: TokenPurpose, token: string, field = 'token') => {
    const check = verifyToken<T>(secret, purpose, token);
    if (!check.ok) throw linkError(check.reason, field);
    return check.data;
  };
  /** Keyed hash of the client address: provenance without keeping the address. */
  const hashIp = (ip: string) => createHmac('sha256', secret).update(`ip:${ip}`).digest('hex').slice(0, 32);
  const prefsLink = (origin: string, email: string) =>
    `${origin}/einstellungen?token=${sign('prefs', { e: email }, PREFS_TTL_MS)}`;
  const unsubscribeLink = (origin: string, email: string) =>
    `${origin}/api/public/unsubscribe?token=${sign('prefs', { e: email }, PREFS_TTL_MS)}`;

  const publicEventRow = (slug: string): EventRow => {
    const event = ctx.events.findBySlug(slug);
    if (!event?.publicRegistration) throw notFound('event');
    return event;
  };
  const freeSeats = (event: EventRow) =>
    event.capacity === null ? null : Math.max(0, event.capacity - ctx.attendances.seatsTaken(event.id));

  return {
    publicEvent(slug: string): PublicEvent {
      const event = publicEventRow(slug);
      return {
        slug,
        title: event.title,
        kind: event.kind,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        location: event.location,
        description: event.description,
        sessions: ctx.events
          .sessions(event.id)
          .map((s) => ({ title: s.title, startsAt: s.startsAt, endsAt: s.endsAt })),
        freeSeats: freeSeats(event),
        open: !isOver(event, new Date()),
        formToken: sign('form', { ev: event.id, t: Date.now() }, FORM_TTL_MS),
        consentTextVersion: NEWSLETTER_CONSENT_VERSION,
      };
    },

    /** A submitted form: a pending request and the mail with the confirmation link; nothing else is written yet. */
    async submit(slug: string, body: Submit, ip: string, origin: string, who: Actor): Promise<'pending' | 'ignored'> {
      const event = publicEventRow(slug);
      // A filled honeypot is a bot: answered like a success so it learns nothing, and nothing is written.
      if (body.website?.trim()) return 'ignored';
      const form = verify<{ ev: number; t: number }>('form', body.formToken, 'formToken');
      if (form.ev !== event.id) throw linkError('invalid', 'formToken');
      if (Date.now() - form.t < minFillMs) {
        throw fieldError('formToken', 'Das Formular wurde zu schnell abgeschickt – bitte noch einmal senden');
      }
      if (isOver(event, new Date())) {
        throw AppError.of('REGISTRATION_CLOSED', 'The event is over', {
          errors: [{ field: 'slug', message: 'Die Anmeldung ist geschlossen' }],
        });
      }
      if (body.newsletter && !body.consentTextVersion) {
        throw fieldError('consentTextVersion', 'fehlt: welche Fassung des Einwilligungstextes wurde gezeigt?');
      }
      if (ctx.suppressions.find(body.email)) {
        throw AppError.of('EMAIL_SUPPRESSED', 'This address cannot register by e-mail', {
          errors: [
            {
              field: 'email',
              message:
                'Mit dieser Adresse ist eine Anmeldung per E-Mail leider nicht möglich. Bitte wenden Sie sich telefonisch an uns.',
            },
          ],
        });
      }
      const ipHash = hashIp(ip);
      const now = new Date();
      const recent = ctx.registrations.recentCounts(body.email, ipHash, new Date(now.getTime() - HOUR).toISOString());
      if (recent.byEmail >= MAX_PER_EMAIL || recent.byClient >= MAX_PER_CLIENT) {
        throw AppError.of('RATE_LIMITED', 'Too many registrations; try again in an hour', {
          errors: [
            {
              field: recent.byEmail >= MAX_PER_EMAIL ? 'email' : 'formToken',
              message: 'Zu viele Anmeldungen in kurzer Zeit – bitte später noch einmal versuchen',
            },
          ],
          headers: { 'retry-after': '3600' },
        });
      }
      await ctx.write(() => {
        ctx.registrations.scrubLapsed(now.toISOString());
        const expiresAt = new Date(now.getTime() + CONFIRM_TTL_MS).toISOString();
        const request = ctx.registrations.insert({
          eventId: event.id,
          email: body.email,
          salutation: body.salutation,
          title: body.title,
          firstName: body.firstName,
          lastName: body.lastName,
          organization: body.organization,
          function: body.function,
          newsletter: body.newsletter,
          consentTextVersion: body.newsletter ? (body.consentTextVersion ?? null) : null,
          language: body.language,
          ipHash,
          origin,
          requestedAt: now.toISOString(),
          expiresAt,
        });
        const confirm = `${origin}/bestaetigung?token=${sign('confirm', { r: request.id }, CONFIRM_TTL_MS)}`;
        const mail = confirmRequestMail(body.language, {
          name: displayName(body),
          event: facts(event),
          confirm,
          expiresAt,
          preferences: prefsLink(origin, body.email),
        });
        ctx.mail.enqueue({ kind: 'registration_confirm', to: body.email, ...mail });
        ctx.audit.record({
          ...who,
          entity: 'registration_request',
          entityId: request.id,
          action: 'submitted',
          diff: { eventId: event.id, newsletter: body.newsletter },
        });
      });
      return 'pending';
    },

    /**
     * The click on the confirmation link: the person (matched by e-mail, else created; a same-name person is flagged,
     * never merged), the attendance (registered or waitlisted), the consent entry when the box was ticked, and the
     * confirmation mail with the calendar file. A used, expired or forged link writes nothing.
     */
    confirm(token: string, origin: string, who: Actor): Promise<RegistrationConfirmed> {
      const { r } = verify<{ r: number }>('confirm', token);
      return ctx.write(() => {
        const request = typeof r === 'number' ? ctx.registrations.find(r) : undefined;
        if (!request) throw linkError('invalid');
        if (request.status !== 'pending') throw linkError('used');
        const now = nowIso();
        if (request.expiresAt < now) throw linkError('expired');
        const event = ctx.events.findRow(request.eventId);
        if (!event || event.deletedAt || !event.publicRegistration) {
          throw AppError.of('REGISTRATION_CLOSED', 'Registration for this event is closed', {
            errors: [{ field: 'token', message: 'Die Anmeldung zu dieser Veranstaltung ist geschlossen' }],
          });
        }
        if (ctx.suppressions.find(request.email)) {
          throw AppError.of('EMAIL_SUPPRESSED', 'This address cannot register by e-mail', {
            errors: [{ field: 'token', message: 'Mit dieser Adresse ist eine Anmeldung per E-Mail nicht möglich' }],
          });
        }
        let person = ctx.attendances.personsByEmails([request.email]).get(request.email);
        let duplicateOf: number[] = [];
        if (!person) {
          duplicateOf = ctx.persons
            .duplicateCandidates({ firstName: request.firstName, lastName: request.lastName, email: null })
            .map((c) => c.id);
          const organization = request.organization
            ? ctx.attendances.organizationByName(request.organization)
            : undefined;
          const values = {
            salutation: request.salutation,
            title: request.title,
            firstName: request.firstName,
            lastName: request.lastName,
            email: request.email,
          };
          person = ctx.attendances.createPerson(values, organization?.id, request.function);
          ctx.audit.record({
            ...who,
            entity: 'person',
            entityId: person.id,
            action: 'create',
            diff: {
              source: [null, 'self_registration'],
              ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [null, v]])),
              ...(duplicateOf.length ? { likelyDuplicateOf: [null, duplicateOf] } : {}),
            },
          });
        }
        const note = [request.function ? `Funktion: ${request.function}` : null, 'Selbstanmeldung (Double-Opt-in)']
          .filter(Boolean)
          .join(' · ');
        const row = attendance.registerWithin(
          event.id,
          person.id,
          { organizationName: request.organization, note },
          who,
        );
        if (request.newsletter) {
          const version = request.consentTextVersion ?? NEWSLETTER_CONSENT_VERSION;
          ctx.consents.append(
            person.id,
            {
              channel: 'email_newsletter',
              status: 'granted',
              legalBasis: LEGAL_BASIS,
              source: 'double_opt_in',
              evidence: [
                `Anmeldeseite /anmeldung/${event.publicSlug ?? ''}`,
                `Einwilligungstext Fassung ${version}: „${NEWSLETTER_CONSENT_TEXTS[version as keyof typeof NEWSLETTER_CONSENT_TEXTS]?.de ?? ''}“`,
                `angefragt ${request.requestedAt}`,
                `bestätigt ${now}`,
                `IP-Hash ${request.ipHash}`,
              ].join('; '),
            },
            null,
            now,
          );
        }
        const outcome = row.status === 'waitlisted' ? 'waitlisted' : 'registered';
        ctx.registrations.update(request.id, {
          status: 'confirmed',
          confirmedAt: now,
          personId: person.id,
          outcome,
          duplicateOf,
        });
        ctx.audit.record({
          ...who,
          entity: 'registration_request',
          entityId: request.id,
          action: 'confirmed',
          diff: { personId: person.id, outcome, newsletter: request.newsletter },
        });
        const cancel = `${origin}/absage?token=${sign('cancel', { r: request.id }, Math.max(DAY, new Date(event.endsAt ?? event.startsAt).getTime() - Date.now() + DAY))}`;
        const mail = confirmedMail(request.language, {
          name: displayName(person),
          event: facts(event),
          status: outcome,
          cancel,
          preferences: prefsLink(origin, request.email),
        });
        ctx.mail.enqueue({
          kind: 'registration_confirmed',
          to: request.email,
          ...mail,
          // The welcome into the newsletter list: one-click unsubscribe (RFC 8058) where the box was ticked.
          headers: request.newsletter ? newsletterHeaders(unsubscribeLink(origin, request.email)) : {},
          attachments: [
            {
              filename: 'einladung.ics',
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              content: eventCalendar(event, ctx.events.sessions(event.id), new URL(origin).hostname),
            },
          ],
        });
        return { status: outcome, eventTitle: event.title, startsAt: event.startsAt, email: request.email };
      });
    },

    cancelInfo(token: string): CancelInfo {
      const { r } = verify<{ r: number }>('cancel', token);
      const request = typeof r === 'number' ? ctx.registrations.find(r) : undefined;
      if (!request?.personId) throw linkError('invalid');
      const event = ctx.events.findRow(request.eventId);
      const row = ctx.attendances.find(request.eventId, request.personId);
      if (!event || event.deletedAt || !row) throw linkError('invalid');
      return {
        eventTitle: event.title,
        startsAt: event.startsAt,
        name: displayName(request),
        status: row.status,
      };
    },

    /** Cancellation by link: frees the seat (the waiting list moves up) and confirms by mail. */
    cancel(token: string, origin: string, who: Actor) {
      const { r } = verify<{ r: number }>('cancel', token);
      return ctx.write(() => {
        const request = typeof r === 'number' ? ctx.registrations.find(r) : undefined;
        if (!request?.personId) throw linkError('invalid');
        if (request.status === 'cancelled') throw linkError('used');
        const event = ctx.events.findRow(request.eventId);
        if (!event || event.deletedAt) throw linkError('invalid');
        const { promoted } = attendance.cancelWithin(event.id, request.personId, who);
        ctx.registrations.update(request.id, { status: 'cancelled', cancelledAt: nowIso() });
        ctx.audit.record({
          ...who,
          entity: 'registration_request',
          entityId: request.id,
          action: 'cancelled',
          diff: { personId: request.personId, promoted: promoted.map((p) => p.personId) },
        });
        ctx.mail.enqueue({
          kind: 'registration_cancelled',
          to: request.email,
          ...cancelledMail(request.language, {
            name: displayName(request),
            event: facts(event),
            preferences: prefsLink(origin, request.email),
          }),
        });
        return { status: 'cancelled' as const, eventTitle: event.title };
      });
    },

    preferences(token: string): Preferences {
      const { e } = verify<{ e: string }>('prefs', token);
      const person = typeof e === 'string' ? ctx.attendances.personsByEmails([e]).get(e) : undefined;
      if (!person) return { name: '', email: typeof e === 'string' ? e : null, channels: [] };
      const current = currentConsents(ctx.consents.entries(person.id));
      return {
        name: displayName(person),
        email: person.email,
        channels: CONSENT_CHANNELS.map((channel) => {
          const state = current.find((c) => c.channel === channel);
          return { channel, status: state?.status ?? 'none', since: state?.recordedAt ?? null };
        }),
      };
    },

    /** Grant or withdraw one channel from the preference page (or one-click unsubscribe); no change, no entry. */
    async setPreference(
      token: string,
      channel: ConsentChannel,
      status: 'granted' | 'withdrawn',
      ip: string,
      who: Actor,
      via: 'page' | 'one_click',
    ): Promise<Preferences> {
      const { e } = verify<{ e: string }>('prefs', token);
      await ctx.write(() => {
        const person = typeof e === 'string' ? ctx.attendances.personsByEmails([e]).get(e) : undefined;
        if (!person) throw linkError('invalid');
        const current = currentConsents(ctx.consents.entries(person.id)).find((c) => c.channel === channel);
        if ((current?.status ?? 'none') === status || (!current && status === 'withdrawn')) return;
        const now = nowIso();
        const entry = ctx.consents.append(
          person.id,
          {
            channel,
            status,
            legalBasis: status === 'granted' ? LEGAL_BASIS : null,
            source: 'preference_centre',
            evidence: [
              via === 'one_click'
                ? 'Ein-Klick-Abmeldung (List-Unsubscribe, RFC 8058)'
                : 'Einstellungsseite (Link aus E-Mail)',
              `an ${e}`,
              `${now}`,
              `IP-Hash ${hashIp(ip)}`,
            ].join('; '),
          },
          null,
          now,
        );
        ctx.audit.record({
          ...who,
          entity: 'person',
          entityId: person.id,
          action: 'consent',
          diff: { consentId: entry.id, channel, status, source: 'preference_centre' },
        });
      });
      return this.preferences(token);
    },

    /** Housekeeping: lapsed unconfirmed requests lose their personal data (also done with every new request). */
    scrubLapsed(): Promise<number> {
      return ctx.write(() => ctx.registrations.scrubLapsed(nowIso()));
    },

    stats(eventId: number): RegistrationStats {
      const event = ctx.events.findRow(eventId);
      if (!event || event.deletedAt) throw notFound('event');
      const { counts, flagged } = ctx.registrations.stats(eventId, nowIso());
      const duplicates = flagged.flatMap((f) => {
        const person = f.personId === null ? undefined : ctx.persons.findRow(f.personId);
        if (!person || person.deletedAt || !f.duplicateOf?.length) return [];
        return [{ personId: person.id, name: displayName(person), candidates: f.duplicateOf }];
      });
      return {
        publicRegistration: event.publicRegistration,
        publicSlug: event.publicSlug,
        ...counts,
        conversion: counts.submitted ? counts.confirmed / counts.submitted : null,
        duplicates,
      };
    },

    calendar(eventId: number, host: string): { title: string; ics: string } {
      const event = ctx.events.findRow(eventId);
      if (!event || event.deletedAt) throw notFound('event');
      return { title: event.title, ics: eventCalendar(event, ctx.events.sessions(eventId), host) };
    },
  };
}

/** Headers of a newsletter-type mail: unsubscribe by mail client, in one click (RFC 2369, RFC 8058). */
export const newsletterHeaders = (unsubscribeUrl: string): Record<string, string> => ({
  'List-Unsubscribe': `<${unsubscribeUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});
