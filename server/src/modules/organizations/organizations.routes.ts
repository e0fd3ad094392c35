import { organizations } from '@anett/shared/routes/organization';
import type { Organization } from '@anett/shared/schemas/organization';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import {
  requireIfMatch,
  setEtag,
  type VersionedChange,
  versionConflict,
  versionedChange,
  withEtag,
} from '../../lib/concurrency.ts';
import { AppError, fieldError, notFound, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { assertKnownTags } from '../tags/known-tags.ts';

/** What the audit log records of an organisation: its fields, with tags by name. */
const auditView = ({ id: _, version: __, createdAt: ___, updatedAt: ____, tags, ...rest }: Organization) => ({
  ...rest,
  tags: tags.map((t) => t.name),
});

export async function organizationsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  const load = (id: number) => orNotFound(ctx.organizations.get(id), 'organization');
  const detail = (o: Organization) => ({
    ...o,
    people: ctx.organizations.people(o.id),
    relations: ctx.network.relationsOf({ organizationId: o.id }),
  });
  /** An organisation's change, its entry filed under the organisation with the fields before and after. */
  const change = (
    request: FastifyRequest,
    action: string,
    spec: Omit<VersionedChange<Organization, Organization>, 'audit'>,
  ) =>
    versionedChange(ctx, request, {
      ...spec,
      audit: (before, after) => ({
        entity: 'organization',
        entityId: after.id,
        action,
        diff: action === 'update' ? diffRecords(auditView(before), auditView(after)) : deletedAtDiff(before, after),
      }),
    });
  const deletedAtDiff = (before: Organization, after: Organization) =>
    diffRecords({ deletedAt: before.deletedAt }, { deletedAt: after.deletedAt });

  route(organizations.list, 'viewer', async (request) => {
    return pageOf(await ctx.read.organizations.list(request.query), request.query);
  });

  route(organizations.duplicates, 'manager', async () => ({ groups: await ctx.read.organizations.duplicateGroups() }));

  route(organizations.get, 'viewer', async (request, reply) => {
    const { id } = request.params;
    const [row, people, relations] = await Promise.all([
      ctx.read.organizations.get(id),
      ctx.read.organizations.people(id),
      ctx.read.network.relationsOf({ organizationId: id }),
    ]);
    if (!row) throw notFound('organization');
    setEtag(reply, row.version);
    return { ...row, people, relations };
  });

  route(organizations.create, 'manager', async (request, reply) => {
    const { confirmDuplicate, ...values } = request.body;
    assertKnownTags(ctx.tags, values.tagIds);
    if (!confirmDuplicate) {
      const candidates = ctx.organizations.duplicateCandidates(values);
      if (candidates.length) {
        throw AppError.of(
          'DUPLICATE_CANDIDATES',
          'Similar organisations exist; send confirmDuplicate: true to save anyway',
          {
            data: { candidates },
          },
        );
      }
    }
    const row = await ctx.audited(
      actor(request),
      'organization',
      'create',
      () => ctx.organizations.create(values),
      (row) => diffRecords(null, auditView(row)),
    );
    setEtag(reply, row.version);
    return reply.code(201).send(detail(row));
  });

  route(organizations.update, 'manager', async (request, reply) => {
    const after = await change(request, 'update', {
      load: () => load(request.params.id),
      check: () => assertKnownTags(ctx.tags, request.body.tagIds),
      write: (before, version) => ctx.organizations.update(before.id, version, request.body),
    });
    setEtag(reply, after.version);
    return detail(after);
  });

  route(organizations.remove, 'manager', async (request, reply) => {
    const after = await change(request, 'delete', {
      load: () => {
        const before = load(request.params.id);
        if (before.deletedAt) throw AppError.of('ORGANIZATION_DELETED', 'The organisation is already deleted');
        return before;
      },
      write: (before, version) => ctx.organizations.setDeleted(before.id, version, true),
    });
    setEtag(reply, after.version);
    return detail(after);
  });

  route(organizations.restore, 'manager', async (request, reply) => {
    const after = await change(request, 'restore', {
      ifMatch: 'optional',
      load: () => {
        const before = load(request.params.id);
        if (!before.deletedAt) throw AppError.of('ORGANIZATION_NOT_DELETED', 'The organisation is not deleted');
        if (before.mergedIntoId !== null) {
          throw AppError.of('ORGANIZATION_MERGED', `The organisation was merged into ${before.mergedIntoId}`);
        }
        return before;
      },
      write: (before, version) => ctx.organizations.setDeleted(before.id, version, false),
    });
    setEtag(reply, after.version);
    return detail(after);
  });

  route(organizations.history, 'viewer', async (request) => {
    const [row, history] = await Promise.all([
      ctx.read.organizations.get(request.params.id),
      ctx.read.organizations.history(request.params.id),
    ]);
    if (!row) throw notFound('organization');
    return { items: history };
  });

  route(organizations.merge, 'manager', async (request, reply) => {
    const target = load(request.params.id);
    if (request.headers['if-match'] !== undefined && requireIfMatch(request) !== target.version)
      throw versionConflict(target);
    if (target.deletedAt) throw AppError.of('ORGANIZATION_DELETED', 'A deleted organisation cannot take a merge');
    const { sourceId, keep } = request.body;
    if (sourceId === target.id) throw fieldError('sourceId', 'muss eine andere Organisation sein');
    const source = ctx.organizations.get(sourceId);
    if (!source) throw fieldError('sourceId', 'unbekannte Organisation');
    if (source.deletedAt) {
      throw AppError.of('ORGANIZATION_DELETED', 'The source organisation is deleted', {
        errors: [{ field: 'sourceId', message: 'ist gelöscht' }],
      });
    }
    await ctx.change(
      actor(request),
      () => ctx.organizations.merge(target.id, source.id, keep),
      ({ moved, filled }) => [
        {
          entity: 'organization',
          entityId: target.id,
          action: 'merge',
          diff: { ...filled, mergedFrom: { id: source.id, name: source.name }, moved },
        },
        {
          entity: 'organization',
          entityId: source.id,
          action: 'merged_into',
          diff: { mergedIntoId: [null, target.id], mergedInto: { id: target.id, name: target.name } },
        },
      ],
    );
    return withEtag(reply, detail(load(target.id)));
  });
}
