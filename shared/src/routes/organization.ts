import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import { historyList } from '../schemas/history.ts';
import {
  mergeBody,
  organizationCreate,
  organizationDetail,
  organizationDuplicateGroups,
  organizationListQuery,
  organizationPage,
  organizationPatch,
} from '../schemas/organization.ts';
import { defineRoute } from './define.ts';

const tag = 'organizations';

export const organizations = {
  list: defineRoute({
    method: 'GET',
    path: '/api/organizations',
    tag,
    summary: 'List organisations: filters combine with AND, repeated values of one filter with OR',
    query: organizationListQuery,
    responses: { 200: organizationPage },
    errors: [400, 401, 403],
  }),
  duplicates: defineRoute({
    method: 'GET',
    path: '/api/organizations/duplicates',
    tag,
    summary: 'Groups of organisations that share a normalised name or an e-mail address',
    responses: { 200: organizationDuplicateGroups },
    errors: [401, 403],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/organizations/:id',
    tag,
    params: idParams,
    responses: { 200: organizationDetail },
    errors: [400, 401, 403, 404],
    codes: [E.ORGANIZATION_NOT_FOUND],
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/organizations',
    tag,
    summary: 'Create an organisation; likely duplicates answer 409 DUPLICATE_CANDIDATES unless confirmDuplicate is set',
    body: organizationCreate,
    responses: { 201: organizationDetail },
    errors: [400, 401, 403, 409],
    codes: [E.DUPLICATE_CANDIDATES],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/organizations/:id',
    tag,
    params: idParams,
    body: organizationPatch,
    responses: { 200: organizationDetail },
    errors: [400, 401, 403, 404, 412, 428],
    codes: [E.ORGANIZATION_NOT_FOUND, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/organizations/:id',
    tag,
    summary: 'Soft delete: the organisation leaves lists and can be restored',
    params: idParams,
    responses: { 200: organizationDetail },
    errors: [400, 401, 403, 404, 409, 412, 428],
    codes: [E.ORGANIZATION_NOT_FOUND, E.ORGANIZATION_DELETED, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED],
  }),
  restore: defineRoute({
    method: 'POST',
    path: '/api/organizations/:id/restore',
    tag,
    summary: 'Undo a soft delete (If-Match optional); merged organisations cannot be restored',
    params: idParams,
    responses: { 200: organizationDetail },
    errors: [400, 401, 403, 404, 409, 412],
    codes: [E.ORGANIZATION_NOT_FOUND, E.ORGANIZATION_NOT_DELETED, E.ORGANIZATION_MERGED, E.VERSION_CONFLICT],
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/organizations/:id/history',
    tag,
    summary: 'Audit log of the organisation (and of organisations merged into it), newest first',
    params: idParams,
    responses: { 200: historyList },
    errors: [400, 401, 403, 404],
    codes: [E.ORGANIZATION_NOT_FOUND],
  }),
  merge: defineRoute({
    method: 'POST',
    path: '/api/organizations/:id/merge',
    tag,
    summary:
      'Merge sourceId into this organisation: every affiliation, relation, sector, tag, interaction, attendance, ' +
      'office and node host moves here; `keep` chooses per field whose value stays (a website, e-mail or phone ' +
      'not kept goes into the notes); the source is deleted and marked merged (If-Match optional)',
    params: idParams,
    body: mergeBody,
    responses: { 200: organizationDetail },
    errors: [400, 401, 403, 404, 409, 412],
    codes: [E.ORGANIZATION_NOT_FOUND, E.ORGANIZATION_DELETED, E.VERSION_CONFLICT],
  }),
};
