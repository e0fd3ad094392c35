import { tags } from '@anett/shared/routes/tag';
import type { TagInput, Topic, TopicInput, topicPatch } from '@anett/shared/schemas/vocab';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../lib/api-client.ts';
import { tagKeys, topicKeys } from '../../lib/query-keys.ts';
import { topicOptionsQuery } from '../../lib/reference-data.ts';

type TopicPatch = z.input<typeof topicPatch>;

/** All tags (a small vocabulary: the whole list is loaded once and filtered in the browser). */
export const tagListOptions = () =>
  queryOptions({
    queryKey: tagKeys.list(),
    queryFn: ({ signal }) => call(tags.list, { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
  });

/** The topic vocabulary as a list (the cache entry is shared with the other pages' topic selects). */
export const topicListOptions = () =>
  queryOptions({ ...topicOptionsQuery(), select: (data: { items: Topic[] }) => data.items });

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TagInput) => call(tags.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TopicInput) => call(tags.createTopic, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicKeys.all }),
  });
}

/** Rename or (de)activate; carries the version the admin saw. */
export function useUpdateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topic, patch }: { topic: Topic; patch: TopicPatch }) =>
      call(tags.updateTopic, { params: { id: topic.id }, body: patch, ifMatch: topic.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: topicKeys.all }),
  });
}
