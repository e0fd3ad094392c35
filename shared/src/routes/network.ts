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
import { domainRoutes } from './define.ts';

/** If-Match guarded changes: a stale version answers 412, a missing one 428. */
const guarded = [E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED];

export const networks = {
  ...domainRoutes('networks', {
    list: {
      method: 'GET',
      path: '/api/networks',
      query: networkListQuery,
      responses: { 200: networkPage },
    },
    get: {
      method: 'GET',
      path: '/api/networks/:id',
      params: idParams,
      responses: { 200: networkDetail },
      codes: [E.NETWORK_NOT_FOUND],
    },
    create: {
      method: 'POST',
      path: '/api/networks',
      body: networkInput,
      responses: { 201: network },
    },
    update: {
      method: 'PATCH',
      path: '/api/networks/:id',
      params: idParams,
      body: networkPatch,
      responses: { 200: network },
      codes: [E.NETWORK_NOT_FOUND, ...guarded],
    },
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
    node: {
      method: 'GET',
      path: '/api/nodes/:id',
      params: idParams,
      responses: { 200: nodeDetail },
      codes: [E.NODE_NOT_FOUND],
    },
    createNode: {
      method: 'POST',
      path: '/api/nodes',
      body: nodeInput,
      responses: { 201: node },
    },
    updateNode: {
      method: 'PATCH',
      path: '/api/nodes/:id',
      params: idParams,
      body: nodePatch,
      responses: { 200: node },
      codes: [E.NODE_NOT_FOUND, ...guarded],
    },
  }),
  ...domainRoutes('relations', {
    organizationRelations: {
      method: 'GET',
      path: '/api/organizations/:id/relations',
      params: idParams,
      responses: { 200: relationList },
      codes: [E.ORGANIZATION_NOT_FOUND],
    },
    relation: {
      method: 'GET',
      path: '/api/relations/:id',
      params: idParams,
      responses: { 200: relation },
      codes: [E.RELATION_NOT_FOUND],
    },
    createRelation: {
      method: 'POST',
      path: '/api/relations',
      summary: 'Relate an organisation to exactly one network or node',
      body: relationInput,
      responses: { 201: relation },
    },
    updateRelation: {
      method: 'PATCH',
      path: '/api/relations/:id',
      params: idParams,
      body: relationPatch,
      responses: { 200: relation },
      codes: [E.RELATION_NOT_FOUND, ...guarded],
    },
    deleteRelation: {
      method: 'DELETE',
      path: '/api/relations/:id',
      params: idParams,
      responses: { 204: z.null() },
      codes: [E.RELATION_NOT_FOUND, ...guarded],
    },
  }),
};
