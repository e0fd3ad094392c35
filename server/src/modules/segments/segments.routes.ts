import { segments } from '@anett/shared/routes/segment';
import type { PersonFilter } from '@anett/shared/schemas/person';
import { type Segment, segmentFilter } from '@anett/shared/schemas/segment';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { created, versionedChange, withEtag } from '../../lib/concurrency.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import type { SegmentWithOwner } from './segments.repository.ts';

/** The stored filter, read back through the same schema it was saved with. */
export function segmentPersonFilter(row: { filter: unknown }): PersonFilter {
  const parsed = segmentFilter.safeParse(row.filter);
  // A filter saved under an older vocabulary still applies as far as its values go.
  return parsed.success ? parsed.data : (row.filter as PersonFilter);
}

const auditView = (s: { name: string; filter: unknown; shared: boolean }) => ({
  name: s.name,
  filter: s.filter,
  shared: s.shared,
});

/** A segment to read: the caller's own, a shared one, or any for an admin; others do not exist for the caller. */
export function loadVisibleSegment(ctx: AppContext, request: FastifyRequest, id: number): SegmentWithOwner {
  const row = ctx.segments.find(id);
  const user = request.user;
  if (!row || (row.ownerId !== user.id && !row.shared && user.role !== 'admin')) throw notFound('segment');
  return row;
}

export async function segmentsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  const editable = (request: FastifyRequest, row: SegmentWithOwner) =>
    row.ownerId === request.user.id || request.user.role === 'admin';
  const view = (request: FastifyRequest, row: SegmentWithOwner): Segment => ({
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    name: row.name,
    filter: (row.filter ?? {}) as Record<string, unknown>,
    shared: row.shared,
    owner: { id: row.ownerId, name: row.ownerName },
    count: ctx.segments.count(segmentPersonFilter(row)),
    editable: editable(request, row),
  });
  /** A segment the caller may change: visible, and owned by them unless they are an admin. */
  const loadEditable = (request: FastifyRequest, id: number) => {
    const row = loadVisibleSegment(ctx, request, id);
    if (!editable(request, row)) throw AppError.of('FORBIDDEN', 'Only the owner or an admin may change a segment');
    return row;
  };
  /** A 412 carries the segment as it is now. */
  const current = (request: FastifyRequest, before: SegmentWithOwner) =>
    view(request, ctx.segments.find(before.id) ?? before);

  route(segments.list, 'viewer', async (request) => {
    const { rows, total } = ctx.segments.list(request.user.id, request.query);
    return {
      items: rows.map((r) => view(request, r)),
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
    };
  });

  route(segments.create, 'manager', async (request, reply) => {
    const row = await ctx.audited(
      actor(request),
      'segment',
      'create',
      () => ctx.segments.create(request.user.id, request.body),
      (row) => diffRecords(null, auditView(row)),
    );
    return created(reply, view(request, ctx.segments.find(row.id) as SegmentWithOwner));
  });

  route(segments.get, 'viewer', async (request, reply) => {
    return withEtag(reply, view(request, loadVisibleSegment(ctx, request, request.params.id)));
  });

  route(segments.update, 'manager', async (request, reply) => {
    const after = await versionedChange(ctx, request, {
      load: () => loadEditable(request, request.params.id),
      current: (before) => current(request, before),
      write: (before, version) => ctx.segments.update(before.id, version, request.body),
      audit: (before, row) => ({
        entity: 'segment',
        entityId: row.id,
        action: 'update',
        diff: diffRecords(auditView(before), auditView(row)),
      }),
    });
    return withEtag(reply, view(request, ctx.segments.find(after.id) as SegmentWithOwner));
  });

  route(segments.delete, 'manager', async (request, reply) => {
    await versionedChange(ctx, request, {
      load: () => loadEditable(request, request.params.id),
      current: (before) => current(request, before),
      write: (before, version) => ctx.segments.delete(before.id, version),
      audit: (_, row) => ({
        entity: 'segment',
        entityId: row.id,
        action: 'delete',
        diff: diffRecords(auditView(row), null),
      }),
    });
    return reply.code(204).send(null);
  });

  route(segments.persons, 'viewer', async (request) => {
    const row = loadVisibleSegment(ctx, request, request.params.id);
    const { page, pageSize, sort } = request.query;
    return pageOf(await ctx.read.persons.list({ ...segmentPersonFilter(row), page, pageSize, sort }), request.query);
  });
}
