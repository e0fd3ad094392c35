import { Card, Group, Pagination, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableSkeleton, usePaginationLabels } from '../data-table-parts.tsx';
import { ErrorState } from '../error-state.tsx';
import type { RecordListQuery } from './record-table.tsx';

type Props<T> = {
  query: RecordListQuery<T>;
  /** Shown above the retry button when the list fails to load (a generic text without it). */
  loadFailed?: string;
  /** Shown instead of the table when the list is empty. */
  empty: ReactNode;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  /** The header cells (`Table.Th`). */
  head: ReactNode;
  /** One `Table.Tr` (with its key) per item. */
  row: (item: T) => ReactNode;
  page: number;
  onPageChange: (page: number) => void;
  pageSize: number;
};

/**
 * A plain paged table for the admin lists (outbox, suppressions, inactive persons), whose page lives in component
 * state rather than the URL: error with retry, skeleton, empty state, bordered table and paging below it.
 */
export function PagedTable<T>({
  query,
  loadFailed,
  empty,
  minWidth,
  head,
  row,
  page,
  onPageChange,
  pageSize,
}: Props<T>) {
  const { getPaginationControlProps, getPaginationItemProps } = usePaginationLabels();
  if (query.isError)
    return <ErrorState error={query.error} message={loadFailed} onRetry={() => void query.refetch()} />;
  if (query.isPending || !query.data) return <TableSkeleton />;
  if (query.data.total === 0) return <>{empty}</>;
  return (
    <Card withBorder radius="md" p={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{query.data.items.map((item) => row(item))}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.data.total > pageSize && (
        <Group justify="flex-end" p="sm">
          <Pagination
            value={page}
            onChange={onPageChange}
            total={Math.ceil(query.data.total / pageSize)}
            getControlProps={getPaginationControlProps}
            getItemProps={getPaginationItemProps}
          />
        </Group>
      )}
    </Card>
  );
}
