import { type PersonListItem, type PersonListQuery, personListQuery } from '@anett/shared/schemas/person';
import type { SegmentFilterInput } from '@anett/shared/schemas/segment';
import { districtLabel } from '@anett/shared/vocab/districts';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Badge, Button, CloseButton, Group, Skeleton, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconDeviceFloppy,
  IconDownload,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconSearchOff,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useEffect, useState } from 'react';
import { TableSkeleton, usePaginationLabels } from '../../components/data-table-parts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { ActiveFilters, FilterToggle } from '../../components/filters/filter-panel.tsx';
import { useUrlText } from '../../components/filters/use-url-text.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-link.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { useSessionUser } from '../auth/session.ts';
import { ExportDialog } from '../exports/export-dialog.tsx';
import { OpenSegmentBar } from '../segments/open-segment.tsx';
import { SegmentFormModal } from '../segments/segment-form-modal.tsx';
import { TagBadge } from '../tags/tag-picker.tsx';
import { personListOptions, personName } from './api.ts';
import { activeFilterCount, PersonFilterPanel, personFilters, usePersonFilterChips } from './person-filters.tsx';
import { PersonFormModal } from './person-form-modal.tsx';
import {
  PERSON_FILTER_KEYS,
  PERSON_PAGE_SIZE_DEFAULT,
  PERSON_PAGE_SIZES,
  type PersonsSearch,
  upgradeLegacySearch,
} from './search.ts';

const route = getRouteApi('/app/personen');
const sortParam = personListQuery.shape.sort.in;
const PANEL_ID = 'person-filters';

