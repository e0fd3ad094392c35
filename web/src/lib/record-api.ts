import type { RouteData, RouteDescriptor } from '@anett/shared/routes/define';
import {
  keepPreviousData,
  type QueryClient,
  type QueryKey,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { call, type Query } from './api-client.ts';
import type { RecordKeys } from './query-keys.ts';

/** The routes of a record domain with a list, a change history, duplicates, soft delete, restore and merge. */
type RecordRoutes = Record<
  'list' | 'get' | 'history' | 'duplicates' | 'create' | 'update' | 'remove' | 'restore' | 'merge',
  RouteDescriptor
>;

/** A route's request body as the caller writes it. */
export type Body<R extends RouteDescriptor> = R['body'] extends z.ZodType ? z.input<R['body']> : never;

// `call` typed for one route at a time; inside the factory the route is generic, so its options are checked by the
// hooks' own parameter types instead.
const send = call as <R extends RouteDescriptor>(route: R, opts: object) => Promise<RouteData<R>>;

/**
 * The queries and mutations of a record domain (persons, organisations) over its route descriptors: one copy of the
 * list/get/history queries, create/update/delete/restore/merge and what each invalidates.
 */
export function recordApi<R extends RecordRoutes, Q extends Query>(spec: {
  routes: R;
  keys: RecordKeys<Q>;
  /** After a change of one record: what shows it. */
  invalidate: (queryClient: QueryClient, id: number) => Promise<unknown>;
  /** The duplicate groups' query parameters. */
  duplicatesQuery?: Query;
  /** Other domains' queries that show a new record, or both records of a merge. */
  alsoOnCreate?: QueryKey[];
  alsoOnMerge?: QueryKey[];
}) {
  const { routes, keys, invalidate } = spec;
  // Every change answers the record as `get` does.
  type Saved = RouteData<R['get']> & { id: number };
  const invalidateAll = (queryClient: QueryClient, queryKeys: QueryKey[] = []) =>
    Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));

  return {
    invalidate,
    listOptions: (params: Q) =>
      queryOptions({
        queryKey: keys.list(params),
        queryFn: ({ signal }) => send<R['list']>(routes.list, { query: params, signal }),
        // Keep the current page on screen while the next one loads (no flashing skeleton when paging).
        placeholderData: keepPreviousData,
      }),
    detailOptions: (id: number) =>
      queryOptions({
        queryKey: keys.detail(id),
        queryFn: ({ signal }) => send<R['get']>(routes.get, { params: { id }, signal }),
      }),
    historyOptions: (id: number) =>
      queryOptions({
        queryKey: keys.history(id),
        queryFn: ({ signal }) => send<R['history']>(routes.history, { params: { id }, signal }),
      }),
    duplicatesOptions: () =>
      queryOptions({
        queryKey: keys.duplicates(),
        queryFn: ({ signal }) => send<R['duplicates']>(routes.duplicates, { query: spec.duplicatesQuery, signal }),
      }),

    useCreate() {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (body: Body<R['create']>) => send<R['create']>(routes.create, { body }) as Promise<Saved>,
        onSuccess: (saved) => {
          queryClient.setQueryData(keys.detail(saved.id), saved);
          return invalidateAll(queryClient, [keys.lists(), ...(spec.alsoOnCreate ?? [])]);
        },
      });
    },
    /** Sends only the changed fields with the version the user loaded (If-Match); a concurrent change answers 412. */
    useUpdate() {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: ({ id, version, patch }: { id: number; version: number; patch: Body<R['update']> }) =>
          send<R['update']>(routes.update, { params: { id }, body: patch, ifMatch: version }) as Promise<Saved>,
        onSuccess: (saved) => {
          queryClient.setQueryData(keys.detail(saved.id), saved);
          return invalidate(queryClient, saved.id);
        },
      });
    },
    useDelete() {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (r: { id: number; version: number }) =>
          send<R['remove']>(routes.remove, { params: { id: r.id }, ifMatch: r.version }) as Promise<Saved>,
        onSettled: (_d, _e, r) => invalidate(queryClient, r.id),
      });
    },
    useRestore() {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (id: number) => send<R['restore']>(routes.restore, { params: { id } }) as Promise<Saved>,
        onSettled: (_d, _e, id) => invalidate(queryClient, id),
      });
    },
    /** Moves `sourceId` into `target` keeping per field the chosen value (`keep`); both records change. */
    useMerge() {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: ({
          target,
          sourceId,
          keep,
        }: {
          target: { id: number; version?: number };
          sourceId: number;
          keep?: Body<R['merge']> extends { keep?: infer K } ? K : never;
        }) =>
          send<R['merge']>(routes.merge, {
            params: { id: target.id },
            body: { sourceId, keep },
            ifMatch: target.version,
          }) as Promise<Saved>,
        onSettled: (_d, _e, { target, sourceId }) =>
          Promise.all([
            invalidate(queryClient, target.id),
            invalidate(queryClient, sourceId),
            invalidateAll(queryClient, spec.alsoOnMerge),
          ]),
      });
    },
  };
}
