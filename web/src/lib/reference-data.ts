import { networks } from '@anett/shared/routes/network';
import { organizations } from '@anett/shared/routes/organization';
import { persons } from '@anett/shared/routes/person';
import { tags } from '@anett/shared/routes/tag';
import type { Node } from '@anett/shared/schemas/network';
import type { TagInput, Topic } from '@anett/shared/schemas/tag';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AsyncOption } from '../components/filters/async-select.tsx';
import { call } from './api-client.ts';
import { personName } from './format.ts';
import type { Language } from './i18n.ts';
import { networkKeys, organizationKeys, tagKeys, topicKeys } from './query-keys.ts';
import { routeQuery, useInvalidatingMutation } from './route-query.ts';

// What many features pick from: QTI nodes, networks, topics, tags, and the person/organisation lookups of the search
// selects. The vocabularies change rarely, so they stay cached for a while.
const REFERENCE_STALE_MS = 5 * 60_000;
/** A whole small vocabulary in one page. */
const ALL_BY_NAME = { pageSize: 500, sort: 'name' } as const;

export const nodeOptionsQuery = () =>
  queryOptions({
    ...routeQuery(['nodes', 'list', ALL_BY_NAME] as const, networks.nodes, { query: ALL_BY_NAME }),
    staleTime: REFERENCE_STALE_MS,
  });

/** ANeTT and the partner networks (a handful: loaded whole). */
export const networkListOptions = () =>
  queryOptions({
    ...routeQuery(networkKeys.networks(), networks.list, { query: ALL_BY_NAME }),
    staleTime: REFERENCE_STALE_MS,
  });

export const topicOptionsQuery = () =>
  queryOptions({ ...routeQuery([...topicKeys.all, 'list'] as const, tags.topics), staleTime: REFERENCE_STALE_MS });

/** The topic vocabulary as a list (one cache entry with `topicOptionsQuery`). */
export const topicListOptions = () =>
  queryOptions({ ...topicOptionsQuery(), select: (data: { items: Topic[] }) => data.items });

/** All tags (a small vocabulary: the whole list is loaded once and filtered in the browser). */
export const tagListOptions = () =>
  queryOptions({ ...routeQuery(tagKeys.list(), tags.list), select: (data) => data.items, staleTime: 60_000 });

/** A new tag typed into a tag picker. */
export const useCreateTag = () => useInvalidatingMutation((body: TagInput) => call(tags.create, { body }), tagKeys.all);

/** Names of the QTI nodes and tags that filters and chips refer to by id (`#id` until loaded). */
export function useReferenceNames() {
  const nodes = useQuery(nodeOptionsQuery());
  const tags = useQuery(tagListOptions());
  return {
    nodes: nodes.data?.items,
    node: (id: number) => nodes.data?.items.find((n) => n.id === id)?.name ?? `#${id}`,
    tag: (id: number) => tags.data?.find((t) => t.id === id)?.name ?? `#${id}`,
  };
}

/** Select data for the QTI nodes. */
export const nodeSelectData = (nodes: Node[] | undefined) =>
  (nodes ?? []).map((n) => ({ value: String(n.id), label: n.name }));

/** Select data for topics in the current language; inactive topics only when already chosen. */
export const topicSelectData = (topics: Topic[] | undefined, lang: Language, keep: string[] = []) =>
  (topics ?? [])
    .filter((t) => t.active || keep.includes(String(t.id)))
    .map((t) => ({ value: String(t.id), label: lang === 'en' ? t.labelEn : t.label }));

/** Topic label in the current language. */
export const topicLabel = (t: { label: string; labelEn: string }, lang: Language) =>
  lang === 'en' ? t.labelEn : t.label;

/** One organisation by id (shares the detail page's cache entry), e.g. to name a chosen filter value. */
export const organizationLookupOptions = (id: number) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => call(organizations.get, { params: { id }, signal }),
  });

/** For search selects: organisations matching `q` ('IHK Erfurt (Erfurt)'). */
export async function searchOrganizationOptions(q: string, signal: AbortSignal): Promise<AsyncOption[]> {
  const page = await call(organizations.list, {
    query: { q: q || undefined, pageSize: 20, sort: q ? undefined : 'name' },
    signal,
  });
  return page.items.map((o) => ({ value: String(o.id), label: o.city ? `${o.name} (${o.city})` : o.name }));
}

/** For search selects: persons matching `q` ('Anna Müller · IHK Erfurt'). */
export async function searchPersonOptions(q: string, signal: AbortSignal): Promise<AsyncOption[]> {
  const page = await call(persons.list, {
    query: { q: q || undefined, pageSize: 20, sort: q ? undefined : 'lastName' },
    signal,
  });
  return page.items.map((p) => ({
    value: String(p.id),
    label: [personName(p), p.organization?.name].filter(Boolean).join(' · '),
  }));
}
