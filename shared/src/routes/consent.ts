import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
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
import { collectionRoutes, domainRoutes } from './define.ts';
import { personRecord as person } from './records.ts';

const suppressions = collectionRoutes('/api/suppressions');

/** The consent ledger of a person and the suppression list (blocked e-mail addresses). */
export const consents = domainRoutes('consents', {
  list: person.get({
    at: '/consents',
    summary: 'The consent ledger of a person, newest first, with the current state per channel',
    response: consentLedger,
  }),
  create: person.create({
    at: '/consents',
    summary: 'Append a consent entry (grant or withdrawal); with suppress the e-mail address is blocked as well',
    body: consentInput,
    response: consentCreated,
    codes: [E.PERSON_DELETED, E.PERSON_MERGED],
  }),
  checkSuppression: suppressions.get({
    at: '/check',
    summary: 'Whether an e-mail address is on the suppression list (objection or erasure)',
    query: suppressionCheckQuery,
    response: suppressionCheck,
  }),
  suppressions: suppressions.list({
    summary: 'The suppression list (hashed addresses), newest first, with the persons in the CRM who carry each',
    query: suppressionListQuery,
    response: suppressionPage,
  }),
  addSuppression: suppressions.create({
    summary: 'Block an e-mail address from exports and re-import (stored hashed), with the reason; audited',
    body: suppressionInput,
    response: suppression,
    codes: [E.SUPPRESSION_EXISTS],
  }),
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
