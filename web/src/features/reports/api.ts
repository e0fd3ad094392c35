import type { Page } from '@anett/shared/schemas/common';
import type {
  ReachQuery,
  ReachReport,
  ReachSnapshot,
  ReachSnapshotCreate,
  ReachSnapshotListQuery,
  ReachSnapshotSummary,
} from '@anett/shared/schemas/report';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';

export const reportKeys = {
  all: ['reports'] as const,
  reach: (q: ReachQuery) => [...reportKeys.all, 'reach', q] as const,
  snapshots: (q: ReachSnapshotListQuery) => [...reportKeys.all, 'snapshots', q] as const,
};

export const reachReportOptions = (query: ReachQuery) =>
  queryOptions({
    queryKey: reportKeys.reach(query),
    queryFn: ({ signal }) => api.get<ReachReport>('/api/reports/reach', { query, signal }),
  });

export const reachSnapshotsOptions = (query: ReachSnapshotListQuery) =>
  queryOptions({
    queryKey: reportKeys.snapshots(query),
    queryFn: ({ signal }) => api.get<Page<ReachSnapshotSummary>>('/api/reports/reach/snapshots', { query, signal }),
  });

export function useCreateSnapshot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReachSnapshotCreate) => api.post<ReachSnapshot>('/api/reports/reach/snapshots', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...reportKeys.all, 'snapshots'] }),
  });
}

/** The live report (query) or a frozen one (snapshot id) as a file. */
export type ReportSource = { query: ReachQuery } | { snapshotId: number };

/** Downloads the live report or a snapshot as XLSX or PDF, under the file name the server gives. */
export function downloadReport(format: 'xlsx' | 'pdf', source: ReportSource) {
  return 'snapshotId' in source
    ? downloadFile(`/api/reports/reach/snapshots/${source.snapshotId}.${format}`)
    : downloadFile(`/api/reports/reach.${format}`, { query: source.query });
}
