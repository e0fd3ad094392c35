import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
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
  relationList,
  relationPatch,
} from '../schemas/network.ts';
import { collectionRoutes, domainRoutes, recordRoutes } from './define.ts';
import { organizationRecord as organization } from './records.ts';

const allNetworks = collectionRoutes('/api/networks');
const allNodes = collectionRoutes('/api/nodes');
const allRelations = collectionRoutes('/api/relations');
const oneNetwork = recordRoutes('/api/networks/:id', { missing: [E.NETWORK_NOT_FOUND] });
const oneNode = recordRoutes('/api/nodes/:id', { missing: [E.NODE_NOT_FOUND] });
const oneRelation = recordRoutes('/api/relations/:id', { missing: [E.RELATION_NOT_FOUND] });

export const networks = {
  ...domainRoutes('networks', {
    list: allNetworks.list({ query: networkListQuery, response: networkPage }),
    get: oneNetwork.get({ response: networkDetail }),
    create: allNetworks.create({ body: networkInput, response: network }),
    update: oneNetwork.update({ body: networkPatch, response: network }),
    overview: {
      method: 'GET',
      path: '/api/network/overview',
      summary: 'The consortium with responsibilities, every node with host and counts, and the partner networks',
      responses: { 200: networkOverview },
    },
  }),
  ...domainRoutes('nodes', {
    nodes: allNodes.list({
      summary: 'QTI nodes with host organisation, responsible user and counts of organisations, persons and events',
      query: nodeListQuery,
      response: nodePage,
    }),
    node: oneNode.get({ response: nodeDetail }),
    createNode: allNodes.create({ body: nodeInput, response: node }),
    updateNode: oneNode.update({ body: nodePatch, response: node }),
  }),
  ...domainRoutes('relations', {
    organizationRelations: organization.get({ at: '/relations', response: relationList }),
    relation: oneRelation.get({ response: relation }),
    createRelation: allRelations.create({
      summary: 'Relate an organisation to exactly one network or node',
      body: relationInput,
      response: relation,
    }),
    updateRelation: oneRelation.update({ body: relationPatch, response: relation }),
    deleteRelation: oneRelation.delete({ responses: { 204: z.null() } }),
  }),
};
