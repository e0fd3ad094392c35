import { safeFilename } from '@anett/shared/csv-cell';
import { idParams } from '@anett/shared/schemas/common';
import {
  type ReachParams,
  type ReachReport,
  type ReachSnapshot,
  type ReachSnapshotSummary,
  type ReachSource,
  reachQuery,
  reachReport,
  reachSnapshot,
  reachSnapshotCreate,
  reachSnapshotListQuery,
  reachSnapshotPage,
} from '@anett/shared/schemas/report';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { setEtag } from '../../lib/concurrency.ts';
import { fileResponse, sendFile } from '../../lib/download.ts';
import { notFound } from '../../lib/errors.ts';
import { PDF_TYPE } from '../../lib/pdf.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { type ReportMeta, XLSX_TYPE } from './reach-export.ts';
import type { SnapshotRow, SnapshotSummaryRow } from './reports.repository.ts';

/** The files of a reach report; they are rendered in the heavy lane (readers.ts). */
type ReportFile = { type: string; label: string };
const REPORT_FILES = {
  xlsx: { type: XLSX_TYPE, label: 'XLSX (sheet "Reichweite": node × quarter; one sheet per breakdown)' },
  pdf: { type: PDF_TYPE, label: 'PDF (A4 landscape)' },
} satisfies Record<'pdf' | 'xlsx', ReportFile>;
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
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  const loadSnapshot = (id: number) => {
    const row = ctx.reports.findSnapshot(id);
    if (!row) throw notFound('report_snapshot');
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

  const description =
    'Per node and quarter, per node, per quarter and in total: unique organisations (of them SMEs) and persons ' +
    'reached, events by kind, attendances, course participants and hours, interactions; broken down by district, ' +
    'WZ section and organisation kind. `reachedBy` (comma-separated or repeated): attended (default), interaction, ' +
    'course_completed. Persons and organisations count once per row; erased persons count too. At events only ' +
    'attendees in a participant role (guest) count; trainers, organisers, speakers, panelists, moderators and press ' +
    'are counted apart as `staff`.';

  app.get(
    '/api/reports/reach',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Reach report of a period (at most 5 years)',
        description,
        querystring: reachQuery,
        response: { 200: reachReport, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => ctx.jobs.reach.report(request.query),
  );

  for (const [format, { type, label }] of Object.entries(REPORT_FILES) as [ReportFormat, ReportFile][]) {
    app.get(
      `/api/reports/reach.${format}`,
      {
        config: { access: 'viewer' },
        schema: {
          tags,
          summary: `Reach report as ${label}`,
          querystring: reachQuery,
          produces: [type],
          response: { 200: fileResponse(`the ${label}`), ...errorResponses(400, 401, 403, 422) },
        },
      },
      async (request, reply) => sendReport(reply, format, { query: request.query }, {}),
    );
    app.get(
      `/api/reports/reach/snapshots/:id.${format}`,
      {
        config: { access: 'viewer' },
        schema: {
          tags,
          summary: `A frozen reach report as ${label}`,
          params: idParams,
          produces: [type],
          response: { 200: fileResponse(`the ${label}`), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const s = loadSnapshot(request.params.id);
        return sendReport(reply, format, { report: s.report }, { label: s.label, frozenAt: s.createdAt });
      },
    );
  }

  // Snapshots

  app.post(
    '/api/reports/reach/snapshots',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Compute a reach report and freeze it: later merges and corrections do not change its numbers',
        body: reachSnapshotCreate,
        response: { 201: reachSnapshot, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
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
    },
  );

  app.get(
    '/api/reports/reach/snapshots',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Frozen reach reports, newest first (with their totals)',
        querystring: reachSnapshotListQuery,
        response: { 200: reachSnapshotPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = ctx.reports.listSnapshots(request.query);
      return { items: items.map(toSummary), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/reports/reach/snapshots/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'A frozen reach report with the numbers as they were when it was frozen',
        params: idParams,
        response: { 200: reachSnapshot, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const snapshot = loadSnapshot(request.params.id);
      setEtag(reply, snapshot.version);
      return snapshot;
    },
  );
}
