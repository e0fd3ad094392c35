import { networks } from '@anett/shared/routes/network';
import { organizations } from '@anett/shared/routes/organization';
import type { Relation, RelationInput, relationPatch } from '@anett/shared/schemas/network';
import type { organizationDuplicateGroups } from '@anett/shared/schemas/organization';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../lib/api-client.ts';
import { invalidateOrganization, networkKeys, organizationKeys, personKeys } from '../../lib/query-keys.ts';
import { recordApi } from '../../lib/record-api.ts';

export type OrganizationDuplicateGroups = z.infer<typeof organizationDuplicateGroups>;

export const organizationApi = recordApi({
  routes: organizations,
  keys: organizationKeys,
  invalidate: invalidateOrganization,
  // A merge moves the source's people to the target.
  alsoOnMerge: [personKeys.all],
});

export const {
  listOptions: organizationListOptions,
  detailOptions: organizationDetailOptions,
  historyOptions: organizationHistoryOptions,
  duplicatesOptions: organizationDuplicatesOptions,
  useCreate: useCreateOrganization,
  useUpdate: useUpdateOrganization,
  useDelete: useDeleteOrganization,
  useRestore: useRestoreOrganization,
  useMerge: useMergeOrganizations,
} = organizationApi;

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

type RelationPatch = z.input<typeof relationPatch>;

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
