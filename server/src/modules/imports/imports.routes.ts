import {
  importBody,
  importCommitResult,
  importMappingQuery,
  importMappingResponse,
  importPreview,
} from '@anett/shared/schemas/import';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { createImportsService } from './imports.service.ts';

/** A base64 file of up to ~5 MB plus the mapping and decisions. */
const BODY_LIMIT = 7.5 * 1024 * 1024;

export async function importsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  const service = createImportsService(ctx);
  const who = (request: FastifyRequest) => ({ ...actor(request), userId: request.user.id });

  app.post(
    '/api/imports/preview',
    {
      config: { access: 'manager' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Read a CSV/XLSX file of persons or organisations: rows with errors, duplicate candidates, suppression hits',
        body: importBody,
        response: { 200: importPreview, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => service.preview(request.body, who(request)),
  );

  app.post(
    '/api/imports/commit',
    {
      config: { access: 'manager' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Import all rows in one transaction; any invalid row or undecided duplicate → 422 and nothing is written',
        body: importBody,
        response: { 200: importCommitResult, ...errorResponses(400, 401, 403, 409, 413, 422) },
      },
    },
    async (request) => service.commit(request.body, who(request)),
  );

  app.get(
    '/api/imports/mapping',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'The column mapping the user last used for this kind of import',
        querystring: importMappingQuery,
        response: { 200: importMappingResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      kind: request.query.kind,
      mapping: ctx.imports.mapping(request.user.id, request.query.kind) ?? null,
    }),
  );
}
