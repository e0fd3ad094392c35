import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import { outboxListQuery, outboxMailDetail, outboxPage } from '../schemas/mail.ts';
import { defineRoute } from './define.ts';

const tag = 'mail';

/** The outbox (Verwaltung → Ausgang): what was and will be sent, for admins. */
export const mail = {
  outbox: defineRoute({
    method: 'GET',
    path: '/api/mail/outbox',
    tag,
    summary: 'Outgoing mails, newest first: recipient, subject, status, attempts, last error',
    query: outboxListQuery,
    responses: { 200: outboxPage },
    errors: [400, 401, 403],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/mail/outbox/:id',
    tag,
    summary: 'One outgoing mail with its text, headers and attachments',
    params: idParams,
    responses: { 200: outboxMailDetail },
    errors: [400, 401, 403, 404],
    codes: [E.MAIL_NOT_FOUND],
  }),
  retry: defineRoute({
    method: 'POST',
    path: '/api/mail/outbox/:id/retry',
    tag,
    summary: 'Send a failed mail again (fresh attempts)',
    params: idParams,
    responses: { 200: outboxMailDetail },
    errors: [400, 401, 403, 404, 409],
    codes: [E.MAIL_NOT_FOUND, E.MAIL_NOT_FAILED],
  }),
};
