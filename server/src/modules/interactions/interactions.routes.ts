import { policy } from '@anett/shared/policy';
import { ROLE_RANK } from '@anett/shared/schemas/auth';
import { idParams } from '@anett/shared/schemas/common';
import {
  followUpPage,
  followUpQuery,
  type Interaction,
  interaction,
  interactionCreate,
  interactionListQuery,
  interactionPage,
  interactionPatch,
  NOBODY_LINKED,
  timelinePage,
  timelineQuery,
} from '@anett/shared/schemas/interaction';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag, versionConflict } from '../../lib/concurrency.ts';
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { berlinToday, nowIso } from '../../lib/time.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { decodeCursor, type TimelineSubject } from './timeline.repository.ts';

const invalid = (errors: FieldError[]) =>
  new AppError('VALIDATION_FAILED', 400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

export async function interactionsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['interactions'];
  const load = (id: number) => {
    const item = ctx.interactions.get(id);
    if (!item) throw notFound('interaction');
    return item;
  };
  /** The write and its audit entry (the entry before and after) in one transaction. */
  const audited = (request: FastifyRequest, action: string, before: Interaction | null, write: () => Interaction) =>
    ctx.audited(actor(request), 'interaction', action, write, (after) => diffRecords(before, after));
  /** The log is personal: its author and admins may change an entry, other managers only read it. */
  const requireEditor = (request: FastifyRequest, item: Interaction) => {
    if (!policy.editInteraction(request.user, item)) {
      throw new AppError('NOT_AUTHOR', 403, 'Only the author of this entry or an admin may change it');
    }
  };

  app.get(
    '/api/interactions',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'The contact log, newest first',
        querystring: interactionListQuery,
        response: { 200: interactionPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = await ctx.read.interactions.list(request.query, berlinToday());
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/interactions/follow-ups',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: '"Meine Wiedervorlagen": open follow-ups, overdue first, then by date',
        querystring: followUpQuery,
        response: { 200: followUpPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { scope, page, pageSize } = request.query;
      if (scope === 'all' && ROLE_RANK[request.user.role] < ROLE_RANK.manager) {
        throw new AppError('FORBIDDEN', 403, 'Everyone’s follow-ups need the role manager');
      }
      const authorId = scope === 'mine' ? request.user.id : undefined;
      return {
        ...(await ctx.read.interactions.followUps({ authorId, page, pageSize }, berlinToday())),
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/api/interactions',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Log a contact; with persons only, their current organisations are linked too',
        body: interactionCreate,
        response: { 201: interaction, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { linkOrganizations, occurredAt, ...values } = request.body;
      const created = await audited(request, 'create', null, () => {
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
      setEtag(reply, created.version);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/interactions/:id',
    {
      config: { access: 'viewer' },
      schema: { tags, params: idParams, response: { 200: interaction, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const item = await ctx.read.interactions.get(request.params.id);
      if (!item) throw notFound('interaction');
      setEtag(reply, item.version);
      return item;
    },
  );

  app.patch(
    '/api/interactions/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Change an entry (its author or an admin); a new follow-up date reopens the follow-up',
        params: idParams,
        body: interactionPatch,
        response: { 200: interaction, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = load(request.params.id);
      requireEditor(request, before);
      const changes = request.body;
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
      const followUpChanged = changes.followUpOn !== undefined && changes.followUpOn !== before.followUpOn;
      const after = await audited(request, 'update', before, () => {
        const ok = ctx.interactions.update(before.id, version, {
          ...changes,
          ...(followUpChanged ? { followUpDoneAt: null } : {}),
        });
        if (!ok) throw versionConflict(before);
        return load(before.id);
      });
      setEtag(reply, after.version);
      return after;
    },
  );

  app.delete(
    '/api/interactions/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Delete an entry (its author or an admin); soft: the row stays for the audit trail',
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = load(request.params.id);
      requireEditor(request, before);
      await ctx.audited(
        actor(request),
        'interaction',
        'delete',
        () => {
          if (!ctx.interactions.softDelete(before.id, version)) throw versionConflict(before);
          return before;
        },
        () => diffRecords(before, null),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/interactions/:id/follow-up-done',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Mark the follow-up as done (any manager may; repeating it changes nothing)',
        params: idParams,
        response: { 200: interaction, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const before = load(request.params.id);
      if (!before.followUpOn) throw new AppError('NO_FOLLOW_UP', 409, 'This entry has no follow-up date');
      if (before.followUpDoneAt) {
        setEtag(reply, before.version);
        return before;
      }
      const after = await audited(request, 'follow_up_done', before, () => {
        ctx.interactions.markFollowUpDone(before.id);
        return load(before.id);
      });
      setEtag(reply, after.version);
      return after;
    },
  );

  // Timelines live under the persons', organisations' and nodes' URLs but are built from this module's data.
  const timelineRoute = (subject: TimelineSubject, prefix: string) =>
    app.get(
      `/api/${prefix}/:id/timeline`,
      {
        config: { access: 'viewer' },
        schema: {
          tags,
          summary: `Interactions and attendances of the ${subject}, newest first`,
          params: idParams,
          querystring: timelineQuery,
          response: { 200: timelinePage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
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
      },
    );
  timelineRoute('person', 'persons');
  timelineRoute('organization', 'organizations');
  timelineRoute('node', 'nodes');
}
