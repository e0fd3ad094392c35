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
  sessionInput,
  sessionParams,
  sessionPatch,
} from '@anett/shared/schemas/event';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag, updatedOrConflict, versionConflict } from '../../lib/concurrency.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
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
  const checkRange = (r: { startsAt: string; endsAt: string | null }) => {
    const issue = endsAtIssue(r);
    if (issue) throw fieldError(issue.field, issue.message);
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
      const { items, total } = ctx.events.list(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.post(
    '/api/events',
    {
      config: { access: 'manager' },
      schema: { tags, body: eventInput, response: { 201: eventDetail, ...errorResponses(400, 401, 403) } },
    },
    async (request, reply) => {
      const { topicIds, ...values } = request.body;
      checkReferences(values.nodeId, topicIds);
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
      const detail = load(request.params.id);
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
        summary: 'Change an event; more capacity promotes waitlisted persons',
        params: idParams,
        body: eventPatch,
        response: { 200: eventDetail, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = load(request.params.id);
      const { topicIds, ...values } = request.body;
      checkRange({
        startsAt: values.startsAt ?? before.startsAt,
        endsAt: values.endsAt === undefined ? before.endsAt : values.endsAt,
      });
      checkReferences(values.nodeId, topicIds);
      // The change, the promotions a larger capacity allows and the audit entry commit together.
      const after = await ctx.audited(
        actor(request),
        'event',
        'update',
        () => {
          if (!ctx.events.update(before.id, version, values, topicIds)) throw versionConflict(before);
          if (values.capacity !== undefined && values.capacity !== before.capacity)
            attendance.fillSeats(before.id, actor(request));
          return load(before.id);
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
        body: sessionInput,
        response: { 201: eventSession, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const event = load(request.params.id);
      const row = await ctx.audited(
        actor(request),
        'event_session',
        'create',
        () => ctx.events.createSession(event.id, request.body),
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
        summary: 'Change a session; changed hours are credited anew to its attendees',
        params: sessionParams,
        body: sessionPatch,
        response: { 200: eventSession, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = loadSession(request.params.id, request.params.sessionId);
      const values = request.body;
      checkRange({
        startsAt: values.startsAt ?? before.startsAt,
        endsAt: values.endsAt === undefined ? before.endsAt : values.endsAt,
      });
      const after = await ctx.audited(
        actor(request),
        'event_session',
        'update',
        () => updatedOrConflict(ctx.events.updateSession(before.id, version, values), before),
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
