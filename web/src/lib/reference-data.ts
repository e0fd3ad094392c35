import type { Page } from '@anett/shared/schemas/common';
import type { Node } from '@anett/shared/schemas/network';
import type { Topic } from '@anett/shared/schemas/vocab';
import { queryOptions } from '@tanstack/react-query';
import { api } from './api-client.ts';
import type { Language } from './i18n.ts';

// Small vocabularies many pages filter by; they change rarely, so they stay cached for a while.
const REFERENCE_STALE_MS = 5 * 60_000;

export const nodeOptionsQuery = () =>
  queryOptions({
    queryKey: ['nodes', 'list', { pageSize: 500, sort: 'name' }] as const,
    queryFn: ({ signal }) => api.get<Page<Node>>('/api/nodes', { query: { pageSize: 500, sort: 'name' }, signal }),
    staleTime: REFERENCE_STALE_MS,
  });

export const topicOptionsQuery = () =>
  queryOptions({
    queryKey: ['topics', 'list'] as const,
    queryFn: ({ signal }) => api.get<{ items: Topic[]; total: number }>('/api/topics', { signal }),
    staleTime: REFERENCE_STALE_MS,
  });

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
