import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import {
  consentCreated,
  consentInput,
  consentLedger,
  suppression,
  suppressionCheck,
  suppressionCheckQuery,
  suppressionInput,
  suppressionListQuery,
  suppressionPage,
  suppressionParams,
  suppressionRemoval,
} from '../schemas/consent.ts';
import { defineRoute } from './define.ts';

const tag = 'consents';

/** The consent ledger of a person and the suppression list (blocked e-mail addresses). */
export const consents = {
  list: defineRoute({
    method: 'GET',
    path: '/api/persons/:id/consents',
    tag,
    summary: 'The consent ledger of a person, newest first, with the current state per channel',
    params: idParams,
    responses: { 200: consentLedger },
    errors: [400, 401, 403, 404],
    codes: [E.PERSON_NOT_FOUND],
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/persons/:id/consents',
    tag,
    summary: 'Append a consent entry (grant or withdrawal); with suppress the e-mail address is blocked as well',
    params: idParams,
    body: consentInput,
    responses: { 201: consentCreated },
    errors: [400, 401, 403, 404, 409],
    codes: [E.PERSON_NOT_FOUND, E.PERSON_DELETED, E.PERSON_MERGED],
  }),
  checkSuppression: defineRoute({
    method: 'GET',
    path: '/api/suppressions/check',
    tag,
    summary: 'Whether an e-mail address is on the suppression list (objection or erasure)',
    query: suppressionCheckQuery,
    responses: { 200: suppressionCheck },
    errors: [400, 401, 403],
  }),
  suppressions: defineRoute({
    method: 'GET',
    path: '/api/suppressions',
    tag,
    summary: 'The suppression list (hashed addresses), newest first, with the persons in the CRM who carry each',
    query: suppressionListQuery,
    responses: { 200: suppressionPage },
    errors: [400, 401, 403],
  }),
  addSuppression: defineRoute({
    method: 'POST',
    path: '/api/suppressions',
    tag,
    summary: 'Block an e-mail address from exports and re-import (stored hashed), with the reason; audited',
    body: suppressionInput,
    responses: { 201: suppression },
    errors: [400, 401, 403, 409],
    codes: [E.SUPPRESSION_EXISTS],
  }),
  removeSuppression: defineRoute({
    method: 'DELETE',
    path: '/api/suppressions/:hash',
    tag,
    summary: 'Take an address off the suppression list, with the reason (audited)',
    params: suppressionParams,
    body: suppressionRemoval,
    responses: { 204: z.null() },
    errors: [400, 401, 403, 404],
    codes: [E.SUPPRESSION_NOT_FOUND],
  }),
};
