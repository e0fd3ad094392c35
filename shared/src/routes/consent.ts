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
import { domainRoutes } from './define.ts';

/** The consent ledger of a person and the suppression list (blocked e-mail addresses). */
export const consents = domainRoutes('consents', {
  list: {
    method: 'GET',
    path: '/api/persons/:id/consents',
    summary: 'The consent ledger of a person, newest first, with the current state per channel',
    params: idParams,
    responses: { 200: consentLedger },
    codes: [E.PERSON_NOT_FOUND],
  },
  create: {
    method: 'POST',
    path: '/api/persons/:id/consents',
    summary: 'Append a consent entry (grant or withdrawal); with suppress the e-mail address is blocked as well',
    params: idParams,
    body: consentInput,
    responses: { 201: consentCreated },
    codes: [E.PERSON_NOT_FOUND, E.PERSON_DELETED, E.PERSON_MERGED],
  },
  checkSuppression: {
    method: 'GET',
    path: '/api/suppressions/check',
    summary: 'Whether an e-mail address is on the suppression list (objection or erasure)',
    query: suppressionCheckQuery,
    responses: { 200: suppressionCheck },
  },
  suppressions: {
    method: 'GET',
    path: '/api/suppressions',
    summary: 'The suppression list (hashed addresses), newest first, with the persons in the CRM who carry each',
    query: suppressionListQuery,
    responses: { 200: suppressionPage },
  },
  addSuppression: {
    method: 'POST',
    path: '/api/suppressions',
    summary: 'Block an e-mail address from exports and re-import (stored hashed), with the reason; audited',
    body: suppressionInput,
    responses: { 201: suppression },
    codes: [E.SUPPRESSION_EXISTS],
  },
  removeSuppression: {
    method: 'DELETE',
    path: '/api/suppressions/:hash',
    summary: 'Take an address off the suppression list, with the reason (audited)',
    params: suppressionParams,
    body: suppressionRemoval,
    responses: { 204: z.null() },
    codes: [E.SUPPRESSION_NOT_FOUND],
  },
});
