import { INTERACTION_KIND, type InteractionKind } from '@anett/shared/vocab/enums';
import { Select, Switch } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { KindFilter, NodeFilter, TopicFilter } from '../../components/filters/bar-selects.tsx';
import { FilterBar, type ListFilterProps } from '../../components/filters/filter-bar.tsx';
import { usePickerLabels } from '../../components/localized-dates.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { topicOptionsQuery, topicSelectData } from '../../lib/reference-data.ts';
import type { InteractionsSearch } from './search.ts';

type Props = ListFilterProps<InteractionsSearch, InteractionKind>;

/** Search, kind, node, topic, period, follow-up and "only mine" above the contact log; each lands in the URL. */
export function InteractionsFilters({ list, kind, anyFilter }: Props) {
  const { search, setSearch: setFilter } = list;
  const { t, lang } = useLabels();
  const dpLabels = usePickerLabels();
  const topics = useQuery(topicOptionsQuery());
  return (
    <FilterBar ns="interactions" list={list} searchWidth={240} anyFilter={anyFilter}>
      <KindFilter
        ns="interactions"
        codes={INTERACTION_KIND}
        value={kind}
        onChange={(v) => setFilter({ kind: v })}
        width={190}
      />
      <NodeFilter ns="interactions" value={search.nodeId} onChange={(nodeId) => setFilter({ nodeId })} />
      <TopicFilter
        ns="interactions"
        data={topicSelectData(topics.data?.items, lang)}
        value={search.topic ? String(search.topic) : undefined}
        onChange={(v) => setFilter({ topic: v ? Number(v) : undefined })}
      />
      <DatePickerInput
        {...dpLabels}
        type="range"
        label={t('interactions.period')}
        placeholder={t('interactions.anyTime')}
        clearable
        allowSingleDateInRange
        value={[search.from ?? null, search.to ?? null]}
        onChange={([from, to]) => {
          // Only a complete range (or none) goes to the URL; the picker keeps a half-chosen one itself.
          if ((from && to) || (!from && !to)) setFilter({ from: from ?? undefined, to: to ?? undefined });
        }}
        w={{ base: '100%', xs: 230 }}
      />
      <Select
        label={t('interactions.followUp')}
        placeholder={t('interactions.followUpAny')}
        clearable
        data={[
          { value: 'due', label: t('interactions.followUpState.due') },
          { value: 'open', label: t('interactions.followUpState.open') },
          { value: 'done', label: t('interactions.followUpState.done') },
        ]}
        value={search.followUp ?? null}
        onChange={(v) => setFilter({ followUp: v === 'due' || v === 'open' || v === 'done' ? v : undefined })}
        w={{ base: '100%', xs: 170 }}
      />
      <Switch
        label={t('interactions.onlyMine')}
        checked={Boolean(search.mine)}
        onChange={(e) => setFilter({ mine: e.currentTarget.checked ? true : undefined })}
        mb={8}
      />
    </FilterBar>
  );
}
