import { dashboard } from '@anett/shared/routes/dashboard';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { schemaOf } from '../../lib/route-schemas.ts';

export async function dashboardRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    dashboard.get.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(dashboard.get),
    },
    async (request) => ctx.read.dashboard.build(request.user),
  );
}
