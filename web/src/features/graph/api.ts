import { graphs } from '@anett/shared/routes/graph';
import type { EgoGraphQuery, NetworkGraphQuery } from '@anett/shared/schemas/graph';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { graphKeys } from '../../lib/query-keys.ts';

export const networkGraphOptions = (query: NetworkGraphQuery) =>
  queryOptions({
    queryKey: graphKeys.network(query),
    queryFn: ({ signal }) => call(graphs.network, { query, signal }),
  });

export const egoGraphOptions = (query: EgoGraphQuery) =>
  queryOptions({
    queryKey: graphKeys.ego(query),
    queryFn: ({ signal }) => call(graphs.ego, { query, signal }),
  });
