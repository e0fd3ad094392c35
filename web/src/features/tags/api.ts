import { tags } from '@anett/shared/routes/tag';
import type { Topic, TopicInput, topicPatch } from '@anett/shared/schemas/tag';
import type { z } from 'zod';
import { call } from '../../lib/api-client.ts';
import { topicKeys } from '../../lib/query-keys.ts';
import { useInvalidatingMutation } from '../../lib/route-query.ts';

type TopicPatch = z.input<typeof topicPatch>;

export const useCreateTopic = () =>
  useInvalidatingMutation((body: TopicInput) => call(tags.createTopic, { body }), topicKeys.all);

/** Rename or (de)activate; carries the version the admin saw. */
export const useUpdateTopic = () =>
  useInvalidatingMutation(
    ({ topic, patch }: { topic: Topic; patch: TopicPatch }) =>
      call(tags.updateTopic, { params: { id: topic.id }, body: patch, ifMatch: topic.version }),
    topicKeys.all,
    'settled',
  );
