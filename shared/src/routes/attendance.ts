import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import {
  attendance,
  attendanceBatchResult,
  attendanceCounters,
  attendanceCreate,
  attendanceCreated,
  attendanceDeleted,
  attendanceImportBody,
  attendanceImportFileBody,
  attendanceListPdfQuery,
  attendanceListQuery,
  attendancePage,
  attendanceParams,
  attendancePatch,
  attendanceUpdated,
  checkInBody,
  checkInUndone,
  importReport,
  sessionAttendanceBody,
  sessionAttendanceResult,
  walkInBody,
  walkInResult,
} from '../schemas/attendance.ts';
import { idParams } from '../schemas/common.ts';
import { sessionParams } from '../schemas/event.ts';
import { domainRoutes, recordRoutes } from './define.ts';
import { eventRecord as ofEvent } from './records.ts';

/** A file answer (its bytes are not JSON; the server adds `produces`). */
const pdf = z.unknown().describe('the PDF');
const produces = ['application/pdf'];
const event = [E.EVENT_NOT_FOUND];
/** One person's attendance of a live event. */
const one = [E.EVENT_NOT_FOUND, E.ATTENDANCE_NOT_FOUND];
const attendee = recordRoutes('/api/events/:id/attendances/:personId', { params: attendanceParams, missing: one });

export const attendances = domainRoutes('attendance', {
  list: ofEvent.get({
    at: '/attendances',
    summary: 'Who is on the list, with organisation snapshot, status, role, check-in time and course hours',
    query: attendanceListQuery,
    response: attendancePage,
  }),
  add: {
    method: 'POST',
    path: '/api/events/:id/attendances',
    summary: 'Add a person, several persons or a pasted list of e-mails; beyond the capacity they are waitlisted',
    params: idParams,
    body: attendanceCreate,
    responses: { 200: attendanceBatchResult, 201: z.union([attendanceCreated, attendanceBatchResult]) },
    codes: [...event, E.PERSON_NOT_FOUND, E.ATTENDANCE_EXISTS],
  },
  get: attendee.get({ response: attendance }),
  update: attendee.update({
    summary: 'Change status, role or note; a cancellation gives the seat to the first waitlisted person',
    body: attendancePatch,
    response: attendanceUpdated,
    codes: [E.INVALID_STATUS_TRANSITION, E.EVENT_FULL, E.CHECK_IN_BEFORE_EVENT],
  }),
  remove: attendee.delete({
    summary: 'Remove a person from the list; a freed seat goes to the first waitlisted person',
    responses: { 200: attendanceDeleted },
  }),
  checkIn: ofEvent.post({
    at: '/check-in',
    summary:
      'Mark a person attended now (idempotent); someone not on the list is added as attended. Before the ' +
      "event's first day this answers 409 CHECK_IN_BEFORE_EVENT unless confirm is true",
    body: checkInBody,
    response: attendance,
    codes: [E.PERSON_NOT_FOUND, E.CHECK_IN_BEFORE_EVENT],
  }),
  undoCheckIn: {
    method: 'DELETE',
    path: '/api/events/:id/check-in/:personId',
    summary:
      'Undo a check-in: the status before it comes back, or the person leaves the list when the check-in added ' +
      'them; a freed seat goes to the waiting list (`promoted`). If-Match (of the attendance) is checked when sent',
    params: attendanceParams,
    responses: { 200: checkInUndone },
    codes: [...one, E.VERSION_CONFLICT, E.NOT_CHECKED_IN, E.CHECK_IN_HAS_SESSIONS],
  },
  walkIn: ofEvent.create({
    at: '/walk-ins',
    summary: 'Check in someone not on the list: an existing person with the e-mail is used, otherwise one is created',
    body: walkInBody,
    response: walkInResult,
    codes: [E.CHECK_IN_BEFORE_EVENT],
  }),
  counters: ofEvent.get({ at: '/counters', response: attendanceCounters }),
  setSessionAttendance: {
    method: 'PUT',
    path: '/api/events/:id/sessions/:sessionId/attendance',
    summary:
      'Set who attended a course session; each is credited the session’s hours and marked attended (before the ' +
      "session's day only with confirm)",
    params: sessionParams,
    body: sessionAttendanceBody,
    responses: { 200: sessionAttendanceResult },
    codes: [...one, E.SESSION_NOT_FOUND, E.CHECK_IN_BEFORE_EVENT, E.INVALID_STATUS_TRANSITION],
  },
  import: ofEvent.post({
    at: '/attendances/import',
    summary:
      'Check (commit=false) or import (commit=true) rows of a sign-in list; with an error nothing is imported (422)',
    body: attendanceImportBody,
    response: importReport,
    codes: [E.IMPORT_HAS_ERRORS],
  }),
  importFile: ofEvent.post({
    at: '/attendances/import-file',
    summary: 'Like /import, for a .csv (UTF-8, ; or ,) or .xlsx file sent base64-encoded; lines are the file’s lines',
    body: attendanceImportFileBody,
    response: importReport,
    codes: [E.IMPORT_FILE_UNREADABLE, E.IMPORT_HAS_ERRORS, E.BODY_TOO_LARGE],
  }),
  attendanceListPdf: ofEvent.get({
    at: '/attendance-list.pdf',
    summary:
      'Teilnehmerliste (PDF) of registered and attended persons, with blank rows for walk-ins and a signature column per course session',
    query: attendanceListPdfQuery,
    produces,
    response: pdf,
  }),
  certificatesPdf: ofEvent.get({
    at: '/certificates.pdf',
    summary: 'Teilnahmebescheinigungen (PDF, one page each) for everyone who attended a course as a participant',
    description:
      'Only attendees in a participant role (guest); trainers, organisers and other contributors get a ' +
      'Bestätigung der Mitwirkung instead: GET /api/events/:id/contributions/:personId.pdf.',
    produces,
    response: pdf,
    codes: [E.EVENT_NOT_A_COURSE, E.NOBODY_ATTENDED],
  }),
  certificatePdf: {
    method: 'GET',
    path: '/api/events/:id/certificates/:personId.pdf',
    summary: 'Teilnahmebescheinigung (PDF) for a person who attended a course as a participant',
    params: attendanceParams,
    produces,
    responses: { 200: pdf },
    codes: [...one, E.EVENT_NOT_A_COURSE, E.NOT_ATTENDED, E.NOT_A_PARTICIPANT],
  },
  contributionPdf: {
    method: 'GET',
    path: '/api/events/:id/contributions/:personId.pdf',
    summary:
      'Bestätigung der Mitwirkung (PDF) for a trainer, organiser, speaker, panelist or moderator who took part in an event',
    params: attendanceParams,
    produces,
    responses: { 200: pdf },
    codes: [...one, E.NOT_ATTENDED, E.NOT_A_CONTRIBUTOR],
  },
});
