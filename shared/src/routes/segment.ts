import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import { idParams, listQuery } from '../schemas/common.ts';
import { PERSON_SORT_FIELDS, personPage } from '../schemas/person.ts';
import { segment, segmentInput, segmentListQuery, segmentPage, segmentPatch } from '../schemas/segment.ts';
import { defineRoute } from './define.ts';

const tag = 'segments';
const guarded = [E.SEGMENT_NOT_FOUND, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED];

export const segments = {
  list: defineRoute({
    method: 'GET',
    path: '/api/segments',
    tag,
    summary: 'Own and shared segments with their live person counts',
    query: segmentListQuery,
    responses: { 200: segmentPage },
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/segments',
    tag,
    summary: 'Save a person filter as a segment (private unless shared)',
    body: segmentInput,
    responses: { 201: segment },
    errors: [400, 401, 403],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/segments/:id',
    tag,
    params: idParams,
    responses: { 200: segment },
    errors: [400, 401, 403, 404],
    codes: [E.SEGMENT_NOT_FOUND],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/segments/:id',
    tag,
    summary: 'Rename, change the filter or sharing (owner or admin); needs If-Match',
    params: idParams,
    body: segmentPatch,
    responses: { 200: segment },
    errors: [400, 401, 403, 404, 412, 428],
    codes: guarded,
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/segments/:id',
    tag,
    summary: 'Delete a segment (owner or admin); needs If-Match',
    params: idParams,
    responses: { 204: z.null().describe('deleted') },
    errors: [400, 401, 403, 404, 412, 428],
    codes: guarded,
  }),
  persons: defineRoute({
    method: 'GET',
    path: '/api/segments/:id/persons',
    tag,
    summary: "The person list with the segment's filter (paging and sort as in GET /api/persons)",
    params: idParams,
    query: listQuery(PERSON_SORT_FIELDS).omit({ q: true }),
    responses: { 200: personPage },
    errors: [400, 401, 403, 404],
    codes: [E.SEGMENT_NOT_FOUND],
  }),
};
