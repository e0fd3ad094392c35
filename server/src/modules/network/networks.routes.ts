import { idParams, okResponse } from '@anett/shared/schemas/common';
import {
  network,
  networkDetail,
  networkInput,
  networkListQuery,
  networkOverview,
  networkPage,
  networkPatch,
  node,
  nodeDetail,
  nodeInput,
  nodeListQuery,
  nodePage,
  nodePatch,
  relation,
  relationInput,
  relationIssues,
  relationList,
  relationPatch,
} from '@anett/shared/schemas/network';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag, updatedOrConflict, versionConflict } from '../../lib/concurrency.ts';
import { AppError, fieldError, notFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { diffRecords } from '../audit/audit.repository.ts';

/** Audit snapshot without the bookkeeping columns and the derived display fields. */
const plain = <T extends object>(record: T, ...drop: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !drop.includes(k))) as Record<string, unknown>;

export async function networkRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const audited = <T extends { id: number }>(
    request: FastifyRequest,
    entity: string,
    action: string,
    work: () => T,
    diff: (row: T) => unknown,
  ) => ctx.audited(actor(request), entity, action, work, diff);

  const loadNetwork = (id: number) => {
    const row = ctx.network.findNetwork(id);
    if (!row) throw notFound('network');
    return row;
  };
  const loadNode = (id: number) => {
    const row = ctx.network.getNode(id);
    if (!row) throw notFound('node');
    return row;
  };
  const loadRelation = (id: number) => {
    const row = ctx.network.getRelation(id);
    if (!row) throw notFound('relation');
    return row;
  };

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

  app.get(
    '/api/networks',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['networks'],
        querystring: networkListQuery,
        response: { 200: networkPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = ctx.network.listNetworks(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/networks/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['networks'],
        params: idParams,
        response: { 200: networkDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = loadNetwork(request.params.id);
      setEtag(reply, row.version);
      return {
        ...row,
        nodes: ctx.network.networkNodes(row.id),
        relations: ctx.network.relationsOf({ networkId: row.id }),
      };
    },
  );

  app.post(
    '/api/networks',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['networks'],
        body: networkInput,
        response: { 201: network, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const row = await audited(
        request,
        'network',
        'create',
        () => ctx.network.createNetwork(request.body),
        (row) => diffRecords(null, plain(row, 'id')),
      );
      setEtag(reply, row.version);
      return reply.code(201).send(row);
    },
  );

  app.patch(
    '/api/networks/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['networks'],
        params: idParams,
        body: networkPatch,
        response: { 200: network, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = loadNetwork(request.params.id);
      const after = await audited(
        request,
        'network',
        'update',
        () => updatedOrConflict(ctx.network.updateNetwork(before.id, version, request.body), before),
        (after) => diffRecords(plain(before, 'id'), plain(after, 'id')),
      );
      setEtag(reply, after.version);
      return after;
    },
  );

  // QTI nodes

  app.get(
    '/api/nodes',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['nodes'],
        summary: 'QTI nodes with host organisation, responsible user and counts of organisations, persons and events',
        querystring: nodeListQuery,
        response: { 200: nodePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = ctx.network.listNodes(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/nodes/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['nodes'],
        params: idParams,
        response: { 200: nodeDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = loadNode(request.params.id);
      setEtag(reply, row.version);
      return { ...row, relations: ctx.network.relationsOf({ nodeId: row.id }) };
    },
  );

  const nodeAudit = (n: ReturnType<typeof loadNode>) => ({
    ...plain(n, 'id', 'network', 'hostOrganization', 'responsibleUser', 'counts'),
    hostOrganizationId: n.hostOrganization?.id ?? null,
    responsibleUserId: n.responsibleUser?.id ?? null,
  });

  app.post(
    '/api/nodes',
    {
      config: { access: 'manager' },
      schema: { tags: ['nodes'], body: nodeInput, response: { 201: node, ...errorResponses(400, 401, 403) } },
    },
    async (request, reply) => {
      checkRefs(request.body);
      const row = await audited(
        request,
        'node',
        'create',
        () => ctx.network.createNode(request.body),
        (row) => diffRecords(null, nodeAudit(row)),
      );
      setEtag(reply, row.version);
      return reply.code(201).send(row);
    },
  );

  app.patch(
    '/api/nodes/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['nodes'],
        params: idParams,
        body: nodePatch,
        response: { 200: node, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = loadNode(request.params.id);
      checkRefs(request.body);
      const after = await audited(
        request,
        'node',
        'update',
        () => updatedOrConflict(ctx.network.updateNode(before.id, version, request.body), before),
        (after) => diffRecords(nodeAudit(before), nodeAudit(after)),
      );
      setEtag(reply, after.version);
      return after;
    },
  );

  // Relations

  const relationAudit = (r: ReturnType<typeof loadRelation>) => plain(r, 'id', 'organization', 'network', 'node');

  app.get(
    '/api/organizations/:id/relations',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['relations'],
        params: idParams,
        response: { 200: relationList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!ctx.organizations.findById(request.params.id)) throw notFound('organization');
      return { items: ctx.network.relationsOf({ organizationId: request.params.id }) };
    },
  );

  app.get(
    '/api/relations/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['relations'],
        params: idParams,
        response: { 200: relation, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const row = loadRelation(request.params.id);
      setEtag(reply, row.version);
      return row;
    },
  );

  app.post(
    '/api/relations',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['relations'],
        summary: 'Relate an organisation to exactly one network or node',
        body: relationInput,
        response: { 201: relation, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      checkRefs(request.body);
      const row = await audited(
        request,
        'relation',
        'create',
        () => ctx.network.createRelation(request.body),
        (row) => diffRecords(null, relationAudit(row)),
      );
      setEtag(reply, row.version);
      return reply.code(201).send(row);
    },
  );

  app.patch(
    '/api/relations/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['relations'],
        params: idParams,
        body: relationPatch,
        response: { 200: relation, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = loadRelation(request.params.id);
      const issues = relationIssues({ ...before, ...request.body });
      if (issues.length) {
        throw new AppError('VALIDATION_FAILED', 400, issues.map((i) => `${i.field}: ${i.message}`).join('; '), {
          errors: issues,
        });
      }
      checkRefs(request.body);
      const after = await audited(
        request,
        'relation',
        'update',
        () => updatedOrConflict(ctx.network.updateRelation(before.id, version, request.body), before),
        (after) => diffRecords(relationAudit(before), relationAudit(after)),
      );
      setEtag(reply, after.version);
      return after;
    },
  );

  app.delete(
    '/api/relations/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['relations'],
        params: idParams,
        response: { 200: okResponse, ...errorResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request) => {
      const version = requireIfMatch(request);
      const before = loadRelation(request.params.id);
      await audited(
        request,
        'relation',
        'delete',
        () => {
          if (!ctx.network.deleteRelation(before.id, version)) throw versionConflict(before);
          return before;
        },
        () => diffRecords(relationAudit(before), null),
      );
      return { ok: true as const };
    },
  );

  // The "Netzwerk" page

  app.get(
    '/api/network/overview',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['networks'],
        summary: 'The consortium with responsibilities, every node with host and counts, and the partner networks',
        response: { 200: networkOverview, ...errorResponses(401, 403) },
      },
    },
    async () => ctx.network.overview(),
  );
}
