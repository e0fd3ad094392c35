import { networks } from '@anett/shared/routes/network';
import { relationIssues } from '@anett/shared/schemas/network';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { created, setEtag, versionedChange, withEtag } from '../../lib/concurrency.ts';
import { AppError, fieldError, notFound, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { diffRecords } from '../audit/audit.repository.ts';

/** Audit snapshot without the bookkeeping columns and the derived display fields. */
const plain = <T extends object>(record: T, ...drop: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !drop.includes(k))) as Record<string, unknown>;

export async function networkRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
  /** A new network, node or relation: 201 with its ETag, audited with what it holds. */
  const create = async <T extends { id: number; version: number }>(
    request: FastifyRequest,
    reply: FastifyReply,
    entity: string,
    work: () => T,
    view: (row: T) => Record<string, unknown>,
  ) => created(reply, await ctx.audited(actor(request), entity, 'create', work, (row) => diffRecords(null, view(row))));

  const loadNetwork = (id: number) => orNotFound(ctx.network.findNetwork(id), 'network');
  const loadNode = (id: number) => orNotFound(ctx.network.getNode(id), 'node');
  const loadRelation = (id: number) => orNotFound(ctx.network.getRelation(id), 'relation');

  /** Ids in a body must name existing records: otherwise 400 on that field. */
  const checkRefs = (refs: {
    networkId?: number | null;
    nodeId?: number | null;
    organizationId?: number | null;
    hostOrganizationId?: number | null;
    responsibleUserId?: number | null;
  }) => {
    if (refs.networkId != null && !ctx.network.findNetwork(refs.networkId))
      throw fieldError('networkId', 'unbekanntes Netzwerk');
    if (refs.nodeId != null && !ctx.network.findNode(refs.nodeId)) throw fieldError('nodeId', 'unbekannter Knoten');
    for (const field of ['organizationId', 'hostOrganizationId'] as const) {
      const id = refs[field];
      if (id == null) continue;
      const org = ctx.organizations.findById(id);
      if (!org || org.deletedAt) throw fieldError(field, 'unbekannte oder gelöschte Organisation');
    }
    if (refs.responsibleUserId != null && !ctx.users.findById(refs.responsibleUserId)) {
      throw fieldError('responsibleUserId', 'unbekannter Benutzer');
    }
  };

  // Networks

  route(networks.list, 'viewer', async (request) => {
    return pageOf(ctx.network.listNetworks(request.query), request.query);
  });

  route(networks.get, 'viewer', async (request, reply) => {
    const row = loadNetwork(request.params.id);
    setEtag(reply, row.version);
    return {
      ...row,
      nodes: ctx.network.networkNodes(row.id),
      relations: ctx.network.relationsOf({ networkId: row.id }),
    };
  });

  route(networks.create, 'manager', async (request, reply) => {
    return create(
      request,
      reply,
      'network',
      () => ctx.network.createNetwork(request.body),
      (row) => plain(row, 'id'),
    );
  });

  route(networks.update, 'manager', async (request, reply) => {
    const after = await versionedChange(ctx, request, {
      load: () => loadNetwork(request.params.id),
      write: (before, version) => ctx.network.updateNetwork(before.id, version, request.body),
      audit: { entity: 'network', action: 'update', diff: (b, a) => diffRecords(plain(b, 'id'), plain(a, 'id')) },
    });
    return withEtag(reply, after);
  });

  // QTI nodes

  route(networks.nodes, 'viewer', async (request) => {
    return pageOf(ctx.network.listNodes(request.query), request.query);
  });

  route(networks.node, 'viewer', async (request, reply) => {
    const row = loadNode(request.params.id);
    setEtag(reply, row.version);
    return { ...row, relations: ctx.network.relationsOf({ nodeId: row.id }) };
  });

  const nodeAudit = (n: ReturnType<typeof loadNode>) => ({
    ...plain(n, 'id', 'network', 'hostOrganization', 'responsibleUser', 'counts'),
    hostOrganizationId: n.hostOrganization?.id ?? null,
    responsibleUserId: n.responsibleUser?.id ?? null,
  });

  route(networks.createNode, 'manager', async (request, reply) => {
    checkRefs(request.body);
    return create(request, reply, 'node', () => ctx.network.createNode(request.body), nodeAudit);
  });

  route(networks.updateNode, 'manager', async (request, reply) => {
    const after = await versionedChange(ctx, request, {
      load: () => loadNode(request.params.id),
      check: () => checkRefs(request.body),
      write: (before, version) => ctx.network.updateNode(before.id, version, request.body),
      audit: { entity: 'node', action: 'update', diff: (b, a) => diffRecords(nodeAudit(b), nodeAudit(a)) },
    });
    return withEtag(reply, after);
  });

  // Relations

  const relationAudit = (r: ReturnType<typeof loadRelation>) => plain(r, 'id', 'organization', 'network', 'node');

  route(networks.organizationRelations, 'viewer', async (request) => {
    if (!ctx.organizations.findById(request.params.id)) throw notFound('organization');
    return { items: ctx.network.relationsOf({ organizationId: request.params.id }) };
  });

  route(networks.relation, 'viewer', async (request, reply) => {
    const row = loadRelation(request.params.id);
    return withEtag(reply, row);
  });

  route(networks.createRelation, 'manager', async (request, reply) => {
    checkRefs(request.body);
    return create(request, reply, 'relation', () => ctx.network.createRelation(request.body), relationAudit);
  });

  route(networks.updateRelation, 'manager', async (request, reply) => {
    const after = await versionedChange(ctx, request, {
      load: () => loadRelation(request.params.id),
      check: (before) => {
        const issues = relationIssues({ ...before, ...request.body });
        if (issues.length) {
          throw AppError.of('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
            errors: issues,
          });
        }
        checkRefs(request.body);
      },
      write: (before, version) => ctx.network.updateRelation(before.id, version, request.body),
      audit: {
        entity: 'relation',
        action: 'update',
        diff: (b, a) => diffRecords(relationAudit(b), relationAudit(a)),
      },
    });
    return withEtag(reply, after);
  });

  route(networks.deleteRelation, 'manager', async (request, reply) => {
    await versionedChange(ctx, request, {
      load: () => loadRelation(request.params.id),
      write: (before, version) => ctx.network.deleteRelation(before.id, version) && before,
      audit: { entity: 'relation', action: 'delete', diff: (before) => diffRecords(relationAudit(before), null) },
    });
    return reply.code(204).send(null);
  });

  // The "Netzwerk" page

  route(networks.overview, 'viewer', async () => ctx.network.overview());
}
