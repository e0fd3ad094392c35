import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@anett/db/client';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { requestSerializers } from './lib/log-redaction.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { consentsRoutes, suppressionsRoutes } from './modules/consents/consents.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { attendanceRoutes } from './modules/events/attendance.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { graphRoutes } from './modules/graph/graph.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { interactionsRoutes } from './modules/interactions/interactions.routes.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { createMailSender } from './modules/mail/mail-sender.ts';
import { mailImportsRoutes } from './modules/mail-imports/mail-imports.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { personsRoutes } from './modules/persons/persons.routes.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { registrationsRoutes } from './modules/registrations/registrations.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { segmentsRoutes } from './modules/segments/segments.routes.ts';
import { tagsRoutes } from './modules/tags/tags.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { spaPlugin } from './plugins/spa.ts';
import type { ReadPool } from './read-pool.ts';

// API messages are German, like the UI they are shown in.
z.config(z.locales.de());

const defaultWebDist = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export type BuildOptions = {
  db: Db;
  config: Config;
  logger?: boolean | object;
  /** Read threads shared with other apps (tests); without one the app starts its own and ends them on close. */
  readPool?: ReadPool;
};

/** Builds the whole application without listening: main.ts listens, tests inject. */
export async function buildApp({ db, config, logger, readPool }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : { level: config.logLevel, ...(typeof logger === 'object' ? logger : {}), serializers: requestSerializers },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    // A hop count trusts that many proxies in front (the nearest addresses in X-Forwarded-For).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const ctx = createContext(db, config, readPool);
  // An app that owns its read threads starts them with itself (a shared pool is started by its owner, main.ts or a
  // test file); closing ends them.
  app.addHook('onReady', async () => {
    ctx.warm().catch((err: unknown) => app.log.warn({ err }, 'read threads did not start'));
  });
  app.addHook('onClose', () => ctx.close());
  ctx.tags.ensureDefaultTopics();

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  await app.register(errorsPlugin);
  await app.register(authPlugin, { config, users: ctx.users, factors: ctx.factors });
  await app.register(openapiPlugin);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], security: [], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      db.$client.prepare('SELECT 1').get();
      return { status: 'ok' as const };
    },
  );
  await app.register(authRoutes, { ctx });
  await app.register(usersRoutes, { ctx });
  await app.register(interactionsRoutes, { ctx });
  await app.register(organizationsRoutes, { ctx });
  await app.register(personsRoutes, { ctx });
  await app.register(networkRoutes, { ctx });
  await app.register(tagsRoutes, { ctx });
  await app.register(eventsRoutes, { ctx });
  await app.register(attendanceRoutes, { ctx });
  await app.register(consentsRoutes, { ctx });
  await app.register(suppressionsRoutes, { ctx });
  await app.register(segmentsRoutes, { ctx });
  await app.register(exportsRoutes, { ctx });
  await app.register(importsRoutes, { ctx });
  await app.register(mailImportsRoutes, { ctx });
  await app.register(privacyRoutes, { ctx });
  await app.register(reportsRoutes, { ctx });
  await app.register(dashboardRoutes, { ctx });
  await app.register(graphRoutes, { ctx });
  await app.register(mailRoutes, { ctx });
  await app.register(registrationsRoutes, { ctx });

  // The outbox is sent while the app runs; closing the app (shutdown, end of a test) stops the loop.
  const sender = createMailSender(ctx, app.log);
  app.addHook('onReady', async () => sender.start());
  app.addHook('onClose', async () => sender.stop());

  await app.register(spaPlugin, { root: config.webDist ?? defaultWebDist });
  return app;
}
