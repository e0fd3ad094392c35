import { Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft, IconBuildingFactory2, IconCalendarEvent, IconUser } from '@tabler/icons-react';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client.ts';
import { useLabels } from '../lib/i18n.ts';
import { CardsSkeleton } from './data-table-parts.tsx';
import { EmptyState } from './empty-state.tsx';
import { ErrorState } from './error-state.tsx';
import { AnchorLink, ButtonLink } from './router-link.tsx';

/** Each kind of record page: its list (the back link) and the icon of its not-found state. */
const LISTS = {
  persons: { path: '/personen', icon: <IconUser size={28} /> },
  organizations: { path: '/organisationen', icon: <IconBuildingFactory2 size={28} /> },
  events: { path: '/veranstaltungen', icon: <IconCalendarEvent size={28} /> },
} as const;

/**
 * Loads the record `id` of a detail page and shows the back link plus the not-found, error and loading states
 * around its content; the texts are `<ns>.backToList` and `<ns>.notFound`.
 */
export function DetailPageFrame<T, K extends readonly unknown[]>(props: {
  ns: keyof typeof LISTS;
  id: number;
  query: (id: number) => UseQueryOptions<T, Error, T, K>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLabels();
  const valid = Number.isSafeInteger(props.id) && props.id > 0;
  const query = useQuery({ ...props.query(props.id), enabled: valid });
  const backLabel = t(`${props.ns}.backToList`);
  const list = LISTS[props.ns];
  return (
    <>
      <AnchorLink to={list.path} size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {backLabel}
      </AnchorLink>
      {!valid || isApiError(query.error, 404) || isApiError(query.error, 400) ? (
        <EmptyState
          icon={list.icon}
          title={t('common.notFoundTitle')}
          description={t(`${props.ns}.notFound`)}
          actions={
            <ButtonLink to={list.path} variant="light">
              {backLabel}
            </ButtonLink>
          }
        />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Stack gap="md" aria-hidden>
          <Skeleton height={32} width="50%" />
          <CardsSkeleton height={180} cols={{ base: 1, sm: 2, lg: 3 }} />
        </Stack>
      ) : (
        props.children(query.data)
      )}
    </>
  );
}
