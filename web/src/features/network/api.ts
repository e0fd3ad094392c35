import { networks } from '@anett/shared/routes/network';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { networkKeys } from '../../lib/query-keys.ts';

export const networkOverviewOptions = () =>
  queryOptions({
    queryKey: networkKeys.overview(),
    queryFn: ({ signal }) => call(networks.overview, { signal }),
  });
