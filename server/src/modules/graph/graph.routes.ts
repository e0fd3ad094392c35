import { egoGraph, egoGraphQuery, graph, networkGraphQuery } from '@anett/shared/schemas/graph';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';

export async function graphRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['graph'];

  app.get(
    '/api/graph/network',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'The network as a graph: networks, nodes, host organisations and organisations related to them',
        description:
          'Vertices are ids like network:1, node:3, org:12; edges relation (organisation or node → node or network) ' +
          'and host (organisation → node). At most 300 vertices: networks, nodes and hosts always, then the most ' +
          'connected organisations. `sector` narrows the related organisations, `from`/`to` the relations in force ' +
          'and the activity that weighs the vertices.',
        querystring: networkGraphQuery,
        response: { 200: graph, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ctx.read.graph.networkGraph(request.query),
  );

  app.get(
    '/api/graph/ego',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'A person or organisation with its relations, affiliations and contacts (top 50 neighbours)',
        description:
          'Co-attendance: persons (or organisations) who attended the same events; the weight counts shared events ' +
          'and shared interactions in the period.',
        querystring: egoGraphQuery,
        response: { 200: egoGraph, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ctx.read.graph.egoGraph(request.query),
  );
}