export function PersonsPage() {
  const { t, label } = useLabels();
  const user = useSessionUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = user?.role === 'admin' || user?.role === 'manager';
  const pagination = usePaginationLabels();
  const [formOpen, setFormOpen] = useState(false);
  const [segmentFilter, setSegmentFilter] = useState<SegmentFilterInput | null>(null);
  const [exportFilter, setExportFilter] = useState<SegmentFilterInput | null>(null);

  const setSearch = (patch: Partial<PersonsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: 'q' in patch });
  const { text, setText, clear: clearSearch } = useUrlText(search.q ?? '', (q) => setSearch({ q }));

  const filters = personFilters(search);
  // A link or segment from before attendance groups: show the same question as groups (and edit it as such).
  useEffect(() => {
    const upgraded = upgradeLegacySearch(search);
    if (upgraded) void navigate({ search: upgraded, replace: true });
  }, [search, navigate]);
  const activeCount = activeFilterCount(filters);
  const chips = usePersonFilterChips(filters, search, setSearch);
  const clearFilters = () =>
    setSearch(Object.fromEntries(PERSON_FILTER_KEYS.map((k) => [k, undefined])) as Partial<PersonsSearch>);
  const [panelOpen, panel] = useDisclosure(false);

  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? PERSON_PAGE_SIZE_DEFAULT;
  const sort = sortParam.safeParse(search.sort).success ? search.sort : undefined;
  const params: PersonListQuery = { q: search.q, page, pageSize, sort, ...filters };
  const list = useQuery(personListOptions(params));
  // The URL filter without list-only keys, as segments and exports take it.
  const currentFilter = (): SegmentFilterInput => {
    const { deleted: _deleted, ...rest } = filters;
    return Object.fromEntries(
      Object.entries({ q: search.q, ...rest }).filter(([, v]) => v !== undefined),
    ) as SegmentFilterInput;
  };

  const sortStatus: DataTableSortStatus<PersonListItem> = {
    columnAccessor: sort?.replace(/^-/, '') ?? (search.q ? '' : 'lastName'),
    direction: sort?.startsWith('-') ? 'desc' : 'asc',
  };

  const open = (p: PersonListItem) => navigate({ to: '/personen/$id', params: { id: p.id } });
  const total = list.data?.total;
  const filtered = activeCount > 0;

  return (
    <>
      <PageHeader
        title={t('persons.title')}
        description={t('persons.description')}
        meta={
          <Text c="dimmed" size="sm" aria-live="polite" aria-atomic data-testid="result-count">
            {total === undefined ? (
              <Skeleton component="span" height={14} width={120} display="inline-block" />
            ) : (
              t('persons.count', { count: total })
            )}
          </Text>
        }
        actions={
          canWrite && (
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={() => setSegmentFilter(currentFilter())}
              >
                {t('segments.saveAsSegment')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={() => setExportFilter(currentFilter())}
              >
                {t('segments.export')}
              </Button>
              <ButtonLink
                to="/import"
                search={{ kind: 'persons' }}
                variant="default"
                leftSection={<IconFileImport size={16} />}
              >
                {t('imports.openImport')}
              </ButtonLink>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
                {t('persons.create')}
              </Button>
            </Group>
          )
        }
      />

      {search.segment && (
        <OpenSegmentBar
          segmentId={search.segment}
          filter={currentFilter()}
          onClose={() => void navigate({ search: (prev) => ({ ...prev, segment: undefined }), replace: true })}
        />
      )}
      <Group mb="md" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          aria-label={t('persons.searchLabel')}
          placeholder={t('persons.searchPlaceholder')}
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
        <FilterToggle opened={panelOpen} onToggle={panel.toggle} activeCount={activeCount} controls={PANEL_ID} />
      </Group>

      <PersonFilterPanel
        id={PANEL_ID}
        opened={panelOpen}
        search={search}
        filters={filters}
        setSearch={setSearch}
        canWrite={canWrite}
      />
      <ActiveFilters chips={chips} onClearAll={clearFilters} />

      {list.isError ? (
        <ErrorState error={list.error} message={t('persons.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : list.data.total === 0 ? (
        <EmptyState
          icon={search.q || filtered ? <IconSearchOff size={28} /> : <IconUsers size={28} />}
          title={t('persons.emptyTitle')}
          description={
            search.q
              ? t('persons.emptyWithSearch', { q: search.q })
              : filtered
                ? t('persons.emptyWithFilters')
                : t('persons.emptyNoData')
          }
          actions={
            (search.q || filtered) && (
              <Group gap="sm">
                {search.q && (
                  <Button variant="light" onClick={clearSearch}>
                    {t('common.clearSearch')}
                  </Button>
                )}
                {filtered && (
                  <Button variant="light" onClick={clearFilters}>
                    {t('filters.clearAll')}
                  </Button>
                )}
              </Group>
            )
          }
        />
      ) : (
        <DataTable<PersonListItem>
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
          customRowAttributes={(p) => ({
            tabIndex: 0,
            'aria-label': t('persons.open', { name: personName(p) }),
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' && e.target === e.currentTarget) open(p);
            },
          })}
          page={page}
          onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
          totalRecords={list.data.total}
          recordsPerPage={pageSize}
          recordsPerPageOptions={PERSON_PAGE_SIZES}
          onRecordsPerPageChange={(n) =>
            navigate({
              search: (prev) => ({
                ...prev,
                pageSize: n === PERSON_PAGE_SIZE_DEFAULT ? undefined : n,
                page: undefined,
              }),
            })
          }
          {...pagination}
          columns={[
            {
              accessor: 'lastName',
              title: t('persons.name'),
              sortable: true,
              render: (p) => (
                <div>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600} lh={1.3}>
                      {personName(p)}
                    </Text>
                    {p.deletedAt && (
                      <Badge size="xs" color="red" variant="light">
                        {t('persons.deleted')}
                      </Badge>
                    )}
                  </Group>
                  {p.salutation && (
                    <Text size="xs" c="dimmed">
                      {label(SALUTATION, p.salutation)}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              accessor: 'organization',
              title: t('persons.organization'),
              sortable: true,
              render: (p) => (
                <div>
                  <Text size="sm" lh={1.3}>
                    {p.organization?.name ?? '–'}
                  </Text>
                  {p.function && (
                    <Text size="xs" c="dimmed">
                      {p.function}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              accessor: 'district',
              title: t('persons.district'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
              render: (p) => districtLabel(p.district),
            },
            {
              accessor: 'email',
              title: t('persons.email'),
              sortable: true,
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
              render: (p) => (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {p.email ? (
                    // Long addresses wrap after the @ first.
                    <>
                      {p.email.split('@')[0]}
                      <wbr />@{p.email.split('@').slice(1).join('@')}
                    </>
                  ) : (
                    '–'
                  )}
                </Text>
              ),
            },
            {
              accessor: 'tags',
              title: t('persons.tags'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
              render: (p) => (
                <Group gap={4}>
                  {p.tags.map((tag) => (
                    <TagBadge key={tag.id} tag={tag} size="xs" />
                  ))}
                </Group>
              ),
            },
          ]}
        />
      )}

      <SegmentFormModal
        target={segmentFilter ? { filter: segmentFilter } : null}
        onClose={() => setSegmentFilter(null)}
        onSaved={(s) => {
          setSegmentFilter(null);
          notifications.show({ color: 'green', message: t('segments.saved', { name: s.name }) });
        }}
      />
      <ExportDialog filter={exportFilter} onClose={() => setExportFilter(null)} />
      <PersonFormModal
        target={formOpen ? 'new' : null}
        onClose={() => setFormOpen(false)}
        onSaved={(p) => {
          setFormOpen(false);
          notifications.show({ color: 'green', message: t('persons.created', { name: personName(p) }) });
          void navigate({ to: '/personen/$id', params: { id: p.id } });
        }}
      />
    </>
  );
}
