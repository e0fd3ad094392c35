import { z } from 'zod';
import { ErrorCode as E, type ErrorCode } from '../error-codes.ts';
import { historyList } from '../schemas/history.ts';
import {
  affiliation,
  affiliationInput,
  affiliationParams,
  affiliationPatch,
  contactPoint,
  contactPointInput,
  contactPointParams,
  contactPointPatch,
  mergeBody,
  office,
  officeInput,
  officeParams,
  officePatch,
  person,
  personDuplicatePage,
  personDuplicateQuery,
  personInput,
  personListQuery,
  personPage,
  personPatch,
} from '../schemas/person.ts';
import { collectionRoutes, domainRoutes, type RouteSpec, recordRoutes } from './define.ts';
import { personRecord as one } from './records.ts';

/** A person deleted (or merged away) or erased can no longer change. */
const gone = [E.PERSON_DELETED, E.PERSON_ERASED];
/** A change of a live person (not deleted, merged away or erased). */
const live = [E.PERSON_NOT_FOUND, ...gone];
const all = collectionRoutes('/api/persons');

/** A person's versioned sub-records (affiliations, offices, contact points): add, change, remove — one shape. */
function subRecordRoutes<
  const P extends z.ZodType,
  const I extends z.ZodType,
  const In extends z.ZodType,
  const Pa extends z.ZodType,
>(s: {
  /** `/offices` below the person; one record is `…/:officeId`. */
  at: string;
  param: string;
  params: P;
  item: I;
  input: In;
  patch: Pa;
  notFound: Extract<ErrorCode, `${string}_NOT_FOUND`>;
  summaries: { add: string; update: string; remove: string };
}) {
  const record = recordRoutes(`${one.path}${s.at}/:${s.param}`, { params: s.params, missing: [...live, s.notFound] });
  return [
    one.create({ at: s.at, summary: s.summaries.add, body: s.input, response: s.item, codes: gone }),
    record.update({ summary: s.summaries.update, body: s.patch, response: s.item }),
    record.delete({ summary: s.summaries.remove, responses: { 204: z.null().describe('removed') } }),
  ] as const satisfies readonly RouteSpec[];
}

const [addAffiliation, updateAffiliation, deleteAffiliation] = subRecordRoutes({
  at: '/affiliations',
  param: 'affiliationId',
  params: affiliationParams,
  item: affiliation,
  input: affiliationInput,
  patch: affiliationPatch,
  notFound: E.AFFILIATION_NOT_FOUND,
  summaries: {
    add: 'Add an affiliation; a primary one makes the others non-primary',
    update: 'Change an affiliation; needs If-Match with the affiliation’s version',
    remove: 'Remove an affiliation (to end one, set toDate instead); needs If-Match',
  },
});
const [addOffice, updateOffice, deleteOffice] = subRecordRoutes({
  at: '/offices',
  param: 'officeId',
  params: officeParams,
  item: office,
  input: officeInput,
  patch: officePatch,
  notFound: E.OFFICE_NOT_FOUND,
  summaries: {
    add: 'Add a political or public office (e.g. Landrätin, Landkreis Schmalkalden-Meiningen)',
    update: 'Change an office; needs If-Match with the office’s version',
    remove: 'Remove an office (to end one, set toDate instead); needs If-Match',
  },
});
const [addContactPoint, updateContactPoint, deleteContactPoint] = subRecordRoutes({
  at: '/contact-points',
  param: 'contactPointId',
  params: contactPointParams,
  item: contactPoint,
  input: contactPointInput,
  patch: contactPointPatch,
  notFound: E.CONTACT_POINT_NOT_FOUND,
  summaries: {
    add: 'Add an e-mail address or phone number besides the main ones (searched, checked for duplicates)',
    update: 'Change an additional e-mail address or phone number; needs If-Match with its version',
    remove: 'Remove an additional e-mail address or phone number; needs If-Match',
  },
});

export const persons = domainRoutes('persons', {
  list: all.list({
    summary: 'List persons; every parameter of the person filter applies (the same as for exports and segments)',
    query: personListQuery,
    response: personPage,
  }),
  duplicates: all.get({
    at: '/duplicates',
    summary: 'Groups of persons sharing an e-mail address or a normalised name',
    query: personDuplicateQuery,
    response: personDuplicatePage,
  }),
  get: one.get({ response: person }),
  create: all.create({
    summary: 'Create a person; likely duplicates answer 409 DUPLICATE_CANDIDATES unless confirmDuplicate is true',
    body: personInput,
    response: person,
    codes: [E.DUPLICATE_CANDIDATES, E.ORGANIZATION_DELETED],
  }),
  update: one.update({
    summary: 'Change fields (tagIds replaces the tag set); needs If-Match',
    body: personPatch,
    response: person,
    codes: [...gone, E.DUPLICATE_CANDIDATES],
  }),
  delete: one.delete({ summary: 'Soft delete (restorable); needs If-Match', responses: { 200: person }, codes: gone }),
  restore: one.post({
    at: '/restore',
    summary: 'Undo a soft delete (not for merged or erased persons); If-Match is checked when sent',
    response: person,
    codes: [E.PERSON_NOT_DELETED, E.PERSON_MERGED, E.PERSON_ERASED, E.VERSION_CONFLICT],
  }),
  history: one.get({
    at: '/history',
    summary: 'Audit entries of the person (and of persons merged into it), newest first',
    response: historyList,
  }),
  merge: one.post({
    at: '/merge',
    summary:
      'Merge sourceId into this person: affiliations, offices, tags, attendances, interactions, consents and ' +
      'additional contact values move over; `keep` chooses per field whose value stays, an e-mail or phone number ' +
      'not kept stays as an additional one; the source is deleted with mergedIntoId; If-Match (of this person) is ' +
      'checked when sent',
    body: mergeBody,
    response: person,
    codes: [...gone, E.VERSION_CONFLICT],
  }),
  addAffiliation,
  updateAffiliation,
  deleteAffiliation,
  addOffice,
  updateOffice,
  deleteOffice,
  addContactPoint,
  updateContactPoint,
  deleteContactPoint,
});
