import { imports } from '@anett/shared/routes/import';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { actor } from '../../lib/request-context.ts';
import { schemaOf } from '../../lib/route-schemas.ts';
import { createImportsService } from './imports.service.ts';

/** A base64 file of up to ~5 MB plus the mapping and decisions. */
const BODY_LIMIT = 7.5 * 1024 * 1024;

export async function importsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = createImportsService(ctx);
  const who = (request: FastifyRequest) => ({ ...actor(request), userId: request.user.id });

  app.post(
    imports.preview.path,
    { config: { access: 'manager' }, bodyLimit: BODY_LIMIT, schema: schemaOf(imports.preview) },
    async (request) => service.preview(request.body, who(request)),
  );

  app.post(
    imports.commit.path,
    { config: { access: 'manager' }, bodyLimit: BODY_LIMIT, schema: schemaOf(imports.commit) },
    async (request) => service.commit(request.body, who(request)),
  );

  app.get(
    imports.mapping.path,
    { config: { access: 'manager' }, schema: schemaOf(imports.mapping) },
    async (request) => ({
      kind: request.query.kind,
      mapping: ctx.imports.mapping(request.user.id, request.query.kind) ?? null,
    }),
  );
}
