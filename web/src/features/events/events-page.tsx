import type { Event, EventListQuery } from '@anett/shared/schemas/event';
import { EVENT_KINDS, type EventKind } from '@anett/shared/vocab/enums';
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordCount } from '../../components/records/record-list-parts.tsx';
import { RecordTable } from '../../components/records/record-table.tsx';
import { useUrlList } from '../../components/records/use-url-list.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { eventListOptions } from './api.ts';
import { EventCalendar } from './event-calendar.tsx';
import { useEventColumns } from './event-columns.tsx';
import { EventFormModal } from './event-form-modal.tsx';
import { EventsFilters } from './events-filters.tsx';
import { EventsEmptyState, EventsViewSwitch, EventsWhenTabs } from './events-list-parts.tsx';
import { EVENT_PAGE_SIZE_DEFAULT, EVENT_PAGE_SIZES } from './search.ts';

const route = getRouteApi('/app/veranstaltungen');
const SORTABLE = ['startsAt', 'title', 'kind'];

const isKind = (v: string | undefined): v is EventKind =>
  v !== undefined && (EVENT_KINDS as readonly string[]).includes(v);

export function EventsPage() {
  const { t } = useLabels();
  const canEdit = useCan().write;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const columns = useEventColumns();
  const [creating, setCreating] = useState(false);
  const list = useUrlList(search, navigate, {
    ns: 'events',
    pageSizes: EVENT_PAGE_SIZES,
    pageSizeDefault: EVENT_PAGE_SIZE_DEFAULT,
    // A hand-edited sort the server does not know is ignored rather than answered with an error page.
    sortable: (sort) => SORTABLE.includes(sort.replace(/^-/, '')),
    clearTo: (prev) => ({ when: prev.when, view: prev.view, month: prev.month }),
  });

  const view = search.view ?? 'list';
  const when = search.when ?? 'upcoming';
  const kind = isKind(search.kind) ? search.kind : undefined;
  const filters = { nodeId: search.nodeId, kind, topic: search.topic, q: search.q };
  const params: EventListQuery = {
    ...filters,
    when: search.year ? undefined : when,
    year: search.year,
    ...list.page,
    sort: list.sort as EventListQuery['sort'],
  };
  const query = useQuery({ ...eventListOptions(params), enabled: view === 'list' });

  const anyFilter = Boolean(search.q || search.nodeId || kind || search.topic || search.year);
  const open = (e: Event) => navigate({ to: '/veranstaltungen/$id', params: { id: e.id } });

  return (
    <>
      <PageHeader
        title={t('events.title')}
        description={t('events.description')}
        meta={
          view === 'list' && <RecordCount total={query.data?.total} text={(count) => t('events.count', { count })} />
        }
        actions={
          <>
            <EventsViewSwitch
              view={view}
              onChange={(v) =>
                navigate({ search: (prev) => ({ ...prev, view: v === 'calendar' ? 'calendar' : undefined }) })
              }
            />
            {canEdit && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('events.create')}
              </Button>
            )}
          </>
        }
      />
      <EventsFilters list={list} kind={kind} anyFilter={anyFilter} />

      {view === 'calendar' ? (
        <EventCalendar
          month={search.month}
          filters={filters}
          onMonthChange={(month) => navigate({ search: (prev) => ({ ...prev, month }), replace: true })}
        />
      ) : (
        <>
          <EventsWhenTabs
            when={when}
            year={search.year}
            onChange={(v) => list.setSearch({ when: v === 'past' ? 'past' : undefined })}
          />
          <RecordTable
            {...list.table(query)}
            columns={columns}
            empty={
              <EventsEmptyState
                anyFilter={anyFilter}
                past={when === 'past'}
                clearFilters={list.clearFilters}
                onCreate={canEdit ? () => setCreating(true) : undefined}
              />
            }
            rowLabel={(e) => t('events.open', { title: e.title })}
            onOpen={(e) => void open(e)}
            defaultSort={{ column: 'startsAt', direction: when === 'upcoming' && !search.year ? 'asc' : 'desc' }}
          />
        </>
      )}
      {canEdit && (
        <EventFormModal target={creating ? 'new' : null} onClose={() => setCreating(false)} onSaved={(e) => open(e)} />
      )}
    </>
  );
}
