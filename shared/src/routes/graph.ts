import { ErrorCode as E } from '../error-codes.ts';
import { egoGraph, egoGraphQuery, graph, networkGraphQuery } from '../schemas/graph.ts';
import { domainRoutes } from './define.ts';

/** The network and a single person's or organisation's neighbourhood as graphs. */
export const graphs = domainRoutes('graph', {
  network: {
    method: 'GET',
    path: '/api/graph/network',
    summary: 'The network as a graph: networks, nodes, host organisations and organisations related to them',
    description:
      'Vertices are ids like network:1, node:3, org:12; edges relation (organisation or node → node or network) ' +
      'and host (organisation → node). At most 300 vertices: networks, nodes and hosts always, then the most ' +
      'connected organisations. `sector` narrows the related organisations, `from`/`to` the relations in force ' +
      'and the activity that weighs the vertices.',
    query: networkGraphQuery,
    responses: { 200: graph },
  },
  ego: {
    method: 'GET',
    path: '/api/graph/ego',
    summary: 'A person or organisation with its relations, affiliations and contacts (top 50 neighbours)',
    description:
      'Co-attendance: persons (or organisations) who attended the same events; the weight counts shared events ' +
      'and shared interactions in the period.',
    query: egoGraphQuery,
    responses: { 200: egoGraph },
    codes: [E.PERSON_NOT_FOUND, E.ORGANIZATION_NOT_FOUND],
  },
});
