import { DataTable, type DataTableColumn, type DataTableProps, type DataTableSortStatus } from 'mantine-datatable';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import 'mantine-datatable/styles.css';
import { TableSkeleton, usePaginationLabels } from '../data-table-parts.tsx';
import { ErrorState } from '../error-state.tsx';

/** The list query as the table reads it (a TanStack `useQuery` result fits). */
export type RecordListQuery<T> = {
  isError: boolean;
  error: unknown;
  isPending: boolean;
  isPlaceholderData: boolean;
  data: { items: T[]; total: number } | undefined;
  refetch: () => unknown;
};

/** Sort and paging as they stand in the URL: `sort` is `field` or `-field`; unset means the default. */
export type ListUrlState = { page?: number; pageSize?: number; sort?: string };

/** The page and page size to ask the server for: the URL's, else the first page at the list's default size. */
export const listPage = (url: ListUrlState, pageSizeDefault: number) => ({
  page: url.page ?? 1,
  pageSize: url.pageSize ?? pageSizeDefault,
});

type Paging = {
  /** The URL's paging and sort; a change comes back through `onUrlChange` (page reset on sort/size changes). */
  url: ListUrlState;
  onUrlChange: (patch: ListUrlState) => void;
  pageSizes?: number[];
  pageSizeDefault: number;
};

type Sorting = {
  /** The checked sort (unknown fields already dropped); undefined shows `defaultSort`. */
  sort?: string;
  /** Column and direction shown when the URL has no sort ('' when no column is marked). */
  defaultSort?: { column: string; direction: 'asc' | 'desc' };
};

type RecordTableProps<T> = Paging &
  Sorting & {
    query: RecordListQuery<T>;
    columns: DataTableColumn<T>[];
    /** Shown above the retry button when the list fails to load. */
    loadFailed: string;
    /** Shown instead of the table when the list is empty (usually an EmptyState with a way out). */
    empty: ReactNode;
    /** Accessible name of a row ('Open Anna Müller'); rows are focusable when they open or expand. */
    rowLabel?: (record: T) => string;
    /** Click and Enter open the record. Without it, Enter and Space toggle the row's expansion (if any). */
    onOpen?: (record: T) => void;
    /** Overlay while the first page loads instead of a skeleton (tables inside a page, e.g. attendance). */
    loadingOverlay?: boolean;
    skeletonRows?: number;
    selection?: {
      selected: T[];
      onChange: (records: T[]) => void;
      isSelectable?: (record: T) => boolean;
    };
  } & Pick<DataTableProps<T>, 'rowExpansion' | 'verticalAlign' | 'highlightOnHover'>;

const sortString = (s: DataTableSortStatus<unknown>) =>
  s.direction === 'desc' ? `-${String(s.columnAccessor)}` : String(s.columnAccessor);

/**
 * A server-paged record list: sort and paging in the URL, focusable rows (Enter opens the record), skeleton while the
 * first page loads, the page's empty state, an error with retry, German/English pagination labels.
 */
export function RecordTable<T extends { id: number | string }>({
  query,
  columns,
  loadFailed,
  empty,
  rowLabel,
  onOpen,
  url,
  onUrlChange,
  pageSizes,
  pageSizeDefault,
  sort,
  defaultSort,
  loadingOverlay,
  skeletonRows,
  selection,
  rowExpansion,
  verticalAlign = 'center',
  highlightOnHover = Boolean(onOpen || rowExpansion),
}: RecordTableProps<T>) {
  const { t } = useTranslation();
  const { recordsPerPageLabel, ...labels } = usePaginationLabels();
  const { page, pageSize } = listPage(url, pageSizeDefault);

  if (query.isError)
    return <ErrorState error={query.error} message={loadFailed} onRetry={() => void query.refetch()} />;
  if (query.isPending && !loadingOverlay) return <TableSkeleton rows={skeletonRows} />;
  if (query.data?.total === 0) return <>{empty}</>;

  const activatable = Boolean(onOpen || rowExpansion);
  const sortStatus: DataTableSortStatus<T> | undefined =
    sort || defaultSort
      ? {
          columnAccessor: sort?.replace(/^-/, '') ?? defaultSort?.column ?? '',
          direction: sort ? (sort.startsWith('-') ? 'desc' : 'asc') : (defaultSort?.direction ?? 'asc'),
        }
      : undefined;
  const sortProps = sortStatus
    ? {
        sortStatus,
        onSortStatusChange: (s: DataTableSortStatus<T>) =>
          onUrlChange({ sort: sortString(s as DataTableSortStatus<unknown>), page: undefined }),
      }
    : {};
  const selectionProps = selection
    ? {
        selectedRecords: selection.selected,
        onSelectedRecordsChange: selection.onChange,
        isRecordSelectable: selection.isSelectable,
      }
    : {};
  const pagingProps = pageSizes
    ? {
        recordsPerPageOptions: pageSizes,
        recordsPerPageLabel,
        onRecordsPerPageChange: (n: number) =>
          onUrlChange({ pageSize: n === pageSizeDefault ? undefined : n, page: undefined }),
      }
    : {};

  return (
    <DataTable<T>
      withTableBorder
      borderRadius="md"
      highlightOnHover={highlightOnHover}
      verticalAlign={verticalAlign}
      minHeight={query.isPending ? 240 : undefined}
      fetching={query.isPending || query.isPlaceholderData}
      loadingText={t('app.loading')}
      records={query.data?.items ?? []}
      idAccessor="id"
      columns={columns}
      rowExpansion={rowExpansion}
      onRowClick={onOpen ? ({ record }) => onOpen(record) : undefined}
      rowClassName={activatable ? 'row-link' : undefined}
      customRowAttributes={
        activatable
          ? (record) => ({
              tabIndex: 0,
              'aria-label': rowLabel?.(record),
              onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
                if (e.target !== e.currentTarget) return;
                if (onOpen && e.key === 'Enter') onOpen(record);
                else if (!onOpen && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  e.currentTarget.click();
                }
              },
            })
          : undefined
      }
      page={page}
      onPageChange={(p) => onUrlChange({ page: p > 1 ? p : undefined })}
      totalRecords={query.data?.total ?? 0}
      recordsPerPage={pageSize}
      {...pagingProps}
      {...labels}
      {...(sortProps as object)}
      {...(selectionProps as object)}
    />
  );
}
