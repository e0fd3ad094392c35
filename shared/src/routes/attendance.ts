import { z } from 'zod';
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
import { defineRoute } from './define.ts';

const tag = 'attendance';
/** A file answer (its bytes are not JSON; the server adds `produces`). */
const pdf = z.unknown().describe('the PDF');
const produces = ['application/pdf'];

export const attendances = {
  list: defineRoute({
    method: 'GET',
    path: '/api/events/:id/attendances',
    tag,
    summary: 'Who is on the list, with organisation snapshot, status, role, check-in time and course hours',
    params: idParams,
    query: attendanceListQuery,
    responses: { 200: attendancePage },
    errors: [400, 401, 403, 404],
  }),
  add: defineRoute({
    method: 'POST',
    path: '/api/events/:id/attendances',
    tag,
    summary: 'Add a person, several persons or a pasted list of e-mails; beyond the capacity they are waitlisted',
    params: idParams,
    body: attendanceCreate,
    responses: { 200: attendanceBatchResult, 201: z.union([attendanceCreated, attendanceBatchResult]) },
    errors: [400, 401, 403, 404, 409],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/events/:id/attendances/:personId',
    tag,
    params: attendanceParams,
    responses: { 200: attendance },
    errors: [400, 401, 403, 404],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/events/:id/attendances/:personId',
    tag,
    summary: 'Change status, role or note; a cancellation gives the seat to the first waitlisted person',
    params: attendanceParams,
    body: attendancePatch,
    responses: { 200: attendanceUpdated },
    errors: [400, 401, 403, 404, 409, 412, 428],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/events/:id/attendances/:personId',
    tag,
    summary: 'Remove a person from the list; a freed seat goes to the first waitlisted person',
    params: attendanceParams,
    responses: { 200: attendanceDeleted },
    errors: [400, 401, 403, 404, 412, 428],
  }),
  checkIn: defineRoute({
    method: 'POST',
    path: '/api/events/:id/check-in',
    tag,
    summary:
      'Mark a person attended now (idempotent); someone not on the list is added as attended. Before the ' +
      "event's first day this answers 409 CHECK_IN_BEFORE_EVENT unless confirm is true",
    params: idParams,
    body: checkInBody,
    responses: { 200: attendance },
    errors: [400, 401, 403, 404, 409],
  }),
  undoCheckIn: defineRoute({
    method: 'DELETE',
    path: '/api/events/:id/check-in/:personId',
    tag,
    summary:
      'Undo a check-in: the status before it comes back, or the person leaves the list when the check-in added ' +
      'them; a freed seat goes to the waiting list (`promoted`). If-Match (of the attendance) is checked when sent',
    params: attendanceParams,
    responses: { 200: checkInUndone },
    errors: [400, 401, 403, 404, 409, 412],
  }),
  walkIn: defineRoute({
    method: 'POST',
    path: '/api/events/:id/walk-ins',
    tag,
    summary: 'Check in someone not on the list: an existing person with the e-mail is used, otherwise one is created',
    params: idParams,
    body: walkInBody,
    responses: { 201: walkInResult },
    errors: [400, 401, 403, 404, 409],
  }),
  counters: defineRoute({
    method: 'GET',
    path: '/api/events/:id/counters',
    tag,
    params: idParams,
    responses: { 200: attendanceCounters },
    errors: [400, 401, 403, 404],
  }),
  setSessionAttendance: defineRoute({
    method: 'PUT',
    path: '/api/events/:id/sessions/:sessionId/attendance',
    tag,
    summary:
      'Set who attended a course session; each is credited the session’s hours and marked attended (before the ' +
      "session's day only with confirm)",
    params: sessionParams,
    body: sessionAttendanceBody,
    responses: { 200: sessionAttendanceResult },
    errors: [400, 401, 403, 404, 409],
  }),
  import: defineRoute({
    method: 'POST',
    path: '/api/events/:id/attendances/import',
    tag,
    summary:
      'Check (commit=false) or import (commit=true) rows of a sign-in list; with an error nothing is imported (422)',
    params: idParams,
    body: attendanceImportBody,
    responses: { 200: importReport },
    errors: [400, 401, 403, 404, 422],
  }),
  importFile: defineRoute({
    method: 'POST',
    path: '/api/events/:id/attendances/import-file',
    tag,
    summary: 'Like /import, for a .csv (UTF-8, ; or ,) or .xlsx file sent base64-encoded; lines are the file’s lines',
    params: idParams,
    body: attendanceImportFileBody,
    responses: { 200: importReport },
    errors: [400, 401, 403, 404, 413, 422],
  }),
  attendanceListPdf: defineRoute({
    method: 'GET',
    path: '/api/events/:id/attendance-list.pdf',
    tag,
    summary:
      'Teilnehmerliste (PDF) of registered and attended persons, with blank rows for walk-ins and a signature column per course session',
    params: idParams,
    query: attendanceListPdfQuery,
    produces,
    responses: { 200: pdf },
    errors: [400, 401, 403, 404],
  }),
  certificatesPdf: defineRoute({
    method: 'GET',
    path: '/api/events/:id/certificates.pdf',
    tag,
    summary: 'Teilnahmebescheinigungen (PDF, one page each) for everyone who attended a course as a participant',
    params: idParams,
    description:
      'Only attendees in a participant role (guest); trainers, organisers and other contributors get a ' +
      'Bestätigung der Mitwirkung instead: GET /api/events/:id/contributions/:personId.pdf.',
    produces,
    responses: { 200: pdf },
    errors: [400, 401, 403, 404, 409],
  }),
  certificatePdf: defineRoute({
    method: 'GET',
    path: '/api/events/:id/certificates/:personId.pdf',
    tag,
    summary: 'Teilnahmebescheinigung (PDF) for a person who attended a course as a participant',
    params: attendanceParams,
    produces,
    responses: { 200: pdf },
    errors: [400, 401, 403, 404, 409],
  }),
  contributionPdf: defineRoute({
    method: 'GET',
    path: '/api/events/:id/contributions/:personId.pdf',
    tag,
    summary:
      'Bestätigung der Mitwirkung (PDF) for a trainer, organiser, speaker, panelist or moderator who took part in an event',
    params: attendanceParams,
    produces,
    responses: { 200: pdf },
    errors: [400, 401, 403, 404, 409],
  }),
};
