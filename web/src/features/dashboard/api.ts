import { dashboard } from '@anett/shared/routes/dashboard';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { dashboardKeys } from '../../lib/query-keys.ts';

export const dashboardOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: ({ signal }) => call(dashboard.get, { signal }),
    // It sums up everything else: fetched again on every visit (the last answer shows meanwhile).
    staleTime: 0,
  });
