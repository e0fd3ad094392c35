import { dashboard } from '@anett/shared/schemas/dashboard';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';

export async function dashboardRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/dashboard',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['dashboard'],
        summary:
          'Übersicht: key figures of this year and last year, upcoming events, my due follow-ups, recent activity, ' +
          'attendances per month, reach per node',
        response: { 200: dashboard, ...errorResponses(401, 403) },
      },
    },
    async (request) => ctx.read.dashboard.build(request.user),
  );
}
