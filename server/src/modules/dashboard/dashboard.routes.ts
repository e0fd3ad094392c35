import { dashboard } from '@anett/shared/routes/dashboard';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { describedRoutes } from '../../lib/route.ts';

export async function dashboardRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  route(dashboard.get, 'viewer', async (request) => ctx.read.dashboard.build(request.user));
}
