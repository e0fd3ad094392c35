import {
  type Organization,
  type OrganizationListQuery,
  organizationListQuery,
} from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { Button, CloseButton, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingFactory2, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useEffect, useRef, useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { organizationListOptions } from './api.ts';
import { ORGANIZATION_PAGE_SIZE_DEFAULT, ORGANIZATION_PAGE_SIZES } from './search.ts';

const route = getRouteApi('/app/organisationen');
const sortParam = organizationListQuery.shape.sort.in;

/** 'Kleinunternehmen (< 50)' may wrap before the parenthesis, never inside it. */
const keepTogether = (text: string) => text.replace(/\(.*\)$/, (p) => p.replaceAll(' ', '\u00a0'));

function TableSkeleton() {
  return (
    <Paper withBorder radius="md" p="md" aria-hidden>
      <Stack gap="md">
        <Skeleton height={14} width="40%" />
        {Array.from({ length: 8 }, (_, i) => (
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

export function OrganizationsPage() {
  const { t, label } = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();

  // The input updates at once; the URL (and so the query) follows after a short pause. Each side reacts only
  // to its own changes, so the back button (URL first) and typing (input first) do not undo each other.
  const urlQ = search.q ?? '';
  const [text, setText] = useState(urlQ);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const latest = useRef({ urlQ, debounced });
  latest.current = { urlQ, debounced };
  useEffect(() => {
    if (debounced !== latest.current.urlQ) {
      void navigate({ search: (prev) => ({ ...prev, q: debounced || undefined, page: undefined }), replace: true });
    }
  }, [debounced, navigate]);
  useEffect(() => {
    if (urlQ !== latest.current.debounced) setText(urlQ);
  }, [urlQ]);

  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? ORGANIZATION_PAGE_SIZE_DEFAULT;
  // A hand-edited sort the server does not know is ignored rather than answered with an error page.
  const sort = sortParam.safeParse(search.sort).success ? search.sort : undefined;
  const params: OrganizationListQuery = { q: search.q, page, pageSize, sort };
  const list = useQuery(organizationListOptions(params));

  const sortStatus: DataTableSortStatus<Organization> = {
    columnAccessor: sort?.replace(/^-/, '') ?? (search.q ? '' : 'name'),
    direction: sort?.startsWith('-') ? 'desc' : 'asc',
  };

  const open = (o: Organization) => navigate({ to: '/organisationen/$id', params: { id: o.id } });
  const clearSearch = () => {
    setText('');
    void navigate({ search: (prev) => ({ ...prev, q: undefined, page: undefined }) });
  };

  const total = list.data?.total;

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        meta={
          <Text c="dimmed" size="sm" aria-live="polite" aria-atomic>
            {total === undefined ? (
              <Skeleton component="span" height={14} width={120} display="inline-block" />
            ) : (
              t('organizations.count', { count: total })
            )}
          </Text>
        }
      />

      <Group mb="md" gap="sm">
        <TextInput
          type="search"
          aria-label={t('organizations.searchLabel')}
          placeholder={t('organizations.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) clearSearch();
          }}
          rightSection={
            text ? <CloseButton size="sm" aria-label={t('common.clearSearch')} onClick={clearSearch} /> : null
          }
          w={{ base: '100%', sm: 420 }}
        />
      </Group>

      {list.isError ? (
        <ErrorState error={list.error} message={t('organizations.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : list.data.total === 0 ? (
        <EmptyState
          icon={search.q ? <IconSearchOff size={28} /> : <IconBuildingFactory2 size={28} />}
          title={t('organizations.emptyTitle')}
          description={search.q ? t('organizations.emptyWithSearch', { q: search.q }) : t('organizations.emptyNoData')}
          actions={
            search.q && (
              <Button variant="light" onClick={clearSearch}>
                {t('common.clearSearch')}
              </Button>
            )
          }
        />
      ) : (
        <DataTable<Organization>
          withTableBorder
          borderRadius="md"
          highlightOnHover
          verticalAlign="center"
          fetching={list.isPlaceholderData}
          loadingText={t('app.loading')}
          records={list.data.items}
          idAccessor="id"
          sortStatus={sortStatus}
          onSortStatusChange={(s) =>
            navigate({
              search: (prev) => ({
                ...prev,
                sort: s.direction === 'desc' ? `-${String(s.columnAccessor)}` : String(s.columnAccessor),
                page: undefined,
              }),
            })
          }
          onRowClick={({ record }) => open(record)}
          rowClassName="row-link"
          customRowAttributes={(o) => ({
            tabIndex: 0,
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' && e.target === e.currentTarget) open(o);
            },
          })}
          page={page}
          onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
          totalRecords={list.data.total}
          recordsPerPage={pageSize}
          recordsPerPageOptions={ORGANIZATION_PAGE_SIZES}
          recordsPerPageLabel={t('common.perPage')}
          onRecordsPerPageChange={(n) =>
            navigate({
              search: (prev) => ({
                ...prev,
                pageSize: n === ORGANIZATION_PAGE_SIZE_DEFAULT ? undefined : n,
                page: undefined,
              }),
            })
          }
          paginationText={({ from, to, totalRecords }) =>
            t('common.pagination', {
              from: formatNumber(from),
              to: formatNumber(to),
              total: formatNumber(totalRecords),
            })
          }
          getPaginationControlProps={(control) => ({
            'aria-label': {
              first: t('common.firstPage'),
              previous: t('common.previousPage'),
              next: t('common.nextPage'),
              last: t('common.lastPage'),
            }[control],
          })}
          getPaginationItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
          columns={[
            {
              accessor: 'name',
              title: t('organizations.name'),
              sortable: true,
              render: (o) => (
                <div>
                  <Text size="sm" fw={600} lh={1.3}>
                    {o.name}
                  </Text>
                  {o.shortName && o.shortName !== o.name && (
                    <Text size="xs" c="dimmed">
                      {o.shortName}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              accessor: 'kind',
              title: t('organizations.kind'),
              sortable: true,
              render: (o) => label(ORGANIZATION_KIND, o.kind),
            },
            { accessor: 'city', title: t('organizations.city'), sortable: true },
            {
              accessor: 'district',
              title: t('organizations.district'),
              sortable: true,
              render: (o) => districtLabel(o.district),
            },
            {
              accessor: 'sizeClass',
              title: t('organizations.sizeClass'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
              render: (o) => keepTogether(label(SIZE_CLASS, o.sizeClass)),
            },
          ]}
        />
      )}
    </>
  );
}
