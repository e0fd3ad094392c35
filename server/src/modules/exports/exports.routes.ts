import { PassThrough, pipeline } from 'node:stream';
import {
  EXPORT_FORMATS,
  type ExportQuery,
  exportExcludedPage,
  exportExcludedQuery,
  exportPreview,
  exportQuery,
} from '@anett/shared/schemas/export';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { fileResponse, sendFile } from '../../lib/download.ts';
import { limitOffset } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { berlinToday } from '../../lib/time.ts';
import { displayName } from '../persons/persons.repository.ts';
import type { ExportSelection } from './exports.repository.ts';
import { CONTENT_TYPES, exportAudit, exportFileName } from './exports.service.ts';

const selectionOf = ({ channel, purpose, ...filter }: ExportQuery): ExportSelection => ({ filter, channel, purpose });

export async function exportsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];

  app.get(
    '/api/exports/preview',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'How many persons an export with these parameters contains, and how many are left out and why',
        querystring: exportQuery,
        response: { 200: exportPreview, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ctx.read.exports.preview(selectionOf(request.query)),
  );

  app.get(
    '/api/exports/excluded',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Who an export with these parameters leaves out and why (the same rules as the preview and the file)',
        querystring: exportExcludedQuery,
        response: { 200: exportExcludedPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize, ...query } = request.query;
      const { rows, total } = await ctx.read.exports.excluded(selectionOf(query), limitOffset({ page, pageSize }));
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: displayName(r),
          email: r.email,
          organization: r.organization,
          reason: r.reason,
        })),
        total,
        page,
        pageSize,
      };
    },
  );

  for (const format of EXPORT_FORMATS) {
    app.get(
      `/api/exports/persons.${format}`,
      {
        config: { access: 'manager' },
        schema: {
          tags,
          summary: `Mailing list as ${format.toUpperCase()}, streamed; only persons who may be contacted on the channel`,
          description:
            'Person filters as in GET /api/persons. Without `purpose` the latest consent entry for `channel` must be a ' +
            'grant; a stated non-marketing purpose lifts that (it is logged). Withdrawn and suppressed persons are never ' +
            'exported. Every export is written to the audit log with its row count.',
          querystring: exportQuery,
          produces: [CONTENT_TYPES[format].split(';')[0] as string],
          response: {
            200: fileResponse(`the ${format.toUpperCase()} file`),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const selection = selectionOf(request.query);
        const who = actor(request);
        const job = ctx.stream('exports', 'file', selection, format);
        const audited = job.done.then((summary) =>
          ctx.write(() => ctx.audit.record({ ...who, ...exportAudit(selection, format, summary) })),
        );
        audited.catch((err: unknown) => request.log.error({ err }, 'export failed'));
        // The download ends once its audit entry is committed; an aborted one is audited when the job has stopped.
        const body = new PassThrough({ flush: (callback) => void audited.then(() => callback(), callback) });
        pipeline(job.body, body, () => {});
        return sendFile(reply, CONTENT_TYPES[format], exportFileName(selection, format, berlinToday()), body);
      },
    );
  }
}
