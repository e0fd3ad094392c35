import { safeFilename } from '@anett/shared/csv-cell';
import { idParams, okResponse } from '@anett/shared/schemas/common';
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
} from '@anett/shared/schemas/registration';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { fileResponse, sendFile } from '../../lib/download.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { createRegistrationsService } from './registrations.service.ts';

/**
 * Public self-service (no login: access `public`) — the registration page, the double opt-in, cancellation and the
 * preference centre, all keyed by signed links — and the managers' view of it (calendar file, statistics).
 */
export async function registrationsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['self-service'];
  const service = createRegistrationsService(ctx, { minFillMs: ctx.config.registrationMinFillMs });
  /** Where links in mails point: PUBLIC_ORIGIN, else the address this request came to. */
  const originOf = (request: FastifyRequest) => ctx.config.publicOrigin ?? `${request.protocol}://${request.host}`;

  // Unconfirmed requests lapse after 48 h; their personal data goes within the hour after that.
  let housekeeping: NodeJS.Timeout | undefined;
  const scrub = () =>
    void service
      .scrubLapsed()
      .catch((err: unknown) => fastify.log.error({ err }, 'scrubbing lapsed registrations failed'));
  fastify.addHook('onReady', async () => {
    scrub();
    housekeeping = setInterval(scrub, 60 * 60_000);
    housekeeping.unref();
  });
  fastify.addHook('onClose', async () => clearInterval(housekeeping));

  // RFC 8058: the one-click unsubscribe arrives as a form post (List-Unsubscribe=One-Click).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.get(
    '/api/public/events/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'The public registration page of an event: dates, place, sessions, free seats, a form token',
        params: slugParams,
        response: { 200: publicEvent, ...errorResponses(400, 404) },
      },
    },
    async (request) => service.publicEvent(request.params.slug),
  );

  app.post(
    '/api/public/events/:slug/registrations',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary:
          'Register (double opt-in): sends a mail with a confirmation link; only the click registers. Honeypot, ' +
          'minimum fill time and a rate limit per address keep bots out',
        params: slugParams,
        body: registrationSubmit,
        response: { 202: registrationSubmitted, ...errorResponses(400, 404, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      await service.submit(request.params.slug, request.body, request.ip, originOf(request), actor(request));
      return reply.code(202).send({ status: 'pending' as const });
    },
  );

  app.post(
    '/api/public/registrations/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'The click on the confirmation link: registers (or waitlists); single use, expires after 48 h',
        body: tokenBody,
        response: { 200: registrationConfirmed, ...errorResponses(400, 409, 410) },
      },
    },
    async (request) => service.confirm(request.body.token, originOf(request), actor(request)),
  );

  app.get(
    '/api/public/registrations/cancel',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'What the cancel link in the confirmation mail refers to',
        querystring: tokenQuery,
        response: { 200: cancelInfo, ...errorResponses(400, 410) },
      },
    },
    async (request) => service.cancelInfo(request.query.token),
  );

  app.post(
    '/api/public/registrations/cancel',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Cancel by link: frees the seat, the waiting list moves up',
        body: tokenBody,
        response: { 200: cancelDone, ...errorResponses(400, 409, 410) },
      },
    },
    async (request) => service.cancel(request.body.token, originOf(request), actor(request)),
  );

  app.get(
    '/api/public/preferences',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Preference centre: the consents per channel of the person the link was sent to',
        querystring: tokenQuery,
        response: { 200: preferences, ...errorResponses(400, 410) },
      },
    },
    async (request) => service.preferences(request.query.token),
  );

  app.post(
    '/api/public/preferences',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'Grant or withdraw one channel (a consent ledger entry with source preference_centre)',
        body: preferencesChange,
        response: { 200: preferences, ...errorResponses(400, 410) },
      },
    },
    async (request) =>
      service.setPreference(
        request.body.token,
        request.body.channel,
        request.body.status,
        request.ip,
        actor(request),
        'page',
      ),
  );

  app.post(
    '/api/public/unsubscribe',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security: [],
        summary: 'One-click unsubscribe from the newsletter (RFC 8058 List-Unsubscribe-Post)',
        querystring: tokenQuery,
        body: unsubscribeBody.optional(),
        response: { 200: okResponse, ...errorResponses(400, 410) },
      },
    },
    async (request) => {
      await service.setPreference(
        request.query.token,
        'email_newsletter',
        'withdrawn',
        request.ip,
        actor(request),
        'one_click',
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/events/:id/calendar.ics',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['events'],
        summary: 'The event as an iCalendar file (all sessions, Europe/Berlin) — the one the confirmation mail carries',
        params: idParams,
        response: { 200: fileResponse('text/calendar'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { title, ics } = service.calendar(request.params.id, new URL(originOf(request)).hostname);
      return sendFile(reply, 'text/calendar; charset=utf-8', safeFilename(title, 'ics'), Buffer.from(ics));
    },
  );

  app.get(
    '/api/events/:id/registration-stats',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['events'],
        summary: 'Self-registrations: submitted, pending, confirmed, conversion, likely duplicates to check',
        params: idParams,
        response: { 200: registrationStats, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.stats(request.params.id),
  );
}
