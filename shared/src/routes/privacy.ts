import { ErrorCode as E } from '../error-codes.ts';
import {
  eraseBody,
  eraseResult,
  erasurePreview,
  inactivePage,
  inactiveQuery,
  privacyExport,
} from '../schemas/privacy.ts';
import { domainRoutes } from './define.ts';
import { personRecord as person } from './records.ts';

/** GDPR: what is stored about a person (Art. 15), erasure (Art. 17) and the retention review. */
export const privacy = domainRoutes('privacy', {
  export: person.get({
    at: '/privacy-export',
    summary: 'Everything stored about a person (GDPR Art. 15), by table',
    response: privacyExport,
  }),
  erasurePreview: person.get({
    at: '/erasure-preview',
    summary: 'What an erasure will touch, and the unlinked contact-log entries naming the person (to confirm)',
    response: erasurePreview,
    codes: [E.PERSON_ALREADY_ERASED],
  }),
  erase: person.post({
    at: '/erase',
    summary: 'Anonymise a person everywhere (GDPR Art. 17); counts in reports stay; If-Match is checked when sent',
    description:
      'Scrubs the person from their rows, linked contact-log entries, audit payloads, segments, export filters ' +
      'and the search indexes; `scrubInteractionIds` adds unlinked entries from the erasure preview. The e-mail ' +
      'goes on the suppression list and the erasure into the ledger a restored backup cannot undo.',
    body: eraseBody.nullish(),
    response: eraseResult,
    codes: [E.PERSON_ALREADY_ERASED, E.VERSION_CONFLICT],
  }),
  inactive: {
    method: 'GET',
    path: '/api/privacy/inactive',
    summary: 'Persons without attendance, contact, consent entry or change for `months` months (retention review)',
    query: inactiveQuery,
    responses: { 200: inactivePage },
  },
});
