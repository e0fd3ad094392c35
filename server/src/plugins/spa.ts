import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { problemBody } from './errors.ts';

/**
 * Serves the built SPA and answers unknown routes: a non-API GET falls back to index.html so deep links work;
 * everything else is a problem+json 404.
 */
export const spaPlugin = fp(async (app: FastifyInstance, { root }: { root: string }) => {
  const hasSpa = existsSync(join(root, 'index.html'));
  if (hasSpa) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders(reply, path) {
        // Hashed assets never change; index.html must always be revalidated.
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.log.warn({ root }, 'web build not found; run `pnpm build` to serve the UI');
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (hasSpa && request.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .code(404)
      .type('application/problem+json; charset=utf-8')
      .send(problemBody(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${path}`, { requestId: request.id }));
  });
});
