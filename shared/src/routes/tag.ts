import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import { tag, tagInput, tagList, tagPatch, topic, topicInput, topicList, topicPatch } from '../schemas/tag.ts';
import { domainRoutes } from './define.ts';

/** A change guarded by If-Match: a stale version answers 412, a missing one 428. */
const ifMatch = [E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED, E.INVALID_IF_MATCH];

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
    update: {
      method: 'PATCH',
      path: '/api/tags/:id',
      params: idParams,
      body: tagPatch,
      responses: { 200: tag },
      codes: [E.TAG_NOT_FOUND, E.TAG_NAME_TAKEN, ...ifMatch],
    },
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
    updateTopic: {
      method: 'PATCH',
      path: '/api/topics/:id',
      summary: 'Change label or active flag; the slug never changes',
      params: idParams,
      body: topicPatch,
      responses: { 200: topic },
      codes: [E.TOPIC_NOT_FOUND, ...ifMatch],
    },
  }),
};
