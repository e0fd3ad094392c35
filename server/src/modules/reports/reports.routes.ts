import { safeFilename } from '@anett/shared/csv-cell';
import { type ReachFileFormat, reachFiles, reports } from '@anett/shared/routes/report';
import type {
  ReachParams,
  ReachReport,
  ReachSnapshot,
  ReachSnapshotSummary,
  ReachSource,
} from '@anett/shared/schemas/report';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.ts';
import { setEtag, withEtag } from '../../lib/concurrency.ts';
import { sendFile } from '../../lib/download.ts';
import { orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { PDF_TYPE } from '../../lib/pdf.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { type ReportMeta, XLSX_TYPE } from './reach-export.ts';
import type { SnapshotRow, SnapshotSummaryRow } from './reports.repository.ts';

/** The files of a reach report (their labels are in the route descriptors); rendered in the heavy lane (readers.ts). */
type ReportFile = { type: string };
const REPORT_FILES = {
  xlsx: { type: XLSX_TYPE },
  pdf: { type: PDF_TYPE },
} satisfies Record<ReachFileFormat, ReportFile>;
type ReportFormat = keyof typeof REPORT_FILES;

const toSummary = (row: SnapshotSummaryRow): ReachSnapshotSummary => ({
  id: row.id,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  label: row.label,
  from: row.fromDate,
  to: row.toDate,
  nodeId: row.nodeId,
  reachedBy: row.reachedBy as ReachSource[],
  createdBy:
    row.createdById !== null && row.createdByName !== null ? { id: row.createdById, name: row.createdByName } : null,
  total: row.total,
});

function toSnapshot(row: SnapshotRow): ReachSnapshot {
  const report = row.report as ReachReport;
  return { ...toSummary({ ...row, total: report.total }), report };
}

export async function reportsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  const loadSnapshot = (id: number) => {
    const row = orNotFound(ctx.reports.findSnapshot(id), 'report_snapshot');
    return toSnapshot(row);
  };

  /** Renders in the heavy lane; a frozen report is rendered as it was stored. */
  const sendReport = async (
    reply: FastifyReply,
    format: ReportFormat,
    source: { query: ReachParams } | { report: ReachReport },
    meta: ReportMeta,
  ) => {
    const { from, to } = 'report' in source ? source.report : source.query;
    const name = safeFilename(`Reichweite ${meta.label ?? ''} ${from} ${to}`, format);
    const bytes = await ctx.jobs.reachFiles.render(format, source, { ...ctx.config.report, ...meta });
    return sendFile(reply, REPORT_FILES[format].type, name, bytes);
  };

  route(reports.reach, 'viewer', async (request) => ctx.jobs.reach.report(request.query));

  for (const [format, { type }] of Object.entries(REPORT_FILES) as [ReportFormat, ReportFile][]) {
    route(
      reachFiles[format].live,
      { config: { access: 'viewer' }, schema: { produces: [type] } },
      async (request, reply) => sendReport(reply, format, { query: request.query }, {}),
    );
    route(
      reachFiles[format].snapshot,
      { config: { access: 'viewer' }, schema: { produces: [type] } },
      async (request, reply) => {
        const s = loadSnapshot(request.params.id);
        return sendReport(reply, format, { report: s.report }, { label: s.label, frozenAt: s.createdAt });
      },
    );
  }

  // Snapshots

  route(reports.createSnapshot, 'manager', async (request, reply) => {
    const { label, from, to, nodeId, reachedBy } = request.body;
    const report = await ctx.jobs.reach.report({ from, to, nodeId: nodeId ?? undefined, reachedBy });
    // The snapshot and its audit entry in one transaction of the write queue.
    const row = await ctx.audited(
      actor(request),
      'report_snapshot',
      'create',
      () =>
        ctx.reports.createSnapshot({
          label,
          from,
          to,
          nodeId: nodeId ?? null,
          reachedBy,
          report,
          createdById: request.user.id,
        }),
      () => ({ label, from, to, nodeId: nodeId ?? null, reachedBy }),
    );
    setEtag(reply, row.version);
    return reply.code(201).send(toSnapshot(row));
  });

  route(reports.snapshots, 'viewer', async (request) => {
    const { items, total } = ctx.reports.listSnapshots(request.query);
    return pageOf({ items: items.map(toSummary), total }, request.query);
  });

  route(reports.snapshot, 'viewer', async (request, reply) => {
    const snapshot = loadSnapshot(request.params.id);
    return withEtag(reply, snapshot);
  });
}
