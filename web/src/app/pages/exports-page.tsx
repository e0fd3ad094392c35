import type { Segment, SegmentFilterInput, SegmentListQuery } from '@anett/shared/schemas/segment';
import { Anchor, Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFilter, IconPencil, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useCan } from '../../lib/use-can.ts';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { TableSkeleton, usePaginationLabels } from '../../components/data-table-parts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordCount } from '../../components/records/record-list-parts.tsx';
import { RowActionsMenu } from '../../components/records/row-actions-menu.tsx';
import { ExportDialog } from '../../features/exports/export-dialog.tsx';
import type { PersonsSearch } from '../../features/persons/search.ts';
import { segmentListOptions, useDeleteSegment } from '../../features/segments/api.ts';
import { SegmentFormModal } from '../../features/segments/segment-form-modal.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

const PAGE_SIZE = 50;

/** `/exporte`: own and shared segments with live counts; open, export, rename/share, delete. */
export function ExportsPage() {
  const { t } = useLabels();
  const navigate = useNavigate();
  const canWrite = useCan().write;
  // One fixed page size: no per-page picker, so no label for it.
  const { recordsPerPageLabel: _perPage, ...pagination } = usePaginationLabels();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<DataTableSortStatus<Segment>>({ columnAccessor: 'name', direction: 'asc' });
  const params: SegmentListQuery = {
    page,
    pageSize: PAGE_SIZE,
    sort: `${sort.direction === 'desc' ? '-' : ''}${String(sort.columnAccessor)}` as SegmentListQuery['sort'],
  };
  const list = useQuery(segmentListOptions(params));
  const remove = useDeleteSegment();
  const [editing, setEditing] = useState<Segment | null>(null);
  const [toDelete, setToDelete] = useState<Segment | null>(null);
  const [exporting, setExporting] = useState<Segment | null>(null);

  const open = (s: Segment) =>
    void navigate({ to: '/personen', search: { ...(s.filter as PersonsSearch), segment: s.id } });
  const conflict = () => {
    notifications.show({ color: 'orange', message: t('common.versionConflict') });
    void list.refetch();
  };
  const confirmDelete = () => {
    if (!toDelete) return;
    const name = toDelete.name;
    remove.mutate(toDelete, {
      onSuccess: () => notifications.show({ color: 'green', message: t('segments.deleted', { name }) }),
      onError: (err) =>
        isApiError(err, 412) ? conflict() : notifications.show({ color: 'red', message: errorMessage(t, err) }),
      onSettled: () => setToDelete(null),
    });
  };

  return (
    <>
      <PageHeader
        title={t('segments.title')}
        description={t('segments.description')}
        meta={<RecordCount total={list.data?.total} text={(count) => t('segments.count', { count })} />}
      />
      {list.isError ? (
        <ErrorState error={list.error} message={t('segments.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton rows={4} />
      ) : list.data.total === 0 ? (
        <EmptyState
          icon={<IconUsersGroup size={28} />}
          title={t('segments.emptyTitle')}
          description={t('segments.emptyText')}
          actions={
            <Button variant="light" onClick={() => void navigate({ to: '/personen' })}>
              {t('segments.toPersons')}
            </Button>
          }
        />
      ) : (
        <DataTable<Segment>
          withTableBorder
          borderRadius="md"
          highlightOnHover
          verticalAlign="center"
          fetching={list.isPlaceholderData}
          records={list.data.items}
          idAccessor="id"
          sortStatus={sort}
          onSortStatusChange={(s) => {
            setSort(s);
            setPage(1);
          }}
          page={page}
          onPageChange={setPage}
          totalRecords={list.data.total}
          recordsPerPage={PAGE_SIZE}
          {...pagination}
          columns={[
            {
              accessor: 'name',
              title: t('segments.name'),
              sortable: true,
              render: (s) => (
                <Anchor component="button" type="button" fw={600} size="sm" onClick={() => open(s)}>
                  {s.name}
                </Anchor>
              ),
            },
            {
              accessor: 'count',
              title: t('segments.persons'),
              textAlign: 'right',
              render: (s) => formatNumber(s.count),
            },
            {
              accessor: 'shared',
              title: t('segments.visibility'),
              render: (s) => (
                <Badge
                  variant="light"
                  color={s.shared ? 'anett' : 'gray'}
                  styles={{ root: { minWidth: 'max-content' } }}
                >
                  {s.shared ? t('segments.isShared') : t('segments.isPrivate')}
                </Badge>
              ),
            },
            {
              accessor: 'owner',
              title: t('segments.owner'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
              render: (s) => s.owner.name,
            },
            {
              accessor: 'updatedAt',
              title: t('segments.updatedAt'),
              sortable: true,
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
              render: (s) => formatDate(s.updatedAt),
            },
            {
              accessor: 'actions',
              title: t('common.actions'),
              textAlign: 'right',
              render: (s) => (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {canWrite && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconDownload size={14} />}
                      onClick={() => setExporting(s)}
                    >
                      {t('segments.export')}
                    </Button>
                  )}
                  <RowActionsMenu
                    label={t('segments.actionsFor', { name: s.name })}
                    actions={[
                      { label: t('segments.open'), icon: <IconFilter size={16} />, onClick: () => open(s) },
                      {
                        label: t('segments.edit'),
                        icon: <IconPencil size={16} />,
                        hidden: !(canWrite && s.editable),
                        onClick: () => setEditing(s),
                      },
                      {
                        label: t('segments.delete'),
                        icon: <IconTrash size={16} />,
                        color: 'red',
                        hidden: !(canWrite && s.editable),
                        onClick: () => setToDelete(s),
                      },
                    ]}
                  />
                </Group>
              ),
            },
          ]}
        />
      )}

      <SegmentFormModal
        target={editing ? { segment: editing } : null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          notifications.show({ color: 'green', message: t('segments.updated') });
        }}
        onConflict={() => {
          setEditing(null);
          conflict();
        }}
      />
      <ConfirmDialog
        opened={toDelete !== null}
        title={t('segments.deleteTitle')}
        message={t('segments.deleteConfirm', { name: toDelete?.name ?? '' })}
        confirmLabel={t('segments.delete')}
        danger
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setToDelete(null)}
      />
      <ExportDialog
        filter={exporting ? (exporting.filter as SegmentFilterInput) : null}
        fileName={exporting?.name}
        onClose={() => setExporting(null)}
      />
    </>
  );
}
