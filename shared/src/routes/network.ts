import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
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
import { domainRoutes, recordRoutes } from './define.ts';

const oneNetwork = recordRoutes('/api/networks/:id', { missing: [E.NETWORK_NOT_FOUND] });
const oneNode = recordRoutes('/api/nodes/:id', { missing: [E.NODE_NOT_FOUND] });
const oneRelation = recordRoutes('/api/relations/:id', { missing: [E.RELATION_NOT_FOUND] });

export const networks = {
  ...domainRoutes('networks', {
    list: {
      method: 'GET',
      path: '/api/networks',
      query: networkListQuery,
      responses: { 200: networkPage },
    },
    get: oneNetwork.get({ response: networkDetail }),
    create: {
      method: 'POST',
      path: '/api/networks',
      body: networkInput,
      responses: { 201: network },
    },
    update: oneNetwork.update({ body: networkPatch, response: network }),
    overview: {
      method: 'GET',
      path: '/api/network/overview',
      summary: 'The consortium with responsibilities, every node with host and counts, and the partner networks',
      responses: { 200: networkOverview },
    },
  }),
  ...domainRoutes('nodes', {
    nodes: {
      method: 'GET',
      path: '/api/nodes',
      summary: 'QTI nodes with host organisation, responsible user and counts of organisations, persons and events',
      query: nodeListQuery,
      responses: { 200: nodePage },
    },
    node: oneNode.get({ response: nodeDetail }),
    createNode: {
      method: 'POST',
      path: '/api/nodes',
      body: nodeInput,
      responses: { 201: node },
    },
    updateNode: oneNode.update({ body: nodePatch, response: node }),
  }),
  ...domainRoutes('relations', {
    organizationRelations: {
      method: 'GET',
      path: '/api/organizations/:id/relations',
      params: idParams,
      responses: { 200: relationList },
      codes: [E.ORGANIZATION_NOT_FOUND],
    },
    relation: oneRelation.get({ response: relation }),
    createRelation: {
      method: 'POST',
      path: '/api/relations',
      summary: 'Relate an organisation to exactly one network or node',
      body: relationInput,
      responses: { 201: relation },
    },
    updateRelation: oneRelation.update({ body: relationPatch, response: relation }),
    deleteRelation: oneRelation.delete({ responses: { 204: z.null() } }),
  }),
};
