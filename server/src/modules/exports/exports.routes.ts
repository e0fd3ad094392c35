import { PassThrough, pipeline } from 'node:stream';
import { exportFiles, exports } from '@anett/shared/routes/export';
import { EXPORT_FORMATS, type ExportQuery } from '@anett/shared/schemas/export';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { sendFile } from '../../lib/download.ts';
import { limitOffset, pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { berlinToday } from '../../lib/time.ts';
import { personRef } from '../persons/persons.repository.ts';
import type { ExportSelection } from './exports.repository.ts';
import { CONTENT_TYPES, exportAudit, exportFileName } from './exports.service.ts';

const selectionOf = ({ channel, purpose, ...filter }: ExportQuery): ExportSelection => ({ filter, channel, purpose });

export async function exportsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  route(exports.preview, 'manager', async (request) => ctx.read.exports.preview(selectionOf(request.query)));

  route(exports.excluded, 'manager', async (request) => {
    const { page, pageSize, ...query } = request.query;
    const { rows, total } = await ctx.read.exports.excluded(selectionOf(query), limitOffset({ page, pageSize }));
    const items = rows.map((r) => ({ ...personRef(r), organization: r.organization, reason: r.reason }));
    return pageOf({ items, total }, { page, pageSize });
  });

  for (const format of EXPORT_FORMATS) {
    route(
      exportFiles[format],
      {
        config: { access: 'manager' },
        schema: { produces: [CONTENT_TYPES[format].split(';')[0] as string] },
      },
      async (request, reply) => {
        const selection = selectionOf(request.query);
        const who = actor(request);
        const job = ctx.stream('exports', 'file', selection, format);
        const audited = job.done.then((summary) =>
          ctx.change(
            who,
            () => undefined,
            () => exportAudit(selection, format, summary),
          ),
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
