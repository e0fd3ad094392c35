import type { AttendanceListQuery } from '@anett/shared/schemas/attendance';
import type { SuppressionListQuery } from '@anett/shared/schemas/consent';
import type { EventListQuery } from '@anett/shared/schemas/event';
import type { ExportExcludedQueryInput, ExportQueryInput } from '@anett/shared/schemas/export';
import type { EgoGraphQuery, NetworkGraphQuery } from '@anett/shared/schemas/graph';
import type { InteractionListQuery } from '@anett/shared/schemas/interaction';
import type { OutboxListQuery } from '@anett/shared/schemas/mail';
import type { OrganizationListQuery } from '@anett/shared/schemas/organization';
import type { PersonListQuery } from '@anett/shared/schemas/person';
import type { ReachQuery, ReachSnapshotListQuery } from '@anett/shared/schemas/report';
import type { SegmentListQuery } from '@anett/shared/schemas/segment';
import type { UserListQuery } from '@anett/shared/schemas/user';
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Every query key of the app, one hierarchical factory per domain (`[domain, kind, params]`), so that a change in one
 * feature can invalidate what it makes stale in another without importing that feature.
 */

/** A domain with paged lists: `lists()` invalidates every page and filter at once. */
function listKeys<D extends string, Q>(domain: D) {
  const all = [domain] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: (params: Q) => [...all, 'list', params] as const,
  };
}

/** The keys of a record domain with lists, details, history, duplicate groups and select options. */
function recordKeys<D extends string, Q>(domain: D) {
  const all = [domain] as const;
  return {
    ...listKeys<D, Q>(domain),
    detail: (id: number) => [...all, 'detail', id] as const,
    history: (id: number) => [...all, 'history', id] as const,
    duplicates: () => [...all, 'duplicates'] as const,
    options: () => [...all, 'options'] as const,
  };
}
export type RecordKeys<Q> = ReturnType<typeof recordKeys<string, Q>>;

export const authKeys = {
  factors: ['auth', 'factors'] as const,
  policy: ['auth', 'policy'] as const,
};

export const dashboardKeys = {
  all: ['dashboard'] as const,
};

export const eventKeys = {
  ...listKeys<'events', EventListQuery>('events'),
  detail: (id: number) => ['events', 'detail', id] as const,
  attendances: (id: number) => [...eventKeys.all, 'attendances', id] as const,
  attendanceList: (id: number, params: AttendanceListQuery) => [...eventKeys.attendances(id), params] as const,
  counters: (id: number) => [...eventKeys.all, 'counters', id] as const,
};

export const exportKeys = {
  all: ['exports'] as const,
  preview: (params: ExportQueryInput) => [...exportKeys.all, 'preview', params] as const,
  excluded: (params: ExportExcludedQueryInput) => [...exportKeys.all, 'excluded', params] as const,
};

export const graphKeys = {
  all: ['graph'] as const,
  network: (q: NetworkGraphQuery) => [...graphKeys.all, 'network', q] as const,
  ego: (q: EgoGraphQuery) => [...graphKeys.all, 'ego', q] as const,
};

export const interactionKeys = {
  ...listKeys<'interactions', InteractionListQuery>('interactions'),
  followUps: (scope: 'mine' | 'all', page: number) => [...interactionKeys.all, 'follow-ups', scope, page] as const,
};

export const mailKeys = {
  all: ['mail'] as const,
  list: (query: OutboxListQuery) => [...mailKeys.all, 'list', query] as const,
  detail: (id: number) => [...mailKeys.all, 'detail', id] as const,
};

export const networkKeys = {
  all: ['network'] as const,
  overview: () => [...networkKeys.all, 'overview'] as const,
  networks: () => ['networks', 'list', { pageSize: 500, sort: 'name' }] as const,
};

export const organizationKeys = recordKeys<'organizations', OrganizationListQuery>('organizations');

export const personKeys = recordKeys<'persons', PersonListQuery>('persons');

export const privacyKeys = {
  all: ['privacy'] as const,
  consents: (personId: number) => [...privacyKeys.all, 'consents', personId] as const,
  suppressions: (query: SuppressionListQuery) => [...privacyKeys.all, 'suppressions', query] as const,
  inactive: (query: { months: number; page: number }) => [...privacyKeys.all, 'inactive', query] as const,
  erasurePreview: (personId: number) => [...privacyKeys.all, 'erasure-preview', personId] as const,
};

export const registrationKeys = {
  all: ['registrations'] as const,
  publicEvent: (slug: string) => [...registrationKeys.all, 'public', slug] as const,
  cancel: (token: string) => [...registrationKeys.all, 'cancel', token] as const,
  preferences: (token: string) => [...registrationKeys.all, 'preferences', token] as const,
  stats: (eventId: number) => [...registrationKeys.all, 'stats', eventId] as const,
};

export const reportKeys = {
  all: ['reports'] as const,
  reach: (q: ReachQuery) => [...reportKeys.all, 'reach', q] as const,
  snapshots: (q: ReachSnapshotListQuery) => [...reportKeys.all, 'snapshots', q] as const,
};

export const segmentKeys = listKeys<'segments', SegmentListQuery>('segments');

export const tagKeys = {
  all: ['tags'] as const,
  list: () => [...tagKeys.all, 'list'] as const,
};

export const topicKeys = { all: ['topics'] as const };

export const userKeys = listKeys<'users', UserListQuery>('users');

/** After a change of a record: the record, every list, its history, the duplicate groups, and what else shows it. */
function invalidateRecord<Q>(queryClient: QueryClient, keys: RecordKeys<Q>, id: number, also: QueryKey[]) {
  return Promise.all(
    [keys.detail(id), keys.lists(), keys.history(id), keys.duplicates(), ...also].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** Organisations list their people, so a person's change reloads every organisation's detail. */
export const invalidatePerson = (queryClient: QueryClient, id: number) =>
  invalidateRecord(queryClient, personKeys, id, [[...organizationKeys.all, 'detail']]);

export const invalidateOrganization = (queryClient: QueryClient, id: number) =>
  invalidateRecord(queryClient, organizationKeys, id, []);
