import { policy } from '@anett/shared/policy';
import { interactions } from '@anett/shared/routes/interaction';
import { ROLE_RANK } from '@anett/shared/schemas/auth';
import { type Interaction, type interactionPatch, NOBODY_LINKED } from '@anett/shared/schemas/interaction';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { created, versionedChange, withEtag } from '../../lib/concurrency.ts';
import { AppError, type FieldError, fieldError, notFound, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { berlinToday, nowIso } from '../../lib/time.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { decodeCursor, type TimelineSubject } from './timeline.repository.ts';

const invalid = (errors: FieldError[]) =>
  AppError.of('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

export async function interactionsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
  const load = (id: number) => orNotFound(ctx.interactions.get(id), 'interaction');
  /** The write and its audit entry (the entry before and after) in one transaction. */
  const audited = (request: FastifyRequest, action: string, before: Interaction | null, write: () => Interaction) =>
    ctx.audited(actor(request), 'interaction', action, write, (after) => diffRecords(before, after));
  /** The log is personal: its author and admins may change an entry, other managers only read it. */
  const requireEditor = (request: FastifyRequest, item: Interaction) => {
    if (!policy.editInteraction(request.user, item)) {
      throw AppError.of('NOT_AUTHOR', 'Only the author of this entry or an admin may change it');
    }
  };

  const loadEditable = (request: FastifyRequest, id: number) => {
    const item = load(id);
    requireEditor(request, item);
    return item;
  };

  route(interactions.list, 'viewer', async (request) => {
    return pageOf(await ctx.read.interactions.list(request.query, berlinToday()), request.query);
  });

  route(interactions.followUps, 'viewer', async (request) => {
    const { scope, page, pageSize } = request.query;
    if (scope === 'all' && ROLE_RANK[request.user.role] < ROLE_RANK.manager) {
      throw AppError.of('FORBIDDEN', 'Everyone’s follow-ups need the role manager');
    }
    const authorId = scope === 'mine' ? request.user.id : undefined;
    return {
      ...(await ctx.read.interactions.followUps({ authorId, page, pageSize }, berlinToday())),
      page,
      pageSize,
    };
  });

  route(interactions.create, 'manager', async (request, reply) => {
    const { linkOrganizations, occurredAt, ...values } = request.body;
    const row = await audited(request, 'create', null, () => {
      const errors = ctx.interactions.unknownReferences(values);
      if (errors.length) throw invalid(errors);
      const organizationIds =
        values.organizationIds.length === 0 && linkOrganizations
          ? ctx.interactions.currentOrganizationIds(values.personIds, berlinToday())
          : values.organizationIds;
      const nodeId = values.nodeId ?? (values.eventId ? ctx.interactions.nodeOfEvent(values.eventId) : null);
      const id = ctx.interactions.create({
        ...values,
        organizationIds,
        nodeId,
        occurredAt: occurredAt ?? nowIso(),
        authorId: request.user.id,
      });
      return load(id);
    });
    return created(reply, row);
  });

  route(interactions.get, 'viewer', async (request, reply) => {
    const item = orNotFound(await ctx.read.interactions.get(request.params.id), 'interaction');
    return withEtag(reply, item);
  });

  route(interactions.update, 'manager', async (request, reply) => {
    const changes = request.body;
    const followUpChanged = (before: Interaction) =>
      changes.followUpOn !== undefined && changes.followUpOn !== before.followUpOn;
    const after = await versionedChange(ctx, request, {
      load: () => loadEditable(request, request.params.id),
      check: (before) => checkLinks(changes, before),
      write: (before, version) =>
        ctx.interactions.update(before.id, version, {
          ...changes,
          ...(followUpChanged(before) ? { followUpDoneAt: null } : {}),
        }) && load(before.id),
      audit: { entity: 'interaction', action: 'update', diff: (before, after) => diffRecords(before, after) },
    });
    return withEtag(reply, after);
  });

  /** A change keeps at least one link, and only new links must exist. */
  const checkLinks = (changes: z.output<typeof interactionPatch>, before: Interaction) => {
    const personIds = changes.personIds ?? before.persons.map((p) => p.id);
    const organizationIds = changes.organizationIds ?? before.organizations.map((o) => o.id);
    if (personIds.length === 0 && organizationIds.length === 0)
      throw invalid([{ field: 'personIds', message: NOBODY_LINKED }]);
    // Links the entry already has stay valid even if the record was deleted meanwhile.
    const added = (ids: number[] | undefined, existing: { id: number }[]) =>
      ids?.filter((id) => !existing.some((e) => e.id === id));
    const errors = ctx.interactions.unknownReferences({
      personIds: added(changes.personIds, before.persons),
      organizationIds: added(changes.organizationIds, before.organizations),
      nodeId: changes.nodeId === before.node?.id ? undefined : changes.nodeId,
      eventId: changes.eventId === before.event?.id ? undefined : changes.eventId,
      topicIds: added(changes.topicIds, before.topics),
    });
    if (errors.length) throw invalid(errors);
  };

  route(interactions.delete, 'manager', async (request, reply) => {
    await versionedChange(ctx, request, {
      load: () => loadEditable(request, request.params.id),
      write: (before, version) => ctx.interactions.softDelete(before.id, version) && before,
      audit: { entity: 'interaction', action: 'delete', diff: (before) => diffRecords(before, null) },
    });
    return reply.code(204).send(null);
  });

  route(interactions.followUpDone, 'manager', async (request, reply) => {
    const before = load(request.params.id);
    if (!before.followUpOn) throw AppError.of('NO_FOLLOW_UP', 'This entry has no follow-up date');
    if (before.followUpDoneAt) {
      return withEtag(reply, before);
    }
    const after = await audited(request, 'follow_up_done', before, () => {
      ctx.interactions.markFollowUpDone(before.id);
      return load(before.id);
    });
    return withEtag(reply, after);
  });

  // Timelines live under the persons', organisations' and nodes' URLs but are built from this module's data.
  const timelineRoute = (subject: TimelineSubject, described: typeof interactions.personTimeline) =>
    route(described, 'viewer', async (request) => {
      const { id } = request.params;
      const { limit, cursor: raw } = request.query;
      const cursor = raw === undefined ? undefined : decodeCursor(raw);
      if (raw !== undefined && !cursor) throw fieldError('cursor', 'ungültiger Cursor');
      const [exists, page] = await Promise.all([
        ctx.read.timeline.exists(subject, id),
        ctx.read.timeline.page(subject, id, { limit, cursor }),
      ]);
      if (!exists) throw notFound(subject);
      return page;
    });
  timelineRoute('person', interactions.personTimeline);
  timelineRoute('organization', interactions.organizationTimeline);
  timelineRoute('node', interactions.nodeTimeline);
}
