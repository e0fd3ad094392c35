import { EVENT_KIND, type EventKind } from '@anett/shared/vocab/enums';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { KindFilter, NodeFilter, TopicFilter } from '../../components/filters/bar-selects.tsx';
import { FilterBar, type ListFilterProps } from '../../components/filters/filter-bar.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { topicOptionsQuery } from '../../lib/reference-data.ts';
import type { EventsSearch } from './search.ts';

/** Years to filter by: from the network's start to next year. */
function yearOptions() {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2022 + 1 }, (_, i) => String(last - i));
}

type Props = ListFilterProps<EventsSearch, EventKind>;

/** Search, node, kind, topic and (in the list) year above the events; each change lands in the URL. */
export function EventsFilters({ list, kind, anyFilter }: Props) {
  const { search, setSearch: setFilter } = list;
  const { t, lang } = useLabels();
  const topics = useQuery(topicOptionsQuery());
  const topicData = (topics.data?.items ?? []).map((tp) => ({
    value: tp.slug,
    label: lang === 'en' ? tp.labelEn : tp.label,
  }));
  return (
    <FilterBar ns="events" list={list} searchWidth={260} anyFilter={anyFilter}>
      <NodeFilter ns="events" value={search.nodeId} onChange={(nodeId) => setFilter({ nodeId })} />
      <KindFilter ns="events" codes={EVENT_KIND} value={kind} onChange={(v) => setFilter({ kind: v })} width={180} />
      <TopicFilter ns="events" data={topicData} value={search.topic} onChange={(topic) => setFilter({ topic })} />
      {search.view !== 'calendar' && (
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
    </FilterBar>
  );
}
