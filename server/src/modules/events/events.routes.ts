import { idParams, okResponse } from '@anett/shared/schemas/common';
import {
  type EventDetail,
  endsAtIssue,
  eventDetail,
  eventInput,
  eventListQuery,
  eventPage,
  eventPatch,
  eventSession,
  eventUpdated,
  sessionInput,
  sessionParams,
  sessionPatch,
  slugify,
} from '@anett/shared/schemas/event';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag, updatedOrConflict, versionConflict } from '../../lib/concurrency.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import { formatRange } from '../../lib/pdf.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { createAttendanceService } from './attendance.service.ts';
import type { SessionRow } from './events.repository.ts';

/** The fields of an event as the audit log compares them. */
const auditView = (e: EventDetail) => ({
  title: e.title,
  kind: e.kind,
  nodeId: e.nodeId,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  location: e.location,
  capacity: e.capacity,
  description: e.description,
  topicIds: e.topics.map((t) => t.id),
  publicRegistration: e.publicRegistration,
  publicSlug: e.publicSlug,
});

export async function eventsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  const attendance = createAttendanceService(ctx);

  const load = (id: number): EventDetail => {
    const detail = ctx.events.detail(id);
    if (!detail) throw notFound('event');
    return detail;
  };
  const loadSession = (eventId: number, sessionId: number): SessionRow => {
    load(eventId);
    const session = ctx.events.findSession(eventId, sessionId);
    if (!session) throw notFound('session');
    return session;
  };
  const checkReferences = (nodeId: number | null | undefined, topicIds: number[] | undefined) => {
    if (nodeId != null && !ctx.events.nodeExists(nodeId)) throw fieldError('nodeId', 'unbekannter QTI-Knoten');
    const missing = ctx.events.missingTopicIds(topicIds ?? []);
    if (missing.length) throw fieldError('topicIds', `unbekannte Themen: ${missing.join(', ')}`);
  };
  /** The public page's slug: the one given (409 when another event has it), else one derived from the title. */
  const publicSlugFor = (
    wanted: string | null | undefined,
    current: { publicRegistration: boolean; publicSlug: string | null; title: string },
    eventId?: number,
  ): string | null | undefined => {
    if (wanted) {
      if (ctx.events.slugTaken(wanted, eventId)) {
        throw new AppError('EVENT_SLUG_TAKEN', 409, 'Another event has this address', {
          errors: [{ field: 'publicSlug', message: 'ist schon einer anderen Veranstaltung zugeordnet' }],
        });
      }
      return wanted;
    }
    if (!current.publicRegistration || current.publicSlug) return wanted;
    const base = slugify(current.title).slice(0, 70) || 'veranstaltung';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!ctx.events.slugTaken(candidate, eventId)) return candidate;
    }
  };
  const checkRange = (r: { startsAt: string; endsAt: string | null }) => {
    const issue = endsAtIssue(r);
    if (issue) throw fieldError(issue.field, issue.message);
  };
  /** Two sessions of one course cannot take place at the same time (409 naming `startsAt`). */
  const checkNoOverlap = (eventId: number, r: { startsAt: string; endsAt: string | null }, exceptId?: number) => {
    const other = ctx.events.overlappingSession(eventId, r, exceptId);
    if (!other) return;
    const when = formatRange(other.startsAt, other.endsAt);
    throw new AppError('SESSION_OVERLAP', 409, `The session overlaps the session of ${when}`, {
      errors: [{ field: 'startsAt', message: `überschneidet sich mit dem Termin ${when}` }],
      data: { session: other },
    });
  };
  /** Fewer seats than are taken only after the user confirmed it (409 naming `capacity`). */
  const checkCapacity = (eventId: number, capacity: number) => {
    const taken = ctx.attendances.seatsTaken(eventId);
    if (capacity >= taken) return;
    throw new AppError(
      'CAPACITY_BELOW_BOOKINGS',
      409,
      `${taken} seats are taken; send confirm: true to keep ${capacity}`,
      {
        errors: [
          {
            field: 'capacity',
            message: `${taken} Plätze sind schon belegt – ${capacity} nur mit Bestätigung (confirm)`,
          },
        ],
        data: { capacity, taken },
      },
    );
  };

  app.get(
    '/api/events',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Events: upcoming or past, by node, kind, topic, year or date range (for calendar views)',
        querystring: eventListQuery,
        response: { 200: eventPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = await ctx.read.events.list(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/events',
    {
      config: { access: 'manager' },
      schema: { tags, body: eventInput, response: { 201: eventDetail, ...errorResponses(400, 401, 403, 409) } },
    },
    async (request, reply) => {
      const { topicIds, ...values } = request.body;
      checkReferences(values.nodeId, topicIds);
      values.publicSlug = publicSlugFor(values.publicSlug, { ...values, publicSlug: null }) ?? null;
      const created = await ctx.audited(
        actor(request),
        'event',
        'create',
        () => load(ctx.events.create(values, topicIds).id),
        (created) => diffRecords(null, auditView(created)),
      );
      setEtag(reply, created.version);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/events/:id',
    {
      config: { access: 'viewer' },
      schema: { tags, params: idParams, response: { 200: eventDetail, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const detail = await ctx.read.events.detail(request.params.id);
      if (!detail) throw notFound('event');
      setEtag(reply, detail.version);
      return detail;
    },
  );

  app.patch(
    '/api/events/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          'Change an event; more capacity promotes waitlisted persons (listed in `promoted`), a capacity below the ' +
          'seats taken answers 409 CAPACITY_BELOW_BOOKINGS unless confirm is true',
        params: idParams,
        body: eventPatch,
        response: { 200: eventUpdated, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = load(request.params.id);
      const { topicIds, confirm, ...values } = request.body;
      const capacityChanged = values.capacity !== undefined && values.capacity !== before.capacity;
      checkRange({
        startsAt: values.startsAt ?? before.startsAt,
        endsAt: values.endsAt === undefined ? before.endsAt : values.endsAt,
      });
      checkReferences(values.nodeId, topicIds);
      const slug = publicSlugFor(
        values.publicSlug,
        {
          title: values.title ?? before.title,
          publicRegistration: values.publicRegistration ?? before.publicRegistration,
          publicSlug: values.publicSlug === undefined ? before.publicSlug : values.publicSlug,
        },
        before.id,
      );
      if (slug !== undefined) values.publicSlug = slug;
      // The change, the promotions a larger capacity allows and the audit entry commit together.
      const after = await ctx.audited(
        actor(request),
        'event',
        'update',
        () => {
          if (capacityChanged && values.capacity != null && !confirm) checkCapacity(before.id, values.capacity);
          if (!ctx.events.update(before.id, version, values, topicIds)) throw versionConflict(before);
          const promoted = capacityChanged ? attendance.fillSeats(before.id, actor(request)) : [];
          return { ...load(before.id), promoted };
        },
        (after) => diffRecords(auditView(before), auditView(after)),
      );
      setEtag(reply, after.version);
      return after;
    },
  );

  app.delete(
    '/api/events/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Delete an event (soft: attendances are kept)',
        params: idParams,
        response: { 200: okResponse, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request) => {
      const version = requireIfMatch(request);
      const before = load(request.params.id);
      await ctx.audited(
        actor(request),
        'event',
        'delete',
        () => {
          if (!ctx.events.softDelete(before.id, version)) throw versionConflict(before);
          return before;
        },
        () => diffRecords(auditView(before), null),
      );
      return { ok: true as const };
    },
  );

  // Sessions of a course

  app.post(
    '/api/events/:id/sessions',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        params: idParams,
        summary: 'Add a session; one overlapping another session of the course answers 409 SESSION_OVERLAP',
        body: sessionInput,
        response: { 201: eventSession, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const event = load(request.params.id);
      const row = await ctx.audited(
        actor(request),
        'event_session',
        'create',
        () => {
          checkNoOverlap(event.id, request.body);
          return ctx.events.createSession(event.id, request.body);
        },
        (row) => diffRecords(null, row),
      );
      setEtag(reply, row.version);
      return reply.code(201).send(row);
    },
  );

  app.patch(
    '/api/events/:id/sessions/:sessionId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Change a session; changed hours are credited anew to its attendees; no overlap with another session',
        params: sessionParams,
        body: sessionPatch,
        response: { 200: eventSession, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = loadSession(request.params.id, request.params.sessionId);
      const values = request.body;
      const range = {
        startsAt: values.startsAt ?? before.startsAt,
        endsAt: values.endsAt === undefined ? before.endsAt : values.endsAt,
      };
      checkRange(range);
      const after = await ctx.audited(
        actor(request),
        'event_session',
        'update',
        () => {
          checkNoOverlap(before.eventId, range, before.id);
          return updatedOrConflict(ctx.events.updateSession(before.id, version, values), before);
        },
        (after) => diffRecords(before, after),
      );
      setEtag(reply, after.version);
      return after;
    },
  );

  app.delete(
    '/api/events/:id/sessions/:sessionId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Delete a session and who attended it',
        params: sessionParams,
        response: { 200: okResponse, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request) => {
      const version = requireIfMatch(request);
      const before = loadSession(request.params.id, request.params.sessionId);
      await ctx.audited(
        actor(request),
        'event_session',
        'delete',
        () => {
          if (!ctx.events.deleteSession(before.id, version)) throw versionConflict(before);
          return before;
        },
        () => diffRecords(before, null),
      );
      return { ok: true as const };
    },
  );
}
