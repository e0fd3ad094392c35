import { SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client.ts';
import { useLabels } from '../lib/i18n.ts';
import { EmptyState } from './empty-state.tsx';
import { ErrorState } from './error-state.tsx';
import { AnchorLink, ButtonLink } from './router-link.tsx';

/** Back link plus the not-found, error and loading states every record page shows around its content. */
export function DetailPageFrame<T>(props: {
  listPath: '/personen' | '/organisationen';
  backLabel: string;
  notFoundText: string;
  icon: ReactNode;
  valid: boolean;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLabels();
  const { query } = props;
  return (
    <>
      <AnchorLink to={props.listPath} size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {props.backLabel}
      </AnchorLink>
      {!props.valid || isApiError(query.error, 404) || isApiError(query.error, 400) ? (
        <EmptyState
          icon={props.icon}
          title={t('common.notFoundTitle')}
          description={props.notFoundText}
          actions={
            <ButtonLink to={props.listPath} variant="light">
              {props.backLabel}
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
