import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import {
  eraseBody,
  eraseResult,
  erasurePreview,
  inactivePage,
  inactiveQuery,
  privacyExport,
} from '../schemas/privacy.ts';
import { domainRoutes } from './define.ts';

/** GDPR: what is stored about a person (Art. 15), erasure (Art. 17) and the retention review. */
export const privacy = domainRoutes('privacy', {
  export: {
    method: 'GET',
    path: '/api/persons/:id/privacy-export',
    summary: 'Everything stored about a person (GDPR Art. 15), by table',
    params: idParams,
    responses: { 200: privacyExport },
    codes: [E.PERSON_NOT_FOUND],
  },
  erasurePreview: {
    method: 'GET',
    path: '/api/persons/:id/erasure-preview',
    summary: 'What an erasure will touch, and the unlinked contact-log entries naming the person (to confirm)',
    params: idParams,
    responses: { 200: erasurePreview },
    codes: [E.PERSON_NOT_FOUND, E.PERSON_ALREADY_ERASED],
  },
  erase: {
    method: 'POST',
    path: '/api/persons/:id/erase',
    summary: 'Anonymise a person everywhere (GDPR Art. 17); counts in reports stay; If-Match is checked when sent',
    description:
      'Scrubs the person from their rows, linked contact-log entries, audit payloads, segments, export filters ' +
      'and the search indexes; `scrubInteractionIds` adds unlinked entries from the erasure preview. The e-mail ' +
      'goes on the suppression list and the erasure into the ledger a restored backup cannot undo.',
    params: idParams,
    body: eraseBody.nullish(),
    responses: { 200: eraseResult },
    codes: [E.PERSON_NOT_FOUND, E.PERSON_ALREADY_ERASED, E.VERSION_CONFLICT],
  },
  inactive: {
    method: 'GET',
    path: '/api/privacy/inactive',
    summary: 'Persons without attendance, contact, consent entry or change for `months` months (retention review)',
    query: inactiveQuery,
    responses: { 200: inactivePage },
  },
});
