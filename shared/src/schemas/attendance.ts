import { z } from 'zod';
import { ATTENDANCE_ROLES, ATTENDANCE_STATUSES, type AttendanceStatus } from '../vocab/enums.ts';
import {
  counts,
  email,
  itemMeta,
  listedPerson,
  listQuery,
  multilineText,
  optionalEmail,
  optionalText,
  orNull,
  page,
  queryId,
  refId,
  repeated,
  requiredText,
} from './common.ts';
import { salutation } from './person.ts';

export const attendanceStatus = z.enum(ATTENDANCE_STATUSES);
export const attendanceRole = z.enum(ATTENDANCE_ROLES);

/** Status changes a manager may make; anything else is refused with INVALID_STATUS_TRANSITION. */
export const STATUS_TRANSITIONS: Readonly<Record<AttendanceStatus, readonly AttendanceStatus[]>> = {
  interested: ['registered', 'waitlisted', 'cancelled'],
  registered: ['attended', 'no_show', 'cancelled'],
  waitlisted: ['registered', 'cancelled'],
  attended: ['no_show'],
  no_show: ['attended'],
  cancelled: ['registered'],
};

/** Statuses that take a seat when the event has a capacity. */
export const SEAT_STATUSES = ['registered', 'attended'] as const satisfies readonly AttendanceStatus[];

export const attendancePerson = z.object({ id: z.number().int(), ...listedPerson });

export const attendance = z.object({
  ...itemMeta,
  eventId: z.number().int(),
  personId: z.number().int(),
  person: attendancePerson,
  /** Organisation at the time of the event (snapshot); `id` is null when only the name is known. */
  organization: z.object({ id: z.number().int().nullable(), name: z.string() }).nullable(),
  status: attendanceStatus,
  role: attendanceRole,
  note: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** Place on the waiting list: earliest first. */
  waitlistedAt: z.string().nullable(),
  /** Hours credited from attended course sessions. */
  hours: z.number(),
  sessionIds: z.array(z.number().int()),
});
export type Attendance = z.infer<typeof attendance>;
export const attendancePage = page(attendance);

export const attendanceListQuery = listQuery([
  'lastName',
  'status',
  'role',
  'createdAt',
  'checkedInAt',
  'waitlistedAt',
]).extend({
  status: repeated(attendanceStatus),
  role: repeated(attendanceRole),
});
export type AttendanceListQuery = z.input<typeof attendanceListQuery>;
export const attendanceParams = z.object({ id: queryId, personId: queryId });

/**
 * Add one person (`personId`), several (`personIds`) or a pasted list of e-mail addresses (`emails`; unknown
 * addresses are reported back, nobody is created). Registrations beyond the capacity go to the waiting list.
 */
export const attendanceCreate = z
  .object({
    personId: refId.optional(),
    personIds: z.array(refId).min(1).max(1000).optional(),
    emails: z.array(email).min(1).max(1000).optional(),
    status: attendanceStatus.default('registered'),
    role: attendanceRole.default('guest'),
    note: multilineText(2000),
  })
  .superRefine((b, ctx) => {
    const given = [b.personId, b.personIds, b.emails].filter((v) => v !== undefined).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['personId'],
        message: 'genau eines von personId, personIds, emails angeben',
      });
  });
export type AttendanceCreate = z.input<typeof attendanceCreate>;

/** A waitlisted person who got the seat that was freed. */
export const promotedRef = z.object({ attendanceId: z.number().int(), personId: z.number().int(), name: z.string() });
export type PromotedRef = z.infer<typeof promotedRef>;

export const attendanceCreated = attendance.extend({ waitlisted: z.boolean() });
export const attendanceBatchResult = z.object({
  items: z.array(attendanceCreated),
  /** Persons that already had an attendance for the event (left unchanged). */
  skipped: z.array(z.object({ personId: z.number().int(), reason: z.literal('already_attending') })),
  /** Pasted addresses no person has. */
  unknownEmails: z.array(z.string()),
});
export type AttendanceBatchResult = z.infer<typeof attendanceBatchResult>;

/** Checking in before the event's first day needs `confirm: true` (else 409 CHECK_IN_BEFORE_EVENT). */
const confirmEarly = { confirm: z.boolean().default(false) };

export const attendancePatch = z
  .object({ status: attendanceStatus, role: attendanceRole, note: multilineText(2000) })
  .partial()
  .extend(confirmEarly)
  .strict();
export type AttendancePatch = z.input<typeof attendancePatch>;
export const attendanceUpdated = attendance.extend({ promoted: z.array(promotedRef) });
export const attendanceDeleted = z.object({ ok: z.literal(true), promoted: z.array(promotedRef) });

