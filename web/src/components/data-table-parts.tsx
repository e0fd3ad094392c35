import { Group, Paper, SimpleGrid, type SimpleGridProps, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.ts';

/** Placeholder rows while a list loads the first time. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Paper withBorder radius="md" p="md" aria-hidden>
      <Stack gap="md">
        <Skeleton height={14} width="40%" />
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
          <Group key={i} gap="xl" wrap="nowrap">
            <Skeleton height={12} width="30%" />
            <Skeleton height={12} width="15%" />
            <Skeleton height={12} width="15%" />
            <Skeleton height={12} width="20%" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Three placeholder cards abreast (as `cols` has it) while a page's cards load the first time. */
export function CardsSkeleton({ height, cols }: { height: number; cols: SimpleGridProps['cols'] }) {
  return (
    <SimpleGrid cols={cols}>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={height} />
      ))}
    </SimpleGrid>
  );
}

/** German/English texts and labels of mantine-datatable's pagination and empty state. */
export function usePaginationLabels() {
  const { t } = useTranslation();
  return {
    noRecordsText: t('ui.noRecords'),
    recordsPerPageLabel: t('common.perPage'),
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
      t('common.pagination', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(totalRecords) }),
    getPaginationControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({
      'aria-label': {
        first: t('common.firstPage'),
        previous: t('common.previousPage'),
        next: t('common.nextPage'),
        last: t('common.lastPage'),
      }[control],
    }),
    getPaginationItemProps: (p: number) => ({ 'aria-label': t('common.pageN', { page: p }) }),
  };
}
