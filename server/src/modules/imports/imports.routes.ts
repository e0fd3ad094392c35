import { imports } from '@anett/shared/routes/import';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { createImportsService } from './imports.service.ts';

/** A base64 file of up to ~5 MB plus the mapping and decisions. */
const BODY_LIMIT = 7.5 * 1024 * 1024;

export async function importsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
  const service = createImportsService(ctx);
  const who = (request: FastifyRequest) => ({ ...actor(request), userId: request.user.id });

  route(imports.preview, { config: { access: 'manager' }, bodyLimit: BODY_LIMIT }, async (request) =>
    service.preview(request.body, who(request)),
  );

  route(imports.commit, { config: { access: 'manager' }, bodyLimit: BODY_LIMIT }, async (request) =>
    service.commit(request.body, who(request)),
  );

  route(imports.mapping, 'manager', async (request) => ({
    kind: request.query.kind,
    mapping: ctx.imports.mapping(request.user.id, request.query.kind) ?? null,
  }));
}
