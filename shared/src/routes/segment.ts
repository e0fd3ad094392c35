import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import { listQuery } from '../schemas/common.ts';
import { PERSON_SORT_FIELDS, personPage } from '../schemas/person.ts';
import { segment, segmentInput, segmentListQuery, segmentPage, segmentPatch } from '../schemas/segment.ts';
import { collectionRoutes, domainRoutes, recordRoutes } from './define.ts';

const all = collectionRoutes('/api/segments');
const one = recordRoutes('/api/segments/:id', { missing: [E.SEGMENT_NOT_FOUND] });

export const segments = domainRoutes('segments', {
  list: all.list({
    summary: 'Own and shared segments with their live person counts',
    query: segmentListQuery,
    response: segmentPage,
  }),
  create: all.create({
    summary: 'Save a person filter as a segment (private unless shared)',
    body: segmentInput,
    response: segment,
  }),
  get: one.get({ response: segment }),
  update: one.update({
    summary: 'Rename, change the filter or sharing (owner or admin); needs If-Match',
    body: segmentPatch,
    response: segment,
  }),
  delete: one.delete({
    summary: 'Delete a segment (owner or admin); needs If-Match',
    responses: { 204: z.null().describe('deleted') },
  }),
  persons: one.get({
    at: '/persons',
    summary: "The person list with the segment's filter (paging and sort as in GET /api/persons)",
    query: listQuery(PERSON_SORT_FIELDS).omit({ q: true }),
    response: personPage,
  }),
});
