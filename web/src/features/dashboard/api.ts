import type { Dashboard } from '@anett/shared/schemas/dashboard';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

export const dashboardKeys = {
  all: ['dashboard'] as const,
};

export const dashboardOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: ({ signal }) => api.get<Dashboard>('/api/dashboard', { signal }),
    // It sums up everything else: fetched again on every visit (the last answer shows meanwhile).
    staleTime: 0,
  });
