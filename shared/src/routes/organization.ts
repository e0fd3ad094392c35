import { ErrorCode as E } from '../error-codes.ts';
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
import { collectionRoutes, domainRoutes } from './define.ts';
import { organizationRecord as organization } from './records.ts';

const all = collectionRoutes('/api/organizations');

export const organizations = domainRoutes('organizations', {
  list: all.list({
    summary: 'List organisations: filters combine with AND, repeated values of one filter with OR',
    query: organizationListQuery,
    response: organizationPage,
  }),
  duplicates: all.get({
    at: '/duplicates',
    summary: 'Groups of organisations that share a normalised name or an e-mail address',
    response: organizationDuplicateGroups,
  }),
  get: organization.get({ response: organizationDetail }),
  create: all.create({
    summary: 'Create an organisation; likely duplicates answer 409 DUPLICATE_CANDIDATES unless confirmDuplicate is set',
    body: organizationCreate,
    response: organizationDetail,
    codes: [E.DUPLICATE_CANDIDATES],
  }),
  update: organization.update({ body: organizationPatch, response: organizationDetail }),
  remove: organization.delete({
    summary: 'Soft delete: the organisation leaves lists and can be restored',
    responses: { 200: organizationDetail },
    codes: [E.ORGANIZATION_DELETED],
  }),
  restore: organization.post({
    at: '/restore',
    summary: 'Undo a soft delete (If-Match optional); merged organisations cannot be restored',
    response: organizationDetail,
    codes: [E.ORGANIZATION_NOT_DELETED, E.ORGANIZATION_MERGED, E.VERSION_CONFLICT],
  }),
  history: organization.get({
    at: '/history',
    summary: 'Audit log of the organisation (and of organisations merged into it), newest first',
    response: historyList,
  }),
  merge: organization.post({
    at: '/merge',
    summary:
      'Merge sourceId into this organisation: every affiliation, relation, sector, tag, interaction, attendance, ' +
      'office and node host moves here; `keep` chooses per field whose value stays (a website, e-mail or phone ' +
      'not kept goes into the notes); the source is deleted and marked merged (If-Match optional)',
    body: mergeBody,
    response: organizationDetail,
    codes: [E.ORGANIZATION_DELETED, E.VERSION_CONFLICT],
  }),
});
