import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client.ts';
import { useLabels } from '../lib/i18n.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorState } from './error-state.tsx';
import { AnchorLink, ButtonLink } from './router-link.tsx';

/**
 * Loads the record `id` of a detail page and shows the back link plus the not-found, error and loading states
 * around its content; the texts are `<ns>.backToList` and `<ns>.notFound`.
 */
export function DetailPageFrame<T, K extends readonly unknown[]>(props: {
  listPath: '/personen' | '/organisationen' | '/veranstaltungen';
  ns: 'persons' | 'organizations' | 'events';
  icon: ReactNode;
  id: number;
  query: (id: number) => UseQueryOptions<T, Error, T, K>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLabels();
  const valid = Number.isSafeInteger(props.id) && props.id > 0;
  const query = useQuery({ ...props.query(props.id), enabled: valid });
  const backLabel = t(`${props.ns}.backToList`);
  return (
    <>
      <AnchorLink to={props.listPath} size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {backLabel}
      </AnchorLink>
      {!valid || isApiError(query.error, 404) || isApiError(query.error, 400) ? (
        <EmptyState
          icon={props.icon}
          title={t('common.notFoundTitle')}
          description={t(`${props.ns}.notFound`)}
          actions={
            <ButtonLink to={props.listPath} variant="light">
              {backLabel}
            </ButtonLink>
          }
        />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Stack gap="md" aria-hidden>
          <Skeleton height={32} width="50%" />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Skeleton height={180} />
            <Skeleton height={180} />
            <Skeleton height={180} />
          </SimpleGrid>
        </Stack>
      ) : (
        props.children(query.data)
      )}
    </>
  );
}
