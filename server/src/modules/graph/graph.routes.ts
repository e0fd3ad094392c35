import { graphs } from '@anett/shared/routes/graph';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { describedRoutes } from '../../lib/route.ts';

export async function graphRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  route(graphs.network, 'viewer', async (request) => ctx.read.graph.networkGraph(request.query));

  route(graphs.ego, 'viewer', async (request) => ctx.read.graph.egoGraph(request.query));
}
