import { EVENT_KIND, EVENT_KINDS, type EventKind } from '@anett/shared/vocab/enums';
import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { RecordSearch } from '../../components/records/record-list-parts.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { nodeOptionsQuery, nodeSelectData, topicOptionsQuery } from '../../lib/reference-data.ts';
import type { EventsSearch } from './search.ts';

/** Years to filter by: from the network's start to next year. */
function yearOptions() {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2022 + 1 }, (_, i) => String(last - i));
}

type Props = {
  search: EventsSearch;
  kind: EventKind | undefined;
  /** From `useUrlText`. */
  searchText: { text: string; setText: (text: string) => void; clear: () => void };
  setFilter: (patch: Partial<EventsSearch>) => unknown;
  anyFilter: boolean;
  clearFilters: () => void;
};

/** Search, node, kind, topic and (in the list) year above the events; each change lands in the URL. */
export function EventsFilters({ search, kind, searchText, setFilter, anyFilter, clearFilters }: Props) {
  const { t, lang, label } = useLabels();
  const nodes = useQuery(nodeOptionsQuery());
  const topics = useQuery(topicOptionsQuery());
  const topicData = (topics.data?.items ?? []).map((tp) => ({
    value: tp.slug,
    label: lang === 'en' ? tp.labelEn : tp.label,
  }));
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <RecordSearch
        visibleLabel
        label={t('events.searchLabel')}
        placeholder={t('events.searchPlaceholder')}
        width={260}
        {...searchText}
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
      {anyFilter && (
        <Button variant="subtle" onClick={clearFilters}>
          {t('events.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
