import { graphs } from '@anett/shared/routes/graph';
import type { EgoGraphQuery, NetworkGraphQuery } from '@anett/shared/schemas/graph';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export const graphKeys = {
  all: ['graph'] as const,
  network: (q: NetworkGraphQuery) => [...graphKeys.all, 'network', q] as const,
  ego: (q: EgoGraphQuery) => [...graphKeys.all, 'ego', q] as const,
};

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
