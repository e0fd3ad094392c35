import type { RouteDescriptor } from '@anett/shared/routes/define';
import { type QueryKey, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type CallOptions, callWith } from './api-client.ts';

/** A GET route's query options: its cache key and the typed call with the abort signal, the pair every api.ts wrote. */
export const routeQuery = <R extends RouteDescriptor, K extends QueryKey>(
  queryKey: K,
  route: R,
  opts?: Omit<CallOptions<R>, 'signal'>,
) => queryOptions({ queryKey, queryFn: ({ signal }) => callWith(route, { ...opts, signal } as CallOptions<R>) });

/**
 * A mutation that refreshes the queries under `invalidates` afterwards: after success, or also after a failure
 * (`settled`: a conflict or a gone record shows the current state).
 */
export function useInvalidatingMutation<V, D>(
  mutationFn: (variables: V) => Promise<D>,
  invalidates: QueryKey,
  after: 'success' | 'settled' = 'success',
) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: invalidates });
  return useMutation(after === 'success' ? { mutationFn, onSuccess: refresh } : { mutationFn, onSettled: refresh });
}
