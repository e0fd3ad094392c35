import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import { okResponse } from '../schemas/common.ts';
import {
  cancelDone,
  cancelInfo,
  preferences,
  preferencesChange,
  publicEvent,
  registrationConfirmed,
  registrationStats,
  registrationSubmit,
  registrationSubmitted,
  slugParams,
  tokenBody,
  tokenQuery,
  unsubscribeBody,
} from '../schemas/registration.ts';
import { domainRoutes } from './define.ts';
import { eventRecord as event } from './records.ts';

/** A signed link that is broken or expired (a used one is refused where it can be used only once). */
const link = [E.LINK_INVALID, E.LINK_EXPIRED];

/** The public registration page, double opt-in, cancellation and preference centre, and the managers' view of it. */
export const registrations = {
  // Public self-service: no login, keyed by signed links.
  ...domainRoutes(
    'self-service',
    {
      publicEvent: {
        method: 'GET',
        path: '/api/public/events/:slug',
        summary: 'The public registration page of an event: dates, place, sessions, free seats, a form token',
        params: slugParams,
        responses: { 200: publicEvent },
        codes: [E.EVENT_NOT_FOUND],
      },
      submit: {
        method: 'POST',
        path: '/api/public/events/:slug/registrations',
        summary:
          'Register (double opt-in): sends a mail with a confirmation link; only the click registers. Honeypot, ' +
          'minimum fill time and a rate limit per address keep bots out',
        params: slugParams,
        body: registrationSubmit,
        responses: { 202: registrationSubmitted },
        codes: [E.EVENT_NOT_FOUND, E.REGISTRATION_CLOSED, E.EMAIL_SUPPRESSED, E.RATE_LIMITED, ...link],
      },
      confirm: {
        method: 'POST',
        path: '/api/public/registrations/confirm',
        summary: 'The click on the confirmation link: registers (or waitlists); single use, expires after 48 h',
        body: tokenBody,
        responses: { 200: registrationConfirmed },
        codes: [E.REGISTRATION_CLOSED, E.EMAIL_SUPPRESSED, E.LINK_USED, ...link],
      },
      cancelInfo: {
        method: 'GET',
        path: '/api/public/registrations/cancel',
        summary: 'What the cancel link in the confirmation mail refers to',
        query: tokenQuery,
        responses: { 200: cancelInfo },
        codes: link,
      },
      cancel: {
        method: 'POST',
        path: '/api/public/registrations/cancel',
        summary: 'Cancel by link: frees the seat, the waiting list moves up',
        body: tokenBody,
        responses: { 200: cancelDone },
        codes: [E.LINK_USED, E.CANNOT_CANCEL, ...link],
      },
      preferences: {
        method: 'GET',
        path: '/api/public/preferences',
        summary: 'Preference centre: the consents per channel of the person the link was sent to',
        query: tokenQuery,
        responses: { 200: preferences },
        codes: link,
      },
      setPreference: {
        method: 'POST',
        path: '/api/public/preferences',
        summary: 'Grant or withdraw one channel (a consent ledger entry with source preference_centre)',
        body: preferencesChange,
        responses: { 200: preferences },
        codes: link,
      },
      unsubscribe: {
        method: 'POST',
        path: '/api/public/unsubscribe',
        summary: 'One-click unsubscribe from the newsletter (RFC 8058 List-Unsubscribe-Post)',
        query: tokenQuery,
        body: unsubscribeBody.optional(),
        responses: { 200: okResponse },
        codes: link,
      },
    },
    { security: [] },
  ),
  ...domainRoutes('events', {
    calendar: event.get({
      at: '/calendar.ics',
      summary: 'The event as an iCalendar file (all sessions, Europe/Berlin) — the one the confirmation mail carries',
      response: z.unknown().describe('text/calendar'),
    }),
    stats: event.get({
      at: '/registration-stats',
      summary: 'Self-registrations: submitted, pending, confirmed, conversion, likely duplicates to check',
      response: registrationStats,
    }),
  }),
};
