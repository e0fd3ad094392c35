import { safeFilename } from '@anett/shared/csv-cell';
import { registrations } from '@anett/shared/routes/registration';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../lib/download.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { createRegistrationsService } from './registrations.service.ts';

/**
 * Public self-service (no login: access `public`) — the registration page, the double opt-in, cancellation and the
 * preference centre, all keyed by signed links — and the managers' view of it (calendar file, statistics).
 */
export async function registrationsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
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
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  route(registrations.publicEvent, 'public', async (request) => service.publicEvent(request.params.slug));

  route(registrations.submit, 'public', async (request, reply) => {
    await service.submit(request.params.slug, request.body, request.ip, originOf(request), actor(request));
    return reply.code(202).send({ status: 'pending' as const });
  });

  route(registrations.confirm, 'public', async (request) =>
    service.confirm(request.body.token, originOf(request), actor(request)),
  );

  route(registrations.cancelInfo, 'public', async (request) => service.cancelInfo(request.query.token));

  route(registrations.cancel, 'public', async (request) =>
    service.cancel(request.body.token, originOf(request), actor(request)),
  );

  route(registrations.preferences, 'public', async (request) => service.preferences(request.query.token));

  route(registrations.setPreference, 'public', async (request) =>
    service.setPreference(
      request.body.token,
      request.body.channel,
      request.body.status,
      request.ip,
      actor(request),
      'page',
    ),
  );

  route(registrations.unsubscribe, 'public', async (request) => {
    await service.setPreference(
      request.query.token,
      'email_newsletter',
      'withdrawn',
      request.ip,
      actor(request),
      'one_click',
    );
    return { ok: true as const };
  });

  route(registrations.calendar, 'viewer', async (request, reply) => {
    const { title, ics } = service.calendar(request.params.id, new URL(originOf(request)).hostname);
    return sendFile(reply, 'text/calendar; charset=utf-8', safeFilename(title, 'ics'), Buffer.from(ics));
  });

  route(registrations.stats, 'viewer', async (request) => service.stats(request.params.id));
}
