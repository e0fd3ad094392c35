import { buildPath } from '@anett/shared/routes/define';
import { type ReachFileFormat, reachFiles, reports } from '@anett/shared/routes/report';
import type { ReachQuery, ReachSnapshotCreate, ReachSnapshotListQuery } from '@anett/shared/schemas/report';
import { call } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { reportKeys } from '../../lib/query-keys.ts';
import { routeQuery, useInvalidatingMutation } from '../../lib/route-query.ts';

export const reachReportOptions = (query: ReachQuery) => routeQuery(reportKeys.reach(query), reports.reach, { query });

export const reachSnapshotsOptions = (query: ReachSnapshotListQuery) =>
  routeQuery(reportKeys.snapshots(query), reports.snapshots, { query });

export const useCreateSnapshot = () =>
  useInvalidatingMutation(
    (body: ReachSnapshotCreate) => call(reports.createSnapshot, { body }),
    [...reportKeys.all, 'snapshots'],
  );

/** The live report (query) or a frozen one (snapshot id) as a file. */
export type ReportSource = { query: ReachQuery } | { snapshotId: number };

/** Downloads the live report or a snapshot as XLSX or PDF, under the file name the server gives. */
export function downloadReport(format: ReachFileFormat, source: ReportSource) {
  return 'snapshotId' in source
    ? downloadFile(buildPath(reachFiles[format].snapshot.path, { id: source.snapshotId }))
    : downloadFile(reachFiles[format].live.path, { query: source.query });
}
