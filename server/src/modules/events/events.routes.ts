import type { SessionRow } from '@anett/db/schema';
import { events } from '@anett/shared/routes/event';
import { type EventDetail, endsAtIssue, slugify } from '@anett/shared/schemas/event';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { created, versionedChange, withEtag } from '../../lib/concurrency.ts';
import { AppError, fieldError, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { formatRange } from '../../lib/pdf.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { createAttendanceService } from './attendance.service.ts';

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
  const route = describedRoutes(fastify);
  const attendance = createAttendanceService(ctx);

  const load = (id: number): EventDetail => orNotFound(ctx.events.detail(id), 'event');
  const loadSession = (eventId: number, sessionId: number): SessionRow => {
    load(eventId);
    return orNotFound(ctx.events.findSession(eventId, sessionId), 'session');
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
        throw AppError.of('EVENT_SLUG_TAKEN', 'Another event has this address', {
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
    throw AppError.of('SESSION_OVERLAP', `The session overlaps the session of ${when}`, {
      errors: [{ field: 'startsAt', message: `überschneidet sich mit dem Termin ${when}` }],
      data: { session: other },
    });
  };
  /** Fewer seats than are taken only after the user confirmed it (409 naming `capacity`). */
  const checkCapacity = (eventId: number, capacity: number) => {
    const taken = ctx.attendances.seatsTaken(eventId);
    if (capacity >= taken) return;
    throw AppError.of('CAPACITY_BELOW_BOOKINGS', `${taken} seats are taken; send confirm: true to keep ${capacity}`, {
      errors: [
        {
          field: 'capacity',
          message: `${taken} Plätze sind schon belegt – ${capacity} nur mit Bestätigung (confirm)`,
        },
      ],
      data: { capacity, taken },
    });
  };

  route(events.list, 'viewer', async (request) => {
    return pageOf(await ctx.read.events.list(request.query), request.query);
  });

  route(events.create, 'manager', async (request, reply) => {
    const { topicIds, ...values } = request.body;
    checkReferences(values.nodeId, topicIds);
    values.publicSlug = publicSlugFor(values.publicSlug, { ...values, publicSlug: null }) ?? null;
    const row = await ctx.audited(
      actor(request),
      'event',
      'create',
      () => load(ctx.events.create(values, topicIds).id),
      (created) => diffRecords(null, auditView(created)),
    );
    return created(reply, row);
  });

  route(events.get, 'viewer', async (request, reply) => {
    const detail = orNotFound(await ctx.read.events.detail(request.params.id), 'event');
    return withEtag(reply, detail);
  });

  route(events.update, 'manager', async (request, reply) => {
    const { topicIds, confirm, ...values } = request.body;
    // The change, the promotions a larger capacity allows and the audit entry commit together.
    const after = await versionedChange(ctx, request, {
      load: () => load(request.params.id),
      check: (before) => {
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
      },
      write: (before, version) => {
        const capacityChanged = values.capacity !== undefined && values.capacity !== before.capacity;
        if (capacityChanged && values.capacity != null && !confirm) checkCapacity(before.id, values.capacity);
        if (!ctx.events.update(before.id, version, values, topicIds)) return undefined;
        const promoted = capacityChanged ? attendance.fillSeats(before.id, actor(request)) : [];
        return { ...load(before.id), promoted };
      },
      audit: { entity: 'event', action: 'update', diff: (b, a) => diffRecords(auditView(b), auditView(a)) },
    });
    return withEtag(reply, after);
  });

  route(events.delete, 'manager', async (request, reply) => {
    await versionedChange(ctx, request, {
      load: () => load(request.params.id),
      write: (before, version) => ctx.events.softDelete(before.id, version) && before,
      audit: { entity: 'event', action: 'delete', diff: (before) => diffRecords(auditView(before), null) },
    });
    return reply.code(204).send(null);
  });

  // Sessions of a course

  route(events.createSession, 'manager', async (request, reply) => {
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
    return created(reply, row);
  });

  route(events.updateSession, 'manager', async (request, reply) => {
    const values = request.body;
    const rangeOf = (before: { startsAt: string; endsAt: string | null }) => ({
      startsAt: values.startsAt ?? before.startsAt,
      endsAt: values.endsAt === undefined ? before.endsAt : values.endsAt,
    });
    const after = await versionedChange(ctx, request, {
      load: () => loadSession(request.params.id, request.params.sessionId),
      check: (before) => checkRange(rangeOf(before)),
      write: (before, version) => {
        checkNoOverlap(before.eventId, rangeOf(before), before.id);
        return ctx.events.updateSession(before.id, version, values);
      },
      audit: { entity: 'event_session', action: 'update', diff: (before, after) => diffRecords(before, after) },
    });
    return withEtag(reply, after);
  });

  route(events.deleteSession, 'manager', async (request, reply) => {
    await versionedChange(ctx, request, {
      load: () => loadSession(request.params.id, request.params.sessionId),
      write: (before, version) => ctx.events.deleteSession(before.id, version) && before,
      audit: { entity: 'event_session', action: 'delete', diff: (before) => diffRecords(before, null) },
    });
    return reply.code(204).send(null);
  });
}
