import { networks } from '@anett/shared/routes/network';
import type { Relation, RelationInput, relationPatch } from '@anett/shared/schemas/network';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../lib/api-client.ts';
import { networkKeys } from '../../lib/query-keys.ts';

type RelationPatch = z.input<typeof relationPatch>;

export const networkOverviewOptions = () =>
  queryOptions({
    queryKey: networkKeys.overview(),
    queryFn: ({ signal }) => call(networks.overview, { signal }),
  });

/** ANeTT and the partner networks (a handful: loaded whole). */
export const networkListOptions = () =>
  queryOptions({
    queryKey: networkKeys.networks(),
    queryFn: ({ signal }) => call(networks.list, { query: { pageSize: 500, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });

/** A relation changed: the organisation's detail and the network page show it. */
function useInvalidateRelations() {
  const queryClient = useQueryClient();
  return (organizationId: number) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['organizations', 'detail', organizationId] }),
      queryClient.invalidateQueries({ queryKey: networkKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['nodes'] }),
    ]);
}

export function useCreateRelation() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: (body: RelationInput) => call(networks.createRelation, { body }),
    onSuccess: (r) => invalidate(r.organizationId),
  });
}

export function useUpdateRelation() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({ relation, patch }: { relation: Relation; patch: RelationPatch }) =>
      call(networks.updateRelation, { params: { id: relation.id }, body: patch, ifMatch: relation.version }),
    onSettled: (_data, _err, { relation }) => invalidate(relation.organizationId),
  });
}

export function useDeleteRelation() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: (relation: Relation) =>
      call(networks.deleteRelation, { params: { id: relation.id }, ifMatch: relation.version }),
    onSettled: (_data, _err, relation) => invalidate(relation.organizationId),
  });
}
