import { segments } from '@anett/shared/routes/segment';
import type { Segment, SegmentInput, SegmentListQuery, SegmentPatch } from '@anett/shared/schemas/segment';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { segmentKeys } from '../../lib/query-keys.ts';

export const segmentDetailOptions = (id: number) =>
  queryOptions({
    queryKey: [...segmentKeys.all, 'detail', id] as const,
    queryFn: ({ signal }) => call(segments.get, { params: { id }, signal }),
  });

export const segmentListOptions = (params: SegmentListQuery) =>
  queryOptions({
    queryKey: segmentKeys.list(params),
    queryFn: ({ signal }) => call(segments.list, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SegmentInput) => call(segments.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists() }),
  });
}

/** Sends the changed fields with the loaded version (If-Match); a concurrent change answers 412. */
export function useUpdateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ segment, patch }: { segment: Pick<Segment, 'id' | 'version'>; patch: SegmentPatch }) =>
      call(segments.update, { params: { id: segment.id }, body: patch, ifMatch: segment.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (segment: Pick<Segment, 'id' | 'version'>) =>
      call(segments.delete, { params: { id: segment.id }, ifMatch: segment.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists() }),
  });
}
