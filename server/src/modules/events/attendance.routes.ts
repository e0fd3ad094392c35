import { safeFilename } from '@anett/shared/csv-cell';
import {
  type Attendance,
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
  type ImportOptions,
  type ImportReport,
  importReport,
  sessionAttendanceBody,
  sessionAttendanceResult,
  walkInBody,
  walkInResult,
} from '@anett/shared/schemas/attendance';
import { idParams } from '@anett/shared/schemas/common';
import type { Event } from '@anett/shared/schemas/event';
import { sessionParams } from '@anett/shared/schemas/event';
import { isContributorRole, isParticipantRole } from '@anett/shared/vocab/enums';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag } from '../../lib/concurrency.ts';
import { fileResponse, sendFile } from '../../lib/download.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { PDF_TYPE } from '../../lib/pdf.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { nowIso } from '../../lib/time.ts';
import { createAttendanceService } from './attendance.service.ts';
import { eventCity } from './attendance-documents.ts';
import { parseImportFile, type SourceRow } from './attendance-import.ts';

/** Base64 grows a file by a third: this admits sign-in lists up to about 5 MB. */
const IMPORT_FILE_BODY_LIMIT = 7 * 1024 * 1024;

export async function attendanceRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['attendance'];
  const service = createAttendanceService(ctx);

  const liveEvent = (id: number): Event => {
    const event = ctx.events.get(id);
    if (!event) throw notFound('event');
    return event;
  };

  const runImport = async (
    request: FastifyRequest,
    eventId: number,
    source: SourceRow[],
    opts: ImportOptions,
  ): Promise<ImportReport> => {
    const report = await service.import(eventId, source, opts, actor(request));
    if (opts.commit && !report.summary.committed) {
      throw new AppError(
        'IMPORT_HAS_ERRORS',
        422,
        `${report.summary.errors} Zeile(n) fehlerhaft: nichts wurde importiert`,
        {
          errors: report.rows
            .filter((r) => r.status === 'error')
            .map((r) => ({
              field: `line.${r.line}.${r.field ?? 'row'}`,
              message: `Zeile ${r.line}: ${r.message ?? 'fehlerhaft'}`,
            })),
          data: report,
        },
      );
    }
    return report;
  };

  app.get(
    '/api/events/:id/attendances',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Who is on the list, with organisation snapshot, status, role, check-in time and course hours',
        params: idParams,
        querystring: attendanceListQuery,
        response: { 200: attendancePage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      liveEvent(request.params.id);
      const { items, total } = await ctx.read.attendances.list(request.params.id, request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/events/:id/attendances',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Add a person, several persons or a pasted list of e-mails; beyond the capacity they are waitlisted',
        params: idParams,
        body: attendanceCreate,
        response: {
          200: attendanceBatchResult,
          201: z.union([attendanceCreated, attendanceBatchResult]),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const result = await service.add(request.params.id, request.body, actor(request));
      if (request.body.personId !== undefined) {
        const [created] = result.items;
        if (!created) throw new Error('single add created nothing');
        setEtag(reply, created.version);
        return reply.code(201).send(created);
      }
      return reply.code(result.items.length ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/events/:id/attendances/:personId',
    {
      config: { access: 'viewer' },
      schema: { tags, params: attendanceParams, response: { 200: attendance, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      liveEvent(request.params.id);
      const row = ctx.attendances.get(request.params.id, request.params.personId);
      if (!row) throw notFound('attendance');
      setEtag(reply, row.version);
      return row;
    },
  );

  app.patch(
    '/api/events/:id/attendances/:personId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Change status, role or note; a cancellation gives the seat to the first waitlisted person',
        params: attendanceParams,
        body: attendancePatch,
        response: { 200: attendanceUpdated, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const result = await service.update(
        request.params.id,
        request.params.personId,
        version,
        request.body,
        actor(request),
      );
      setEtag(reply, result.version);
      return result;
    },
  );

  app.delete(
    '/api/events/:id/attendances/:personId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Remove a person from the list; a freed seat goes to the first waitlisted person',
        params: attendanceParams,
        response: { 200: attendanceDeleted, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request) => {
      const version = requireIfMatch(request);
      return service.remove(request.params.id, request.params.personId, version, actor(request));
    },
  );

  // Check-in mode

  app.post(
    '/api/events/:id/check-in',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          'Mark a person attended now (idempotent); someone not on the list is added as attended. Before the ' +
          "event's first day this answers 409 CHECK_IN_BEFORE_EVENT unless confirm is true",
        params: idParams,
        body: checkInBody,
        response: { 200: attendance, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { personId, confirm } = request.body;
      const row = await service.checkIn(request.params.id, personId, confirm, actor(request));
      setEtag(reply, row.version);
      return row;
    },
  );

  app.delete(
    '/api/events/:id/check-in/:personId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          'Undo a check-in: the status before it comes back, or the person leaves the list when the check-in added ' +
          'them; a freed seat goes to the waiting list (`promoted`). If-Match (of the attendance) is checked when sent',
        params: attendanceParams,
        response: { 200: checkInUndone, ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request) => {
      const header = request.headers['if-match'];
      const version = header === undefined ? undefined : requireIfMatch(request);
      return service.undoCheckIn(request.params.id, request.params.personId, version, actor(request));
    },
  );

  app.post(
    '/api/events/:id/walk-ins',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          'Check in someone not on the list: an existing person with the e-mail is used, otherwise one is created',
        params: idParams,
        body: walkInBody,
        response: { 201: walkInResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.walkIn(request.params.id, request.body, actor(request))),
  );

  app.get(
    '/api/events/:id/counters',
    {
      config: { access: 'viewer' },
      schema: { tags, params: idParams, response: { 200: attendanceCounters, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => service.counters(request.params.id),
  );

  app.put(
    '/api/events/:id/sessions/:sessionId/attendance',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          'Set who attended a course session; each is credited the session’s hours and marked attended (before the ' +
          "session's day only with confirm)",
        params: sessionParams,
        body: sessionAttendanceBody,
        response: { 200: sessionAttendanceResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { personIds, confirm } = request.body;
      return service.setSessionAttendance(
        request.params.id,
        request.params.sessionId,
        personIds,
        confirm,
        actor(request),
      );
    },
  );

  // Import of a sign-in list

  app.post(
    '/api/events/:id/attendances/import',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          'Check (commit=false) or import (commit=true) rows of a sign-in list; with an error nothing is imported (422)',
        params: idParams,
        body: attendanceImportBody,
        response: { 200: importReport, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { rows, ...opts } = request.body;
      return runImport(
        request,
        request.params.id,
        rows.map((row, i) => ({ line: i + 1, row })),
        opts,
      );
    },
  );

  app.post(
    '/api/events/:id/attendances/import-file',
    {
      config: { access: 'manager' },
      bodyLimit: IMPORT_FILE_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Like /import, for a .csv (UTF-8, ; or ,) or .xlsx file sent base64-encoded; lines are the file’s lines',
        params: idParams,
        body: attendanceImportFileBody,
        response: { 200: importReport, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request) => {
      const { fileName, contentBase64, ...opts } = request.body;
      liveEvent(request.params.id);
      const source = await parseImportFile(fileName, contentBase64);
      return runImport(request, request.params.id, source, opts);
    },
  );

  // Documents (PDF)

  const attendedCourse = (id: number): Event => {
    const event = liveEvent(id);
    if (event.kind !== 'course')
      throw new AppError('EVENT_NOT_A_COURSE', 409, 'Certificates are issued for courses only');
    return event;
  };
  const certificateOf = (event: Event, attendance: Attendance) => ({
    attendance,
    sessions: ctx.attendances.attendedSessions(event.id, attendance.personId),
  });
  const cityOf = (event: Event) => eventCity(event.location, ctx.events.hostCity(event.nodeId));

  app.get(
    '/api/events/:id/attendance-list.pdf',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary:
          'Teilnehmerliste (PDF) of registered and attended persons, with blank rows for walk-ins and a signature column per course session',
        params: idParams,
        querystring: attendanceListPdfQuery,
        produces: [PDF_TYPE],
        response: { 200: fileResponse('the PDF'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const event = liveEvent(request.params.id);
      const people = ctx.attendances.byStatus(event.id, ['registered', 'attended']);
      const sessions = event.kind === 'course' ? ctx.events.sessions(event.id) : [];
      const pdf = await ctx.jobs.documents.attendanceList(event, people, request.query.blankRows, nowIso(), sessions);
      return sendFile(reply, PDF_TYPE, safeFilename(`Teilnehmerliste ${event.title}`, 'pdf'), pdf);
    },
  );

  app.get(
    '/api/events/:id/certificates.pdf',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Teilnahmebescheinigungen (PDF, one page each) for everyone who attended a course as a participant',
        description:
          'Only attendees in a participant role (guest); trainers, organisers and other contributors get a ' +
          'Bestätigung der Mitwirkung instead: GET /api/events/:id/contributions/:personId.pdf.',
        params: idParams,
        produces: [PDF_TYPE],
        response: { 200: fileResponse('the PDF'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const event = attendedCourse(request.params.id);
      const participants = ctx.attendances.byStatus(event.id, ['attended']).filter((a) => isParticipantRole(a.role));
      if (participants.length === 0)
        throw new AppError('NOBODY_ATTENDED', 409, 'No participant has attended this course yet');
      const pdf = await ctx.jobs.documents.certificates(
        event,
        participants.map((a) => certificateOf(event, a)),
        nowIso(),
        cityOf(event),
      );
      return sendFile(reply, PDF_TYPE, safeFilename(`Teilnahmebescheinigungen ${event.title}`, 'pdf'), pdf);
    },
  );

  app.get(
    '/api/events/:id/certificates/:personId.pdf',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Teilnahmebescheinigung (PDF) for a person who attended a course as a participant',
        params: attendanceParams,
        produces: [PDF_TYPE],
        response: { 200: fileResponse('the PDF'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const event = attendedCourse(request.params.id);
      const row = ctx.attendances.get(event.id, request.params.personId);
      if (!row) throw notFound('attendance');
      if (row.status !== 'attended')
        throw new AppError('NOT_ATTENDED', 409, 'Certificates are issued for attended persons only');
      if (!isParticipantRole(row.role))
        throw new AppError(
          'NOT_A_PARTICIPANT',
          409,
          'Trainers, organisers and other contributors get a confirmation of their contribution, not a certificate of attendance',
        );
      const pdf = await ctx.jobs.documents.certificates(event, [certificateOf(event, row)], nowIso(), cityOf(event));
      const name = `Teilnahmebescheinigung ${row.person.lastName} ${row.person.firstName} ${event.title}`;
      return sendFile(reply, PDF_TYPE, safeFilename(name, 'pdf'), pdf);
    },
  );

  app.get(
    '/api/events/:id/contributions/:personId.pdf',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary:
          'Bestätigung der Mitwirkung (PDF) for a trainer, organiser, speaker, panelist or moderator who took part in an event',
        params: attendanceParams,
        produces: [PDF_TYPE],
        response: { 200: fileResponse('the PDF'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const event = liveEvent(request.params.id);
      const row = ctx.attendances.get(event.id, request.params.personId);
      if (!row) throw notFound('attendance');
      if (row.status !== 'attended')
        throw new AppError('NOT_ATTENDED', 409, 'A contribution is confirmed for attended persons only');
      if (!isContributorRole(row.role))
        throw new AppError('NOT_A_CONTRIBUTOR', 409, 'Participants get a certificate of attendance instead');
      const pdf = await ctx.jobs.documents.contributions(event, [certificateOf(event, row)], nowIso(), cityOf(event));
      const name = `Bestaetigung Mitwirkung ${row.person.lastName} ${row.person.firstName} ${event.title}`;
      return sendFile(reply, PDF_TYPE, safeFilename(name, 'pdf'), pdf);
    },
  );
}
