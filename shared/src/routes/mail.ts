import { ErrorCode as E } from '../error-codes.ts';
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
  retry: one.post({
    at: '/retry',
    summary: 'Send a failed mail again (fresh attempts)',
    response: outboxMailDetail,
    codes: [E.MAIL_NOT_FAILED],
  }),
});
