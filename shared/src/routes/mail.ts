import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import { outboxListQuery, outboxMailDetail, outboxPage } from '../schemas/mail.ts';
import { domainRoutes, recordRoutes } from './define.ts';

const one = recordRoutes('/api/mail/outbox/:id', { missing: [E.MAIL_NOT_FOUND] });

/** The outbox (Verwaltung → Ausgang): what was and will be sent, for admins. */
export const mail = domainRoutes('mail', {
  outbox: {
    method: 'GET',
    path: '/api/mail/outbox',
    summary: 'Outgoing mails, newest first: recipient, subject, status, attempts, last error',
    query: outboxListQuery,
    responses: { 200: outboxPage },
  },
  get: one.get({ summary: 'One outgoing mail with its text, headers and attachments', response: outboxMailDetail }),
  retry: {
    method: 'POST',
    path: '/api/mail/outbox/:id/retry',
    summary: 'Send a failed mail again (fresh attempts)',
    params: idParams,
    responses: { 200: outboxMailDetail },
    codes: [E.MAIL_NOT_FOUND, E.MAIL_NOT_FAILED],
  },
});
