import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import {
  reachQuery,
  reachReport,
  reachSnapshot,
  reachSnapshotCreate,
  reachSnapshotListQuery,
  reachSnapshotPage,
} from '../schemas/report.ts';
import { collectionRoutes, domainRoutes, type RouteSpec, recordRoutes } from './define.ts';

/** The file formats of a reach report (the server adds their content types as `produces`). */
const FILE_LABELS = {
  xlsx: 'XLSX (sheet "Reichweite": node × quarter; one sheet per breakdown)',
  pdf: 'PDF (A4 landscape)',
} as const;
export type ReachFileFormat = keyof typeof FILE_LABELS;

const reachFile = <const F extends ReachFileFormat>(format: F) =>
  ({
    method: 'GET',
    path: `/api/reports/reach.${format}`,
    summary: `Reach report as ${FILE_LABELS[format]}`,
    query: reachQuery,
    responses: { 200: z.unknown().describe(`the ${FILE_LABELS[format]}`) },
    codes: [E.REPORT_TOO_LARGE],
  }) satisfies RouteSpec;

const snapshots = collectionRoutes('/api/reports/reach/snapshots');
const snapshot = recordRoutes('/api/reports/reach/snapshots/:id', { missing: [E.REPORT_SNAPSHOT_NOT_FOUND] });

const snapshotFile = <const F extends ReachFileFormat>(format: F) =>
  snapshot.get({
    at: `.${format}`,
    summary: `A frozen reach report as ${FILE_LABELS[format]}`,
    response: z.unknown().describe(`the ${FILE_LABELS[format]}`),
  });

export const reports = domainRoutes('reports', {
  reach: {
    method: 'GET',
    path: '/api/reports/reach',
    summary: 'Reach report of a period (at most 5 years)',
    description:
      'Per node and quarter, per node, per quarter and in total: unique organisations (of them SMEs) and persons ' +
      'reached, events by kind, attendances, course participants and hours, interactions; broken down by district, ' +
      'WZ section and organisation kind. `reachedBy` (comma-separated or repeated): attended (default), interaction, ' +
      'course_completed. Persons and organisations count once per row; erased persons count too. At events only ' +
      'attendees in a participant role (guest) count; trainers, organisers, speakers, panelists, moderators and press ' +
      'are counted apart as `staff`.',
    query: reachQuery,
    responses: { 200: reachReport },
    codes: [E.REPORT_TOO_LARGE],
  },
  reachXlsx: reachFile('xlsx'),
  reachPdf: reachFile('pdf'),
  // Before `snapshot`: `/snapshots/3.pdf` would match `/snapshots/:id` as well.
  snapshotXlsx: snapshotFile('xlsx'),
  snapshotPdf: snapshotFile('pdf'),
  createSnapshot: snapshots.create({
    summary: 'Compute a reach report and freeze it: later merges and corrections do not change its numbers',
    body: reachSnapshotCreate,
    response: reachSnapshot,
    codes: [E.REPORT_TOO_LARGE],
  }),
  snapshots: snapshots.list({
    summary: 'Frozen reach reports, newest first (with their totals)',
    query: reachSnapshotListQuery,
    response: reachSnapshotPage,
  }),
  snapshot: snapshot.get({
    summary: 'A frozen reach report with the numbers as they were when it was frozen',
    response: reachSnapshot,
  }),
});

/** The file routes of the live report and of a snapshot, by format. */
export const reachFiles = {
  xlsx: { live: reports.reachXlsx, snapshot: reports.snapshotXlsx },
  pdf: { live: reports.reachPdf, snapshot: reports.snapshotPdf },
} satisfies Record<ReachFileFormat, unknown>;
