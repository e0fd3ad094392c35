import { tags } from '@anett/shared/routes/tag';
import type { Topic, TopicInput, topicPatch } from '@anett/shared/schemas/tag';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../lib/api-client.ts';
import { topicKeys } from '../../lib/query-keys.ts';

type TopicPatch = z.input<typeof topicPatch>;

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
