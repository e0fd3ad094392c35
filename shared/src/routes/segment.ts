import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import { idParams, listQuery } from '../schemas/common.ts';
import { PERSON_SORT_FIELDS, personPage } from '../schemas/person.ts';
import { segment, segmentInput, segmentListQuery, segmentPage, segmentPatch } from '../schemas/segment.ts';
import { domainRoutes } from './define.ts';

const guarded = [E.SEGMENT_NOT_FOUND, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED];

export const segments = domainRoutes('segments', {
  list: {
    method: 'GET',
    path: '/api/segments',
    summary: 'Own and shared segments with their live person counts',
    query: segmentListQuery,
    responses: { 200: segmentPage },
  },
  create: {
    method: 'POST',
    path: '/api/segments',
    summary: 'Save a person filter as a segment (private unless shared)',
    body: segmentInput,
    responses: { 201: segment },
  },
  get: {
    method: 'GET',
    path: '/api/segments/:id',
    params: idParams,
    responses: { 200: segment },
    codes: [E.SEGMENT_NOT_FOUND],
  },
  update: {
    method: 'PATCH',
    path: '/api/segments/:id',
    summary: 'Rename, change the filter or sharing (owner or admin); needs If-Match',
    params: idParams,
    body: segmentPatch,
    responses: { 200: segment },
    codes: guarded,
  },
  delete: {
    method: 'DELETE',
    path: '/api/segments/:id',
    summary: 'Delete a segment (owner or admin); needs If-Match',
    params: idParams,
    responses: { 204: z.null().describe('deleted') },
    codes: guarded,
  },
  persons: {
    method: 'GET',
    path: '/api/segments/:id/persons',
    summary: "The person list with the segment's filter (paging and sort as in GET /api/persons)",
    params: idParams,
    query: listQuery(PERSON_SORT_FIELDS).omit({ q: true }),
    responses: { 200: personPage },
    codes: [E.SEGMENT_NOT_FOUND],
  },
});
