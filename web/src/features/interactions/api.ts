import { interactions } from '@anett/shared/routes/interaction';
import { mailImports } from '@anett/shared/routes/mail-import';
import type {
  Interaction,
  InteractionCreate,
  InteractionListQuery,
  InteractionPatch,
} from '@anett/shared/schemas/interaction';
import type { MailDropTarget } from '@anett/shared/schemas/mail-import';
import {
  infiniteQueryOptions,
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { dashboardKeys, interactionKeys } from '../../lib/query-keys.ts';

/** Whose timeline: the collection in the timeline route (`<subject>/:id/timeline`). */
export type TimelineSubject = 'persons' | 'organizations' | 'nodes';

/** `['persons', 'timeline', 7]`: beside the record's own keys, so a record's queries share the first segment. */
export const timelineKey = (subject: TimelineSubject, id: number) => [subject, 'timeline', id] as const;

export const interactionListOptions = (params: InteractionListQuery) =>
  queryOptions({
    queryKey: interactionKeys.list(params),
    queryFn: ({ signal }) => call(interactions.list, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export const followUpsOptions = (scope: 'mine' | 'all', page: number, pageSize: number) =>
  queryOptions({
    queryKey: interactionKeys.followUps(scope, page),
    queryFn: ({ signal }) => call(interactions.followUps, { query: { scope, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });

const TIMELINE_PAGE = 20;
const timelineRoutes = {
  persons: interactions.personTimeline,
  organizations: interactions.organizationTimeline,
  nodes: interactions.nodeTimeline,
};

export const timelineOptions = (subject: TimelineSubject, id: number) =>
  infiniteQueryOptions({
    queryKey: timelineKey(subject, id),
    queryFn: ({ pageParam, signal }) =>
      call(timelineRoutes[subject], { params: { id }, query: { limit: TIMELINE_PAGE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/**
 * After a contact was logged or changed: the log, the follow-ups, every timeline, the dashboard (figures, follow-ups,
 * activity) and the linked records' details (they may show the last contact) are refetched.
 */
export function invalidateContactData(
  queryClient: QueryClient,
  links: { personIds?: number[]; organizationIds?: number[] } = {},
) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: interactionKeys.all }),
    queryClient.invalidateQueries({ predicate: (q) => q.queryKey[1] === 'timeline' }),
    queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
    ...(links.personIds ?? []).map((id) => queryClient.invalidateQueries({ queryKey: ['persons', 'detail', id] })),
    ...(links.organizationIds ?? []).map((id) =>
      queryClient.invalidateQueries({ queryKey: ['organizations', 'detail', id] }),
    ),
  ]);
}

const linksOf = (i: Interaction) => ({
  personIds: i.persons.map((p) => p.id),
  organizationIds: i.organizations.map((o) => o.id),
});

export function useCreateInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InteractionCreate) => call(interactions.create, { body }),
    // Not awaited: the dialog closes at once, the lists catch up in the background.
    onSuccess: (created) => void invalidateContactData(queryClient, linksOf(created)),
  });
}

/** Edits carry the version the user saw (If-Match). */
export function useUpdateInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, patch }: { item: Interaction; patch: InteractionPatch }) =>
      call(interactions.update, { params: { id: item.id }, body: patch, ifMatch: item.version }),
    onSettled: (_data, _err, { item }) => invalidateContactData(queryClient, linksOf(item)),
  });
}

export function useDeleteInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: Interaction) => call(interactions.delete, { params: { id: item.id }, ifMatch: item.version }),
    onSettled: (_data, _err, item) => invalidateContactData(queryClient, linksOf(item)),
  });
}

export function useFollowUpDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: Interaction) => call(interactions.followUpDone, { params: { id: item.id } }),
    onSettled: () => invalidateContactData(queryClient),
  });
}

/** Dropped e-mail files as the upload both steps take: each file under `files`, and where they were dropped. */
function mailUpload(files: File[], target: MailDropTarget): FormData {
  const form = new FormData();
  if (target.personId) form.append('personId', String(target.personId));
  if (target.organizationId) form.append('organizationId', String(target.organizationId));
  for (const file of files) form.append('files', file, file.name);
  return form;
}

/** Reads the files: subjects, dates, texts and whom the addresses belong to (nothing is written). */
export const previewMails = (files: File[], target: MailDropTarget) =>
  call(mailImports.preview, { body: mailUpload(files, target) });

export function useCommitMails() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ files, target }: { files: File[]; target: MailDropTarget; personIds: number[] }) =>
      call(mailImports.commit, { body: mailUpload(files, target) }),
    onSuccess: (_result, { target, personIds }) =>
      invalidateContactData(queryClient, {
        personIds,
        organizationIds: target.organizationId ? [target.organizationId] : [],
      }),
  });
}
