import type { Page } from '@anett/shared/schemas/common';
import type { Organization, OrganizationDetail, OrganizationListQuery } from '@anett/shared/schemas/organization';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

export const organizationKeys = {
  all: ['organizations'] as const,
  lists: () => [...organizationKeys.all, 'list'] as const,
  list: (params: OrganizationListQuery) => [...organizationKeys.lists(), params] as const,
  detail: (id: number) => [...organizationKeys.all, 'detail', id] as const,
};

export const organizationListOptions = (params: OrganizationListQuery) =>
  queryOptions({
    queryKey: organizationKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<Organization>>('/api/organizations', { query: params, signal }),
    // Keep the current page on screen while the next one loads (no flashing skeleton when paging).
    placeholderData: keepPreviousData,
  });

export const organizationDetailOptions = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => api.get<OrganizationDetail>(`/api/organizations/${id}`, { signal }),
  });
