import { graphs } from '@anett/shared/routes/graph';
import type { EgoGraphQuery, NetworkGraphQuery } from '@anett/shared/schemas/graph';
import { graphKeys } from '../../lib/query-keys.ts';
import { routeQuery } from '../../lib/route-query.ts';

export const networkGraphOptions = (query: NetworkGraphQuery) =>
  routeQuery(graphKeys.network(query), graphs.network, { query });

export const egoGraphOptions = (query: EgoGraphQuery) => routeQuery(graphKeys.ego(query), graphs.ego, { query });
