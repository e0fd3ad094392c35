import type { Event, EventListQuery } from '@anett/shared/schemas/event';
import { EVENT_KIND, EVENT_KINDS, type EventKind } from '@anett/shared/vocab/enums';
import {
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarEvent, IconCalendarMonth, IconList, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useEffect, useRef, useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { nodeOptionsQuery, nodeSelectData, topicOptionsQuery } from '../../lib/reference-data.ts';
import { useSessionUser } from '../auth/session.ts';
import { eventListOptions } from './api.ts';
import { EventCalendar } from './event-calendar.tsx';
import { EventFormModal } from './event-form-modal.tsx';
import { KIND_COLOR } from './event-kind.ts';
import { Registrations } from './registrations.tsx';
import { EVENT_PAGE_SIZE_DEFAULT, EVENT_PAGE_SIZES } from './search.ts';

const route = getRouteApi('/app/veranstaltungen');
const SORTABLE = ['startsAt', 'title', 'kind'];

const isKind = (v: string | undefined): v is EventKind =>
  v !== undefined && (EVENT_KINDS as readonly string[]).includes(v);

function TableSkeleton() {
  return (
    <Paper withBorder radius="md" p="md" aria-hidden>
      <Stack gap="md">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
          <Group key={i} gap="xl" wrap="nowrap">
            <Skeleton height={12} width="12%" />
            <Skeleton height={12} width="35%" />
            <Skeleton height={12} width="15%" />
            <Skeleton height={12} width="15%" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Years to filter by: from the network's start to next year. */
function yearOptions() {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2022 + 1 }, (_, i) => String(last - i));
}

export function EventsPage() {
  const { t, lang, label } = useLabels();
  const user = useSessionUser();
  const canEdit = user?.role === 'admin' || user?.role === 'manager';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [creating, setCreating] = useState(false);

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

  const nodes = useQuery(nodeOptionsQuery());
  const topics = useQuery(topicOptionsQuery());

  const view = search.view ?? 'list';
  const when = search.when ?? 'upcoming';
  const kind = isKind(search.kind) ? search.kind : undefined;
  const filters = { nodeId: search.nodeId, kind, topic: search.topic, q: search.q };
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? EVENT_PAGE_SIZE_DEFAULT;
  // A hand-edited sort the server does not know is ignored rather than answered with an error page.
  const sort = search.sort && SORTABLE.includes(search.sort.replace(/^-/, '')) ? search.sort : undefined;
  const defaultDirection = when === 'upcoming' && !search.year ? 'asc' : 'desc';
  const sortStatus: DataTableSortStatus<Event> = {
    columnAccessor: sort?.replace(/^-/, '') ?? 'startsAt',
    direction: sort ? (sort.startsWith('-') ? 'desc' : 'asc') : defaultDirection,
  };
  const params: EventListQuery = {
    ...filters,
    when: search.year ? undefined : when,
    year: search.year,
    page,
    pageSize,
    sort: sort as EventListQuery['sort'],
  };
  const list = useQuery({ ...eventListOptions(params), enabled: view === 'list' });

  const setFilter = (patch: Partial<typeof search>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });
  const anyFilter = Boolean(search.q || search.nodeId || kind || search.topic || search.year);
  const clearFilters = () => {
    setText('');
    void navigate({
      search: (prev) => ({ when: prev.when, view: prev.view, month: prev.month }),
    });
  };

  const open = (e: Event) => navigate({ to: '/veranstaltungen/$id', params: { id: e.id } });
  const total = list.data?.total;
  const topicData = (topics.data?.items ?? []).map((tp) => ({
    value: tp.slug,
    label: lang === 'en' ? tp.labelEn : tp.label,
  }));

  return (
    <>
      <PageHeader
        title={t('events.title')}
        description={t('events.description')}
        meta={
          view === 'list' && (
            <Text c="dimmed" size="sm" aria-live="polite" aria-atomic>
              {total === undefined ? (
                <Skeleton component="span" height={14} width={120} display="inline-block" />
              ) : (
                t('events.count', { count: total })
              )}
            </Text>
          )
        }
        actions={
          <>
            <SegmentedControl
              aria-label={t('events.viewLabel')}
              value={view}
              onChange={(v) =>
                navigate({ search: (prev) => ({ ...prev, view: v === 'calendar' ? 'calendar' : undefined }) })
              }
              data={[
                {
                  value: 'list',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconList size={16} /> {t('events.viewList')}
                    </Group>
                  ),
                },
                {
                  value: 'calendar',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconCalendarMonth size={16} /> {t('events.viewCalendar')}
                    </Group>
                  ),
                },
              ]}
            />
            {canEdit && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('events.create')}
              </Button>
            )}
          </>
        }
      />

      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('events.searchLabel')}
          placeholder={t('events.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) setText('');
          }}
          rightSection={
            text ? <CloseButton size="sm" aria-label={t('common.clearSearch')} onClick={() => setText('')} /> : null
          }
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('events.node')}
          placeholder={t('events.allNodes')}
          clearable
          data={nodeSelectData(nodes.data?.items)}
          value={search.nodeId ? String(search.nodeId) : null}
          onChange={(v) => setFilter({ nodeId: v ? Number(v) : undefined })}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('events.kind')}
          placeholder={t('events.allKinds')}
          clearable
          data={EVENT_KINDS.map((k) => ({ value: k, label: label(EVENT_KIND, k) }))}
          value={kind ?? null}
          onChange={(v) => setFilter({ kind: v ?? undefined })}
          w={{ base: '100%', xs: 180 }}
        />
        <Select
          label={t('events.topic')}
          placeholder={t('events.allTopics')}
          clearable
          searchable
          data={topicData}
          value={search.topic ?? null}
          onChange={(v) => setFilter({ topic: v ?? undefined })}
          w={{ base: '100%', xs: 180 }}
        />
        {view === 'list' && (
          <Select
            label={t('events.year')}
            placeholder={t('events.allYears')}
            clearable
            data={yearOptions()}
            value={search.year ? String(search.year) : null}
            onChange={(v) => setFilter({ year: v ? Number(v) : undefined })}
            w={{ base: '100%', xs: 120 }}
          />
        )}
        {anyFilter && (
          <Button variant="subtle" onClick={clearFilters}>
            {t('events.clearFilters')}
          </Button>
        )}
      </Group>

      {view === 'calendar' ? (
        <EventCalendar
          month={search.month}
          filters={filters}
          onMonthChange={(month) => navigate({ search: (prev) => ({ ...prev, month }), replace: true })}
        />
      ) : (
        <>
          {search.year ? (
            <Text size="sm" c="dimmed" mb="sm">
              {t('events.yearHint', { year: search.year })}
            </Text>
          ) : (
            <Tabs
              value={when}
              onChange={(v) => setFilter({ when: v === 'past' ? 'past' : undefined })}
              mb="md"
              keepMounted={false}
            >
              <Tabs.List>
                <Tabs.Tab value="upcoming">{t('events.upcoming')}</Tabs.Tab>
                <Tabs.Tab value="past">{t('events.past')}</Tabs.Tab>
              </Tabs.List>
            </Tabs>
          )}
          {list.isError ? (
            <ErrorState error={list.error} message={t('events.loadFailed')} onRetry={() => void list.refetch()} />
          ) : list.isPending ? (
            <TableSkeleton />
          ) : list.data.total === 0 ? (
            <EmptyState
              icon={<IconCalendarEvent size={28} />}
              title={t('events.emptyTitle')}
              description={
                anyFilter
                  ? t('events.emptyFiltered')
                  : when === 'past'
                    ? t('events.emptyPast')
                    : t('events.emptyUpcoming')
              }
              actions={
                anyFilter ? (
                  <Button variant="light" onClick={clearFilters}>
                    {t('events.clearFilters')}
                  </Button>
                ) : (
                  canEdit && (
                    <Button variant="light" onClick={() => setCreating(true)}>
                      {t('events.create')}
                    </Button>
                  )
                )
              }
            />
          ) : (
            <DataTable<Event>
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
              customRowAttributes={(e) => ({
                tabIndex: 0,
                'aria-label': t('events.open', { title: e.title }),
                onKeyDown: (ev: React.KeyboardEvent) => {
                  if (ev.key === 'Enter' && ev.target === ev.currentTarget) open(e);
                },
              })}
              page={page}
              onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
              totalRecords={list.data.total}
              recordsPerPage={pageSize}
              recordsPerPageOptions={EVENT_PAGE_SIZES}
              recordsPerPageLabel={t('common.perPage')}
              onRecordsPerPageChange={(n) =>
                navigate({
                  search: (prev) => ({
                    ...prev,
                    pageSize: n === EVENT_PAGE_SIZE_DEFAULT ? undefined : n,
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
                  accessor: 'startsAt',
                  title: t('events.date'),
                  sortable: true,
                  width: 130,
                  render: (e) => (
                    <>
                      <Text size="sm" fw={500}>
                        {formatDate(e.startsAt)}
                      </Text>
                      {e.endsAt && formatDate(e.endsAt) !== formatDate(e.startsAt) && (
                        <Text size="xs" c="dimmed">
                          {t('events.until', { date: formatDate(e.endsAt) })}
                        </Text>
                      )}
                    </>
                  ),
                },
                {
                  accessor: 'title',
                  title: t('events.eventTitle'),
                  sortable: true,
                  render: (e) => (
                    <div>
                      <Text size="sm" fw={600} lh={1.3}>
                        {e.title}
                      </Text>
                      {e.location && (
                        <Text size="xs" c="dimmed">
                          {e.location}
                        </Text>
                      )}
                    </div>
                  ),
                },
                {
                  accessor: 'kind',
                  title: t('events.kind'),
                  sortable: true,
                  width: 170,
                  render: (e) => (
                    <Badge color={KIND_COLOR[e.kind]} variant="light" radius="sm" tt="none" maw="100%">
                      {label(EVENT_KIND, e.kind)}
                    </Badge>
                  ),
                },
                {
                  accessor: 'node',
                  title: t('events.node'),
                  visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
                  render: (e) => e.node?.name ?? <VisuallyHidden>{t('events.noNode')}</VisuallyHidden>,
                },
                {
                  accessor: 'counts',
                  title: t('events.registrations'),
                  textAlign: 'right',
                  render: (e) => <Registrations event={e} />,
                },
              ]}
            />
          )}
        </>
      )}
      {canEdit && (
        <EventFormModal target={creating ? 'new' : null} onClose={() => setCreating(false)} onSaved={(e) => open(e)} />
      )}
    </>
  );
}
