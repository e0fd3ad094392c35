import { ErrorCode as E } from '../error-codes.ts';
import { tag, tagInput, tagList, tagPatch, topic, topicInput, topicList, topicPatch } from '../schemas/tag.ts';
import { domainRoutes, recordRoutes } from './define.ts';

/** The tag and topic vocabularies (tags mark organisations and persons; topics classify events and contacts). */
export const tags = {
  ...domainRoutes('tags', {
    list: {
      method: 'GET',
      path: '/api/tags',
      summary: 'All tags with how many organisations and persons carry them',
      responses: { 200: tagList },
    },
    create: {
      method: 'POST',
      path: '/api/tags',
      body: tagInput,
      responses: { 201: tag },
      codes: [E.TAG_NAME_TAKEN],
    },
    update: recordRoutes('/api/tags/:id', { missing: [E.TAG_NOT_FOUND] }).update({
      body: tagPatch,
      response: tag,
      codes: [E.TAG_NAME_TAKEN],
    }),
  }),
  ...domainRoutes('topics', {
    topics: {
      method: 'GET',
      path: '/api/topics',
      summary: 'The topic vocabulary, inactive topics included (they stay on old records)',
      responses: { 200: topicList },
    },
    createTopic: {
      method: 'POST',
      path: '/api/topics',
      body: topicInput,
      responses: { 201: topic },
      codes: [E.TOPIC_SLUG_TAKEN],
    },
    updateTopic: recordRoutes('/api/topics/:id', { missing: [E.TOPIC_NOT_FOUND] }).update({
      summary: 'Change label or active flag; the slug never changes',
      body: topicPatch,
      response: topic,
    }),
  }),
};