// Check-in mode

export const checkInBody = z.object({ personId: refId, ...confirmEarly });
export const walkInBody = z.object({
  salutation: orNull(salutation),
  title: optionalText(60),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: optionalEmail,
  organizationName: optionalText(300),
  ...confirmEarly,
});
export type WalkInBody = z.input<typeof walkInBody>;
export const walkInResult = z.object({ attendance, personCreated: z.boolean() });
/** An undone check-in: the attendance as it was before, or null when the check-in had put the person on the list. */
export const checkInUndone = z.object({ attendance: attendance.nullable(), promoted: z.array(promotedRef) });
export type CheckInUndone = z.infer<typeof checkInUndone>;

/** `registered`: the seats taken (registered or attended); `open`: registered but not (yet) checked in. */
export const attendanceCounters = z.object({
  ...counts('registered', 'attended', 'open', 'waitlisted'),
  capacity: z.number().int().nullable(),
});
export type AttendanceCounters = z.infer<typeof attendanceCounters>;

export const sessionAttendanceBody = z.object({ personIds: z.array(refId).max(1000), ...confirmEarly });
export const sessionAttendanceResult = z.object({
  sessionId: z.number().int(),
  hours: z.number(),
  personIds: z.array(z.number().int()),
});

// Import of a sign-in list

/** One row as read from the list; values are checked row by row and reported, not refused as a whole. */
export const importRow = z.object({
  /** Full name ('Dr. Anna Müller' or 'Müller, Anna'), used when first/last name are not given. */
  name: z.string().max(1000).nullish(),
  salutation: z.string().max(1000).nullish(),
  title: z.string().max(1000).nullish(),
  firstName: z.string().max(1000).nullish(),
  lastName: z.string().max(1000).nullish(),
  organization: z.string().max(1000).nullish(),
  email: z.string().max(1000).nullish(),
});
export type ImportRow = z.infer<typeof importRow>;

/** Per line: create a new person, skip the row, or use this person id. */
export const importDecision = z.union([z.enum(['create', 'skip']), refId]);
export type ImportDecision = z.infer<typeof importDecision>;

const importOptions = {
  /** false: preview only; true: write all rows in one go, or nothing (422) when a row has an error. */
  commit: z.boolean().default(false),
  /** Create persons nobody knows; otherwise such rows need the decision 'create' (or 'skip') to be committed. */
  createUnknown: z.boolean().default(false),
  /** A sign-in list records who attended; a registration list who registered. */
  status: z.enum(['attended', 'registered']).default('attended'),
  role: attendanceRole.default('guest'),
  decisions: z.record(z.string().regex(/^\d{1,6}$/), importDecision).default({}),
};
export const attendanceImportBody = z.object({ rows: z.array(importRow).min(1).max(5000), ...importOptions });
export type AttendanceImportBody = z.input<typeof attendanceImportBody>;
export const attendanceImportFileBody = z.object({
  fileName: requiredText(255),
  /** The .csv (UTF-8, `;` or `,`) or .xlsx file, base64-encoded. */
  contentBase64: z.string().min(1).max(7_000_000),
  ...importOptions,
});
export type AttendanceImportFileBody = z.input<typeof attendanceImportFileBody>;
const importOptionsSchema = z.object(importOptions);
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importRowStatus = z.enum(['matched', 'new', 'duplicate_candidate', 'skipped', 'error']);
export type ImportRowStatus = z.infer<typeof importRowStatus>;
export const importRowReport = z.object({
  /** Line in the file (the header is line 1); for JSON rows the 1-based position. */
  line: z.number().int(),
  status: importRowStatus,
  personId: z.number().int().optional(),
  name: z.string(),
  email: z.string().nullable(),
  organization: z.string().nullable(),
  /** For matched persons: whether they already had an attendance for the event. */
  attendance: z.enum(['new', 'existing']).optional(),
  message: z.string().optional(),
  field: z.string().optional(),
  /** Persons with the same name, for a decision. */
  candidates: z
    .array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        email: z.string().nullable(),
        organization: z.string().nullable(),
      }),
    )
    .optional(),
});
export type ImportRowReport = z.infer<typeof importRowReport>;
export const importReport = z.object({
  rows: z.array(importRowReport),
  summary: z.object({
    ...counts('total', 'matched', 'new', 'duplicateCandidates', 'skipped', 'errors'),
    committed: z.boolean(),
    /** Written on commit: persons created and attendances created or changed. */
    ...counts('personsCreated', 'attendancesWritten'),
  }),
});
export type ImportReport = z.infer<typeof importReport>;

export const attendanceListPdfQuery = z.object({ blankRows: z.coerce.number().int().min(0).max(100).default(5) });
