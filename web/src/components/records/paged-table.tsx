import { Card, Group, Pagination, Table, type TableTdProps, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableSkeleton, usePaginationLabels } from '../data-table-parts.tsx';
import { ErrorState } from '../error-state.tsx';
import type { RecordListQuery } from './record-table.tsx';

/** One column of a paged table: its header and how an item fills its cell. */
export type PagedColumn<T> = {
  title: string;
  /** The header is for screen readers only (a column of buttons). */
  hiddenTitle?: boolean;
  /** Alignment of the header and the cells. */
  ta?: TableTdProps['ta'];
  /** Style of the cells. */
  style?: TableTdProps['style'];
  cell: (item: T) => ReactNode;
};

type Props<T> = {
  query: RecordListQuery<T>;
  /** Shown above the retry button when the list fails to load (a generic text without it). */
  loadFailed?: string;
  /** Shown instead of the table when the list is empty. */
  empty: ReactNode;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  columns: PagedColumn<T>[];
  rowKey: (item: T) => string | number;
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
  columns,
  rowKey,
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
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.title} ta={c.ta}>
                  {c.hiddenTitle ? <VisuallyHidden>{c.title}</VisuallyHidden> : c.title}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((item) => (
              <Table.Tr key={rowKey(item)}>
                {columns.map((c) => (
                  <Table.Td key={c.title} ta={c.ta} style={c.style}>
                    {c.cell(item)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
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
