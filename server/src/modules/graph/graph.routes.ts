import { graphs } from '@anett/shared/routes/graph';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { schemaOf } from '../../lib/route-schemas.ts';

export async function graphRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    graphs.network.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(graphs.network),
    },
    async (request) => ctx.read.graph.networkGraph(request.query),
  );

  app.get(
    graphs.ego.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(graphs.ego),
    },
    async (request) => ctx.read.graph.egoGraph(request.query),
  );
}
