import { safeFilename } from '@anett/shared/csv-cell';
import { attendances } from '@anett/shared/routes/attendance';
import type { Attendance, ImportOptions, ImportReport } from '@anett/shared/schemas/attendance';
import type { Event } from '@anett/shared/schemas/event';
import { isContributorRole, isParticipantRole } from '@anett/shared/vocab/enums';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { created, requireIfMatch, withEtag } from '../../lib/concurrency.ts';
import { sendFile } from '../../lib/download.ts';
import { AppError, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { PDF_TYPE } from '../../lib/pdf.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { nowIso } from '../../lib/time.ts';
import { createAttendanceService } from './attendance.service.ts';
import { eventCity } from './attendance-documents.ts';
import { parseImportFile, type SourceRow } from './attendance-import.ts';

/** Base64 grows a file by a third: this admits sign-in lists up to about 5 MB. */
const IMPORT_FILE_BODY_LIMIT = 7 * 1024 * 1024;

export async function attendanceRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
  const service = createAttendanceService(ctx);

  const liveEvent = (id: number): Event => orNotFound(ctx.events.get(id), 'event');

  const runImport = async (
    request: FastifyRequest,
    eventId: number,
    source: SourceRow[],
    opts: ImportOptions,
  ): Promise<ImportReport> => {
    const report = await service.import(eventId, source, opts, actor(request));
    if (opts.commit && !report.summary.committed) {
      throw AppError.of('IMPORT_HAS_ERRORS', `${report.summary.errors} Zeile(n) fehlerhaft: nichts wurde importiert`, {
        errors: report.rows
          .filter((r) => r.status === 'error')
          .map((r) => ({
            field: `line.${r.line}.${r.field ?? 'row'}`,
            message: `Zeile ${r.line}: ${r.message ?? 'fehlerhaft'}`,
          })),
        data: report,
      });
    }
    return report;
  };

  route(attendances.list, 'viewer', async (request) => {
    liveEvent(request.params.id);
    return pageOf(await ctx.read.attendances.list(request.params.id, request.query), request.query);
  });

  route(attendances.add, 'manager', async (request, reply) => {
    const result = await service.add(request.params.id, request.body, actor(request));
    if (request.body.personId !== undefined) {
      const [added] = result.items;
      if (!added) throw new Error('single add created nothing');
      return created(reply, added);
    }
    return reply.code(result.items.length ? 201 : 200).send(result);
  });

  route(attendances.get, 'viewer', async (request, reply) => {
    liveEvent(request.params.id);
    const row = orNotFound(ctx.attendances.get(request.params.id, request.params.personId), 'attendance');
    return withEtag(reply, row);
  });

  route(attendances.update, 'manager', async (request, reply) => {
    const version = requireIfMatch(request);
    const result = await service.update(
      request.params.id,
      request.params.personId,
      version,
      request.body,
      actor(request),
    );
    return withEtag(reply, result);
  });

  route(attendances.remove, 'manager', async (request) => {
    const version = requireIfMatch(request);
    return service.remove(request.params.id, request.params.personId, version, actor(request));
  });

  // Check-in mode

  route(attendances.checkIn, 'manager', async (request, reply) => {
    const { personId, confirm } = request.body;
    const row = await service.checkIn(request.params.id, personId, confirm, actor(request));
    return withEtag(reply, row);
  });

  route(attendances.undoCheckIn, 'manager', async (request) => {
    const header = request.headers['if-match'];
    const version = header === undefined ? undefined : requireIfMatch(request);
    return service.undoCheckIn(request.params.id, request.params.personId, version, actor(request));
  });

  route(attendances.walkIn, 'manager', async (request, reply) =>
    reply.code(201).send(await service.walkIn(request.params.id, request.body, actor(request))),
  );

  route(attendances.counters, 'viewer', async (request) => service.counters(request.params.id));

  route(attendances.setSessionAttendance, 'manager', async (request) => {
    const { personIds, confirm } = request.body;
    return service.setSessionAttendance(
      request.params.id,
      request.params.sessionId,
      personIds,
      confirm,
      actor(request),
    );
  });

  // Import of a sign-in list

  route(attendances.import, 'manager', async (request) => {
    const { rows, ...opts } = request.body;
    return runImport(
      request,
      request.params.id,
      rows.map((row, i) => ({ line: i + 1, row })),
      opts,
    );
  });

  route(
    attendances.importFile,
    { config: { access: 'manager' }, bodyLimit: IMPORT_FILE_BODY_LIMIT },
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
    if (event.kind !== 'course') throw AppError.of('EVENT_NOT_A_COURSE', 'Certificates are issued for courses only');
    return event;
  };
  const certificateOf = (event: Event, attendance: Attendance) => ({
    attendance,
    sessions: ctx.attendances.attendedSessions(event.id, attendance.personId),
  });
  const cityOf = (event: Event) => eventCity(event.location, ctx.events.hostCity(event.nodeId));

  route(attendances.attendanceListPdf, 'viewer', async (request, reply) => {
    const event = liveEvent(request.params.id);
    const people = ctx.attendances.byStatus(event.id, ['registered', 'attended']);
    const sessions = event.kind === 'course' ? ctx.events.sessions(event.id) : [];
    const pdf = await ctx.jobs.documents.attendanceList(event, people, request.query.blankRows, nowIso(), sessions);
    return sendFile(reply, PDF_TYPE, safeFilename(`Teilnehmerliste ${event.title}`, 'pdf'), pdf);
  });

  route(attendances.certificatesPdf, 'viewer', async (request, reply) => {
    const event = attendedCourse(request.params.id);
    const participants = ctx.attendances.byStatus(event.id, ['attended']).filter((a) => isParticipantRole(a.role));
    if (participants.length === 0) throw AppError.of('NOBODY_ATTENDED', 'No participant has attended this course yet');
    const pdf = await ctx.jobs.documents.certificates(
      event,
      participants.map((a) => certificateOf(event, a)),
      nowIso(),
      cityOf(event),
    );
    return sendFile(reply, PDF_TYPE, safeFilename(`Teilnahmebescheinigungen ${event.title}`, 'pdf'), pdf);
  });

  /** One attended person's own PDF: a certificate of attendance (participants) or of contribution (the others). */
  const personalPdf = async (
    reply: FastifyReply,
    event: Event,
    personId: number,
    doc: {
      notAttended: string;
      role: (role: string) => boolean;
      notInRole: [code: 'NOT_A_PARTICIPANT' | 'NOT_A_CONTRIBUTOR', message: string];
      render: typeof ctx.jobs.documents.certificates;
      title: string;
    },
  ) => {
    const row = orNotFound(ctx.attendances.get(event.id, personId), 'attendance');
    if (row.status !== 'attended') throw AppError.of('NOT_ATTENDED', doc.notAttended);
    if (!doc.role(row.role)) throw AppError.of(...doc.notInRole);
    const pdf = await doc.render(event, [certificateOf(event, row)], nowIso(), cityOf(event));
    const name = `${doc.title} ${row.person.lastName} ${row.person.firstName} ${event.title}`;
    return sendFile(reply, PDF_TYPE, safeFilename(name, 'pdf'), pdf);
  };

  route(attendances.certificatePdf, 'viewer', async (request, reply) =>
    personalPdf(reply, attendedCourse(request.params.id), request.params.personId, {
      notAttended: 'Certificates are issued for attended persons only',
      role: isParticipantRole,
      notInRole: [
        'NOT_A_PARTICIPANT',
        'Trainers, organisers and other contributors get a confirmation of their contribution, not a certificate of attendance',
      ],
      render: ctx.jobs.documents.certificates,
      title: 'Teilnahmebescheinigung',
    }),
  );

  route(attendances.contributionPdf, 'viewer', async (request, reply) =>
    personalPdf(reply, liveEvent(request.params.id), request.params.personId, {
      notAttended: 'A contribution is confirmed for attended persons only',
      role: isContributorRole,
      notInRole: ['NOT_A_CONTRIBUTOR', 'Participants get a certificate of attendance instead'],
      render: ctx.jobs.documents.contributions,
      title: 'Bestaetigung Mitwirkung',
    }),
  );
}
