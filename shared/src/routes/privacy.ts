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
import { defineRoute } from './define.ts';

const tag = 'privacy';

/** GDPR: what is stored about a person (Art. 15), erasure (Art. 17) and the retention review. */
export const privacy = {
  export: defineRoute({
    method: 'GET',
    path: '/api/persons/:id/privacy-export',
    tag,
    summary: 'Everything stored about a person (GDPR Art. 15), by table',
    params: idParams,
    responses: { 200: privacyExport },
    errors: [400, 401, 403, 404],
    codes: [E.PERSON_NOT_FOUND],
  }),
  erasurePreview: defineRoute({
    method: 'GET',
    path: '/api/persons/:id/erasure-preview',
    tag,
    summary: 'What an erasure will touch, and the unlinked contact-log entries naming the person (to confirm)',
    params: idParams,
    responses: { 200: erasurePreview },
    errors: [400, 401, 403, 404, 409],
    codes: [E.PERSON_NOT_FOUND, E.PERSON_ALREADY_ERASED],
  }),
  erase: defineRoute({
    method: 'POST',
    path: '/api/persons/:id/erase',
    tag,
    summary: 'Anonymise a person everywhere (GDPR Art. 17); counts in reports stay; If-Match is checked when sent',
    description:
      'Scrubs the person from their rows, linked contact-log entries, audit payloads, segments, export filters ' +
      'and the search indexes; `scrubInteractionIds` adds unlinked entries from the erasure preview. The e-mail ' +
      'goes on the suppression list and the erasure into the ledger a restored backup cannot undo.',
    params: idParams,
    body: eraseBody.nullish(),
    responses: { 200: eraseResult },
    errors: [400, 401, 403, 404, 409, 412],
    codes: [E.PERSON_NOT_FOUND, E.PERSON_ALREADY_ERASED, E.VERSION_CONFLICT],
  }),
  inactive: defineRoute({
    method: 'GET',
    path: '/api/privacy/inactive',
    tag,
    summary: 'Persons without attendance, contact, consent entry or change for `months` months (retention review)',
    query: inactiveQuery,
    responses: { 200: inactivePage },
    errors: [400, 401, 403],
  }),
};
