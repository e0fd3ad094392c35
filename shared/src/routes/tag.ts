import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import { tag, tagInput, tagList, tagPatch, topic, topicInput, topicList, topicPatch } from '../schemas/tag.ts';
import { defineRoute } from './define.ts';

/** A change guarded by If-Match: a stale version answers 412, a missing one 428. */
const ifMatch = [E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED, E.INVALID_IF_MATCH];

/** The tag and topic vocabularies (tags mark organisations and persons; topics classify events and contacts). */
export const tags = {
  list: defineRoute({
    method: 'GET',
    path: '/api/tags',
    tag: 'tags',
    summary: 'All tags with how many organisations and persons carry them',
    responses: { 200: tagList },
    errors: [401, 403],
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/tags',
    tag: 'tags',
    body: tagInput,
    responses: { 201: tag },
    errors: [400, 401, 403, 409],
    codes: [E.TAG_NAME_TAKEN],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/tags/:id',
    tag: 'tags',
    params: idParams,
    body: tagPatch,
    responses: { 200: tag },
    errors: [400, 401, 403, 404, 409, 412, 428],
    codes: [E.TAG_NOT_FOUND, E.TAG_NAME_TAKEN, ...ifMatch],
  }),
  topics: defineRoute({
    method: 'GET',
    path: '/api/topics',
    tag: 'topics',
    summary: 'The topic vocabulary, inactive topics included (they stay on old records)',
    responses: { 200: topicList },
    errors: [401, 403],
  }),
  createTopic: defineRoute({
    method: 'POST',
    path: '/api/topics',
    tag: 'topics',
    body: topicInput,
    responses: { 201: topic },
    errors: [400, 401, 403, 409],
    codes: [E.TOPIC_SLUG_TAKEN],
  }),
  updateTopic: defineRoute({
    method: 'PATCH',
    path: '/api/topics/:id',
    tag: 'topics',
    summary: 'Change label or active flag; the slug never changes',
    params: idParams,
    body: topicPatch,
    responses: { 200: topic },
    errors: [400, 401, 403, 404, 412, 428],
    codes: [E.TOPIC_NOT_FOUND, ...ifMatch],
  }),
};
