/**
 * Every `code` of a problem+json answer, under the HTTP status the server answers it with (a few codes under more
 * than one): the server throws these, the web checks them, and a route descriptor's problem statuses follow from
 * its codes (`routes/define.ts`).
 */
export const codesByStatus = {
  400: [
    'ATTENDANCE_NOT_FOUND', // a session attendee not on the event's list, named as a field
    'IMPORT_FILE_UNREADABLE',
    'INVALID_CODE',
    'INVALID_IF_MATCH',
    'LINK_INVALID',
    'MALFORMED_JSON',
    'MALFORMED_UPLOAD',
    'PASSKEY_CEREMONY_EXPIRED',
    'PASSKEY_NOT_ACCEPTED', // adding a passkey
    'VALIDATION_FAILED',
    'WEAK_PASSWORD',
    'WRONG_PASSWORD',
  ],
  401: [
    'INVALID_CREDENTIALS',
    'INVALID_REFRESH_TOKEN',
    'PASSKEY_NOT_ACCEPTED', // signing in with one
    'SECOND_FACTOR_EXPIRED',
    'UNAUTHORIZED',
  ],
  403: ['CROSS_SITE_REQUEST', 'FORBIDDEN', 'NOT_AUTHOR', 'SECOND_FACTOR_REQUIRED'],
  404: [
    'AFFILIATION_NOT_FOUND',
    'ATTENDANCE_NOT_FOUND',
    'CONTACT_POINT_NOT_FOUND',
    'EVENT_NOT_FOUND',
    'INTERACTION_NOT_FOUND',
    'MAIL_NOT_FOUND',
    'NETWORK_NOT_FOUND',
    'NODE_NOT_FOUND',
    'OFFICE_NOT_FOUND',
    'ORGANIZATION_NOT_FOUND',
    'PASSKEY_NOT_FOUND',
    'PERSON_NOT_FOUND',
    'RELATION_NOT_FOUND',
    'REPORT_SNAPSHOT_NOT_FOUND',
    'ROUTE_NOT_FOUND',
    'SEGMENT_NOT_FOUND',
    'SESSION_NOT_FOUND',
    'SUPPRESSION_NOT_FOUND',
    'TAG_NOT_FOUND',
    'TOPIC_NOT_FOUND',
    'TOTP_NOT_FOUND',
    'USER_NOT_FOUND',
  ],
  409: [
    'ATTENDANCE_EXISTS',
    'CANNOT_CANCEL',
    'CANNOT_DEMOTE_SELF',
    'CAPACITY_BELOW_BOOKINGS',
    'CHECK_IN_BEFORE_EVENT',
    'CHECK_IN_HAS_SESSIONS',
    'DUPLICATE_CANDIDATES',
    'EMAIL_SUPPRESSED',
    'EVENT_FULL',
    'EVENT_NOT_A_COURSE',
    'EVENT_SLUG_TAKEN',
    'IMPORT_TARGET_GONE',
    'INVALID_STATUS_TRANSITION',
    'LAST_SECOND_FACTOR',
    'LINK_USED',
    'MAIL_NOT_FAILED',
    'NOBODY_ATTENDED',
    'NOT_ATTENDED',
    'NOT_A_CONTRIBUTOR',
    'NOT_A_PARTICIPANT',
    'NOT_CHECKED_IN',
    'NO_FOLLOW_UP',
    'NO_SECOND_FACTOR',
    'ORGANIZATION_DELETED',
    'ORGANIZATION_MERGED',
    'ORGANIZATION_NOT_DELETED',
    'PASSKEY_EXISTS',
    'PERSON_ALREADY_ERASED',
    'PERSON_DELETED',
    'PERSON_ERASED',
    'PERSON_MERGED',
    'PERSON_NOT_DELETED',
    'REGISTRATION_CLOSED',
    'SESSION_OVERLAP',
    'SUPPRESSION_EXISTS',
    'TAG_NAME_TAKEN',
    'TOPIC_SLUG_TAKEN',
    'TOTP_ALREADY_SET',
    'USER_EMAIL_TAKEN',
  ],
  410: ['LINK_EXPIRED'],
  412: ['VERSION_CONFLICT'],
  // MAIL_FILE_REFUSED: too many or too large files (413), a type it cannot read (415), a file it cannot parse (422).
  413: ['BODY_TOO_LARGE', 'MAIL_FILE_REFUSED'],
  415: ['JSON_REQUIRED', 'MAIL_FILE_REFUSED', 'UNSUPPORTED_MEDIA_TYPE'],
  422: ['IMPORT_HAS_ERRORS', 'IMPORT_INVALID', 'MAIL_CONCERNS_NOBODY', 'MAIL_FILE_REFUSED', 'REPORT_TOO_LARGE'],
  428: ['PRECONDITION_REQUIRED'],
  429: ['RATE_LIMITED', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_REQUESTS'],
  500: ['INTERNAL'],
  503: ['SERVER_BUSY', 'SHUTTING_DOWN'],
} as const;

type ByStatus = typeof codesByStatus;
export type ErrorStatus = keyof ByStatus;
export type ErrorCode = ByStatus[ErrorStatus][number];
/** The status(es) a code is answered with. */
export type StatusOf<C extends ErrorCode> = {
  [S in ErrorStatus]: C extends ByStatus[S][number] ? S : never;
}[ErrorStatus];

const entries = Object.entries(codesByStatus).flatMap(([status, codes]) =>
  codes.map((c) => [c, Number(status)] as const),
);

/** `E.PERSON_NOT_FOUND`: the codes as constants, so a typo is a compile error. */
export const ErrorCode = Object.fromEntries(entries.map(([c]) => [c, c])) as { readonly [C in ErrorCode]: C };

/** The statuses a code is answered with (most codes have one). */
export function statusesOf(code: ErrorCode): ErrorStatus[] {
  return entries.filter(([c]) => c === code).map(([, s]) => s as ErrorStatus);
}
