import type { Page } from '@anett/shared/schemas/common';
import type { Segment, SegmentInput, SegmentListQuery, SegmentPatch } from '@anett/shared/schemas/segment';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

export const segmentKeys = {
  all: ['segments'] as const,
  lists: () => [...segmentKeys.all, 'list'] as const,
  list: (params: SegmentListQuery) => [...segmentKeys.lists(), params] as const,
};

export const segmentDetailOptions = (id: number) =>
  queryOptions({
    queryKey: [...segmentKeys.all, 'detail', id] as const,
    queryFn: ({ signal }) => api.get<Segment>(`/api/segments/${id}`, { signal }),
  });

export const segmentListOptions = (params: SegmentListQuery) =>
  queryOptions({
    queryKey: segmentKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<Segment>>('/api/segments', { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SegmentInput) => api.post<Segment>('/api/segments', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists() }),
  });
}

/** Sends the changed fields with the loaded version (If-Match); a concurrent change answers 412. */
export function useUpdateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ segment, patch }: { segment: Pick<Segment, 'id' | 'version'>; patch: SegmentPatch }) =>
      api.patch<Segment>(`/api/segments/${segment.id}`, { body: patch, ifMatch: segment.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
  });
}

export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (segment: Pick<Segment, 'id' | 'version'>) =>
      api.delete(`/api/segments/${segment.id}`, { ifMatch: segment.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: segmentKeys.lists() }),
  });
}
