import { networks } from '@anett/shared/routes/network';
import { organizations } from '@anett/shared/routes/organization';
import type { Relation, RelationInput, relationPatch } from '@anett/shared/schemas/network';
import type {
  Organization,
  OrganizationCreate,
  OrganizationListQuery,
  OrganizationMergeBody,
  OrganizationPatch,
  organizationDuplicateGroups,
} from '@anett/shared/schemas/organization';
import { keepPreviousData, type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../lib/api-client.ts';
import { networkKeys, organizationKeys } from '../../lib/query-keys.ts';

export type OrganizationDuplicateGroups = z.infer<typeof organizationDuplicateGroups>;

export const organizationListOptions = (params: OrganizationListQuery) =>
  queryOptions({
    queryKey: organizationKeys.list(params),
    queryFn: ({ signal }) => call(organizations.list, { query: params, signal }),
    // Keep the current page on screen while the next one loads (no flashing skeleton when paging).
    placeholderData: keepPreviousData,
  });

export const organizationDetailOptions = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => call(organizations.get, { params: { id }, signal }),
  });

export const organizationHistoryOptions = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.history(id),
    queryFn: ({ signal }) => call(organizations.history, { params: { id }, signal }),
  });

export const organizationDuplicatesOptions = () =>
  queryOptions({
    queryKey: organizationKeys.duplicates(),
    queryFn: ({ signal }) => call(organizations.duplicates, { signal }),
  });

/** After a change: the record itself, every list, its history; persons show organisation names too. */
export function invalidateOrganization(queryClient: QueryClient, id: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: organizationKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: organizationKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: organizationKeys.history(id) }),
    queryClient.invalidateQueries({ queryKey: organizationKeys.duplicates() }),
  ]);
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationCreate) => call(organizations.create, { body }),
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKeys.detail(org.id), org);
      return queryClient.invalidateQueries({ queryKey: organizationKeys.lists() });
    },
  });
}

/** Sends only the changed fields with the version the user loaded (If-Match); a concurrent change answers 412. */
export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: number; version: number; patch: OrganizationPatch }) =>
      call(organizations.update, { params: { id }, body: patch, ifMatch: version }),
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKeys.detail(org.id), org);
      return invalidateOrganization(queryClient, org.id);
    },
  });
}

export function useDeleteOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (org: Pick<Organization, 'id' | 'version'>) =>
      call(organizations.remove, { params: { id: org.id }, ifMatch: org.version }),
    onSettled: (_d, _e, org) => invalidateOrganization(queryClient, org.id),
  });
}

export function useRestoreOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(organizations.restore, { params: { id } }),
    onSettled: (_d, _e, id) => invalidateOrganization(queryClient, id),
  });
}

/** Moves `sourceId` into `target`; both records change. */
export function useMergeOrganizations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      target,
      sourceId,
      keep,
    }: {
      target: { id: number; version?: number };
      sourceId: number;
      keep?: OrganizationMergeBody['keep'];
    }) =>
      call(organizations.merge, {
        params: { id: target.id },
        body: { sourceId, keep },
        ifMatch: target.version,
      }),
    onSettled: (_d, _e, { target, sourceId }) =>
      Promise.all([
        invalidateOrganization(queryClient, target.id),
        invalidateOrganization(queryClient, sourceId),
        queryClient.invalidateQueries({ queryKey: ['persons'] }),
      ]),
  });
}

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
