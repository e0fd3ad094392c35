import { ErrorCode as E } from '../error-codes.ts';
import { MAIL_FILE_BYTES_MAX, MAIL_FILES_MAX, mailCommitResult, mailPreview } from '../schemas/mail-import.ts';
import { domainRoutes } from './define.ts';

const MB = MAIL_FILE_BYTES_MAX / 1024 / 1024;
const description = `multipart/form-data: up to ${MAIL_FILES_MAX} files (field \`files\`, .eml or Outlook .msg, up to ${MB} MB each) and optionally \`personId\` or \`organizationId\` (where they were dropped). A refused file answers 413 (too large), 415 (not .eml/.msg) or 422 (unreadable) with \`errors[].field\` = \`files.<index>\`.`;
const consumes = ['multipart/form-data'];
const codes = [
  E.MAIL_FILE_REFUSED,
  E.MALFORMED_UPLOAD,
  E.UNSUPPORTED_MEDIA_TYPE,
  E.PERSON_NOT_FOUND,
  E.ORGANIZATION_NOT_FOUND,
];

/** Dropped e-mail files (.eml, .msg) logged as contact-log entries: read first, then logged. */
export const mailImports = domainRoutes('interactions', {
  preview: {
    method: 'POST',
    path: '/api/mail-imports/preview',
    summary: 'Read dropped e-mails (.eml, .msg): subject, date, text and every address matched to persons',
    description,
    consumes,
    responses: { 200: mailPreview },
    codes,
  },
  commit: {
    method: 'POST',
    path: '/api/mail-imports/commit',
    summary: 'Log the dropped e-mails as contact-log entries (kind email); a mail logged before is not logged again',
    description,
    consumes,
    responses: { 200: mailCommitResult },
    codes: [...codes, E.MAIL_CONCERNS_NOBODY],
  },
});
