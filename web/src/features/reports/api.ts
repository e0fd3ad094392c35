import { buildPath } from '@anett/shared/routes/define';
import { type ReachFileFormat, reachFiles, reports } from '@anett/shared/routes/report';
import type { ReachQuery, ReachSnapshotCreate, ReachSnapshotListQuery } from '@anett/shared/schemas/report';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { reportKeys } from '../../lib/query-keys.ts';

export const reachReportOptions = (query: ReachQuery) =>
  queryOptions({
    queryKey: reportKeys.reach(query),
    queryFn: ({ signal }) => call(reports.reach, { query, signal }),
  });

export const reachSnapshotsOptions = (query: ReachSnapshotListQuery) =>
  queryOptions({
    queryKey: reportKeys.snapshots(query),
    queryFn: ({ signal }) => call(reports.snapshots, { query, signal }),
  });

export function useCreateSnapshot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReachSnapshotCreate) => call(reports.createSnapshot, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...reportKeys.all, 'snapshots'] }),
  });
}

/** The live report (query) or a frozen one (snapshot id) as a file. */
export type ReportSource = { query: ReachQuery } | { snapshotId: number };

/** Downloads the live report or a snapshot as XLSX or PDF, under the file name the server gives. */
export function downloadReport(format: ReachFileFormat, source: ReportSource) {
  return 'snapshotId' in source
    ? downloadFile(buildPath(reachFiles[format].snapshot.path, { id: source.snapshotId }))
    : downloadFile(reachFiles[format].live.path, { query: source.query });
}
