import { ErrorCode as E } from '../error-codes.ts';
import { tag, tagInput, tagList, tagPatch, topic, topicInput, topicList, topicPatch } from '../schemas/tag.ts';
import { collectionRoutes, domainRoutes, recordRoutes } from './define.ts';

const allTags = collectionRoutes('/api/tags');
const allTopics = collectionRoutes('/api/topics');

/** The tag and topic vocabularies (tags mark organisations and persons; topics classify events and contacts). */
export const tags = {
  ...domainRoutes('tags', {
    list: allTags.list({ summary: 'All tags with how many organisations and persons carry them', response: tagList }),
    create: allTags.create({ body: tagInput, response: tag, codes: [E.TAG_NAME_TAKEN] }),
    update: recordRoutes('/api/tags/:id', { missing: [E.TAG_NOT_FOUND] }).update({
      body: tagPatch,
      response: tag,
      codes: [E.TAG_NAME_TAKEN],
    }),
  }),
  ...domainRoutes('topics', {
    topics: allTopics.list({
      summary: 'The topic vocabulary, inactive topics included (they stay on old records)',
      response: topicList,
    }),
    createTopic: allTopics.create({ body: topicInput, response: topic, codes: [E.TOPIC_SLUG_TAKEN] }),
    updateTopic: recordRoutes('/api/topics/:id', { missing: [E.TOPIC_NOT_FOUND] }).update({
      summary: 'Change label or active flag; the slug never changes',
      body: topicPatch,
      response: topic,
    }),
  }),
};
