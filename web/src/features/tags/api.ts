import type { Tag, TagInput, Topic, TopicInput, topicPatch } from '@anett/shared/schemas/vocab';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api-client.ts';
import { topicOptionsQuery } from '../../lib/reference-data.ts';

type TopicPatch = z.input<typeof topicPatch>;

export const tagKeys = {
  all: ['tags'] as const,
  list: () => [...tagKeys.all, 'list'] as const,
};

export const topicKeys = { all: ['topics'] as const };

/** All tags (a small vocabulary: the whole list is loaded once and filtered in the browser). */
export const tagListOptions = () =>
  queryOptions({
    queryKey: tagKeys.list(),
    queryFn: ({ signal }) => api.get<{ items: Tag[]; total: number }>('/api/tags', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });

/** The topic vocabulary as a list (the cache entry is shared with the other pages' topic selects). */
export const topicListOptions = () =>
  queryOptions({ ...topicOptionsQuery(), select: (data: { items: Topic[] }) => data.items });

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TagInput) => api.post<Tag>('/api/tags', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TopicInput) => api.post<Topic>('/api/topics', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicKeys.all }),
  });
}

/** Rename or (de)activate; carries the version the admin saw. */
export function useUpdateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topic, patch }: { topic: Topic; patch: TopicPatch }) =>
      api.patch<Topic>(`/api/topics/${topic.id}`, { body: patch, ifMatch: topic.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: topicKeys.all }),
  });
}
