import { safeFilename } from '@anett/shared/csv-cell';
import { attendances } from '@anett/shared/routes/attendance';
import type { Attendance, ImportOptions, ImportReport } from '@anett/shared/schemas/attendance';
import type { Event } from '@anett/shared/schemas/event';
import { isContributorRole, isParticipantRole } from '@anett/shared/vocab/enums';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag } from '../../lib/concurrency.ts';
import { sendFile } from '../../lib/download.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { PDF_TYPE } from '../../lib/pdf.ts';
import { actor } from '../../lib/request-context.ts';
import { schemaOf } from '../../lib/route-schemas.ts';
import { nowIso } from '../../lib/time.ts';
import { createAttendanceService } from './attendance.service.ts';
import { eventCity } from './attendance-documents.ts';
import { parseImportFile, type SourceRow } from './attendance-import.ts';

/** Base64 grows a file by a third: this admits sign-in lists up to about 5 MB. */
const IMPORT_FILE_BODY_LIMIT = 7 * 1024 * 1024;

export async function attendanceRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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
    attendances.list.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(attendances.list),
    },
    async (request) => {
      liveEvent(request.params.id);
      const { items, total } = await ctx.read.attendances.list(request.params.id, request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    attendances.add.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.add),
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
    attendances.get.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(attendances.get),
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
    attendances.update.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.update),
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
    attendances.remove.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.remove),
    },
    async (request) => {
      const version = requireIfMatch(request);
      return service.remove(request.params.id, request.params.personId, version, actor(request));
    },
  );

  // Check-in mode

  app.post(
    attendances.checkIn.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.checkIn),
    },
    async (request, reply) => {
      const { personId, confirm } = request.body;
      const row = await service.checkIn(request.params.id, personId, confirm, actor(request));
      setEtag(reply, row.version);
      return row;
    },
  );

  app.delete(
    attendances.undoCheckIn.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.undoCheckIn),
    },
    async (request) => {
      const header = request.headers['if-match'];
      const version = header === undefined ? undefined : requireIfMatch(request);
      return service.undoCheckIn(request.params.id, request.params.personId, version, actor(request));
    },
  );

  app.post(
    attendances.walkIn.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.walkIn),
    },
    async (request, reply) =>
      reply.code(201).send(await service.walkIn(request.params.id, request.body, actor(request))),
  );

  app.get(
    attendances.counters.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(attendances.counters),
    },
    async (request) => service.counters(request.params.id),
  );

  app.put(
    attendances.setSessionAttendance.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.setSessionAttendance),
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
    attendances.import.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(attendances.import),
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
    attendances.importFile.path,
    {
      config: { access: 'manager' },
      bodyLimit: IMPORT_FILE_BODY_LIMIT,
      schema: schemaOf(attendances.importFile),
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
    attendances.attendanceListPdf.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(attendances.attendanceListPdf),
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
    attendances.certificatesPdf.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(attendances.certificatesPdf),
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
    attendances.certificatePdf.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(attendances.certificatePdf),
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
    attendances.contributionPdf.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(attendances.contributionPdf),
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
