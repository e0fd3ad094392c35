import type { PersonFilter } from '@anett/shared/schemas/person';
import { districtLabel, isDistrictCode } from '@anett/shared/vocab/districts';
import {
  ATTENDANCE_ROLE,
  ATTENDANCE_STATUS,
  CONSENT_CHANNEL,
  EVENT_KIND,
  ORGANIZATION_KIND,
  RELATION_TYPE,
} from '@anett/shared/vocab/enums';
import { isValidWzCode } from '@anett/shared/vocab/wz2008';
import { SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { AsyncMultiSelect } from '../../components/filters/async-select.tsx';
import { type FilterChip, FilterPanel, FilterSection } from '../../components/filters/filter-panel.tsx';
import { onlyValid } from '../../components/filters/search-params.ts';
import {
  DistrictMultiSelect,
  VocabMultiSelect,
  WzMultiSelect,
  wzChipLabel,
} from '../../components/filters/vocab-select.tsx';
import { DayInput, parseDay } from '../../components/forms/day-input.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { nodeOptionsQuery } from '../../lib/reference-data.ts';
import { NodeMultiSelect } from '../network/node-select.tsx';
import { organizationDetailOptions, organizationKeys, searchOrganizationOptions } from '../organizations/api.ts';
import { tagListOptions, topicListOptions } from '../tags/api.ts';
import { TagPicker } from '../tags/tag-picker.tsx';
import { TopicMultiSelect, topicName } from '../tags/topic-select.tsx';
import { eventLabelOptions, searchEventOptions } from './api.ts';
import { PERSON_FILTER_KEYS, type PersonsSearch } from './search.ts';

/** The filters as sent: booleans in their query form ('true'/'false'). */
type Filters = Omit<PersonFilter, 'q' | 'hasEmail' | 'deleted'> & { hasEmail?: 'true' | 'false'; deleted?: 'true' };

const inVocab = (vocab: object) => (code: string) => Object.hasOwn(vocab, code);
const validDay = (d: string | undefined) => (d && parseDay(d) === d ? d : undefined);

/** The URL's filters as the API takes them: unknown codes and impossible dates (a hand-edited link) are dropped. */
export function personFilters(s: PersonsSearch): Filters {
  const attendedFrom = validDay(s.attendedFrom);
  const to = validDay(s.attendedTo);
  return {
    organizationId: s.organizationId,
    organizationKind: onlyValid(s.organizationKind, inVocab(ORGANIZATION_KIND)) as Filters['organizationKind'],
    sector: onlyValid(s.sector, isValidWzCode),
    district: onlyValid(s.district, isDistrictCode) as Filters['district'],
    nodeId: s.nodeId,
    relationType: onlyValid(s.relationType, inVocab(RELATION_TYPE)) as Filters['relationType'],
    tag: s.tag,
    hasEmail: s.hasEmail === undefined ? undefined : s.hasEmail ? 'true' : 'false',
    consent: onlyValid(s.consent, inVocab(CONSENT_CHANNEL)) as Filters['consent'],
    eventId: s.eventId,
    eventKind: onlyValid(s.eventKind, inVocab(EVENT_KIND)) as Filters['eventKind'],
    attendanceStatus: onlyValid(s.attendanceStatus, inVocab(ATTENDANCE_STATUS)) as Filters['attendanceStatus'],
    attendanceRole: onlyValid(s.attendanceRole, inVocab(ATTENDANCE_ROLE)) as Filters['attendanceRole'],
    attendedFrom,
    // An end before the start would be refused by the server: the field shows why instead.
    attendedTo: to && (!attendedFrom || to >= attendedFrom) ? to : undefined,
    topic: s.topic,
    excludeEventKind: onlyValid(s.excludeEventKind, inVocab(EVENT_KIND)) as Filters['excludeEventKind'],
    deleted: s.deleted ? 'true' : undefined,
  };
}

export const activeFilterCount = (f: Filters) => PERSON_FILTER_KEYS.filter((k) => f[k] !== undefined).length;

type SetSearch = (patch: Partial<PersonsSearch>) => void;

/** Labels of the records the URL filters by (organisations, events, nodes, tags, topics). */
function useFilterLabels(f: Filters) {
  const { lang } = useLabels();
  const nodes = useQuery(nodeOptionsQuery());
  const tags = useQuery(tagListOptions());
  const topics = useQuery(topicListOptions());
  const orgs = useQueries({
    queries: (f.organizationId ?? []).map((id) => ({ ...organizationDetailOptions(id), staleTime: 60_000 })),
  });
  const events = useQueries({ queries: (f.eventId ?? []).map((id) => eventLabelOptions(id)) });
  return {
    organization: (id: number) => orgs.find((q) => q.data?.id === id)?.data?.name ?? `#${id}`,
    organizationOptions: orgs.flatMap((q) => (q.data ? [{ value: String(q.data.id), label: q.data.name }] : [])),
    event: (id: number) => events.find((q) => q.data?.value === String(id))?.data?.label ?? `#${id}`,
    eventOptions: events.flatMap((q) => (q.data ? [q.data] : [])),
    node: (id: number) => nodes.data?.items.find((n) => n.id === id)?.name ?? `#${id}`,
    tag: (id: number) => tags.data?.find((t) => t.id === id)?.name ?? `#${id}`,
    topic: (id: number) => {
      const topic = topics.data?.find((t) => t.id === id);
      return topic ? topicName(topic, lang) : `#${id}`;
    },
  };
}

/** Removable chips for every active filter value. */
export function usePersonFilterChips(f: Filters, setSearch: SetSearch): FilterChip[] {
  const { t, label } = useLabels();
  const names = useFilterLabels(f);
  const list = <K extends keyof Filters>(key: K, title: string, text: (v: never) => string): FilterChip[] => {
    const values = (f[key] ?? []) as (string | number)[];
    return values.map((v) => {
      const rest = values.filter((x) => x !== v);
      return {
        key: `${key}:${v}`,
        label: title,
        value: text(v as never),
        onRemove: () => setSearch({ [key]: rest.length ? rest : undefined } as Partial<PersonsSearch>),
      };
    });
  };
  const single = (key: keyof PersonsSearch, title: string, value: string | undefined): FilterChip[] =>
    value === undefined ? [] : [{ key, label: title, value, onRemove: () => setSearch({ [key]: undefined }) }];
  const vocab = (v: Parameters<typeof label>[0]) => (code: string) => label(v, code);

  return [
    ...list('organizationId', t('persons.filters.organizationId'), names.organization),
    ...list('organizationKind', t('persons.filters.organizationKind'), vocab(ORGANIZATION_KIND)),
    ...list('sector', t('persons.filters.sectorChip'), wzChipLabel),
    ...list('district', t('persons.filters.district'), districtLabel),
    ...list('nodeId', t('persons.filters.nodeId'), names.node),
    ...list('relationType', t('persons.filters.relationType'), vocab(RELATION_TYPE)),
    ...list('tag', t('persons.filters.tag'), names.tag),
    ...single(
      'hasEmail',
      t('persons.filters.hasEmailChip'),
      f.hasEmail === undefined
        ? undefined
        : f.hasEmail === 'true'
          ? t('persons.filters.withEmail')
          : t('persons.filters.withoutEmail'),
    ),
    ...list('consent', t('persons.filters.consentChip'), vocab(CONSENT_CHANNEL)),
    ...list('eventId', t('persons.filters.eventId'), names.event),
    ...list('eventKind', t('persons.filters.eventKind'), vocab(EVENT_KIND)),
    ...list('attendanceStatus', t('persons.filters.attendanceStatus'), vocab(ATTENDANCE_STATUS)),
    ...list('attendanceRole', t('persons.filters.attendanceRole'), vocab(ATTENDANCE_ROLE)),
    ...single('attendedFrom', t('persons.filters.attendedFrom'), f.attendedFrom && formatDate(f.attendedFrom)),
    ...single('attendedTo', t('persons.filters.attendedTo'), f.attendedTo && formatDate(f.attendedTo)),
    ...list('topic', t('persons.filters.topic'), names.topic),
    ...list('excludeEventKind', t('persons.filters.excludeEventKindChip'), vocab(EVENT_KIND)),
    ...single('deleted', t('persons.filters.deletedChip'), f.deleted ? t('filters.yes') : undefined),
  ];
}

type PanelProps = {
  id: string;
  opened: boolean;
  search: PersonsSearch;
  filters: Filters;
  setSearch: SetSearch;
  canWrite: boolean;
};

/** Every person filter: organisation, person and event conditions. */
export function PersonFilterPanel({ id, opened, search, filters: f, setSearch, canWrite }: PanelProps) {
  const { t } = useLabels();
  const names = useFilterLabels(f);
  const toBeforeFrom = Boolean(search.attendedTo && search.attendedFrom && search.attendedTo < search.attendedFrom);

  return (
    <FilterPanel id={id} opened={opened}>
      <FilterSection title={t('persons.filters.organization')}>
        <AsyncMultiSelect
          label={t('persons.filters.organizationId')}
          queryKey={organizationKeys.options()}
          fetchOptions={searchOrganizationOptions}
          value={f.organizationId}
          selected={names.organizationOptions}
          onChange={(organizationId) => setSearch({ organizationId })}
        />
        <VocabMultiSelect
          label={t('persons.filters.organizationKind')}
          codes={ORGANIZATION_KIND}
          value={f.organizationKind}
          onChange={(organizationKind) => setSearch({ organizationKind })}
        />
        <WzMultiSelect
          label={t('persons.filters.sector')}
          value={f.sector}
          onChange={(sector) => setSearch({ sector })}
        />
        <DistrictMultiSelect
          label={t('persons.filters.district')}
          value={f.district}
          onChange={(district) => setSearch({ district })}
        />
        <NodeMultiSelect
          label={t('persons.filters.nodeId')}
          value={f.nodeId}
          onChange={(nodeId) => setSearch({ nodeId })}
        />
        <VocabMultiSelect
          label={t('persons.filters.relationType')}
          codes={RELATION_TYPE}
          value={f.relationType}
          onChange={(relationType) => setSearch({ relationType })}
        />
      </FilterSection>

      <FilterSection title={t('persons.filters.person')}>
        <TagPicker
          label={t('persons.filters.tag')}
          value={f.tag ?? []}
          onChange={(ids) => setSearch({ tag: ids.length ? ids : undefined })}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="filter-has-email">
            {t('persons.filters.hasEmail')}
          </Text>
          <SegmentedControl
            aria-labelledby="filter-has-email"
            value={search.hasEmail === undefined ? 'any' : search.hasEmail ? 'yes' : 'no'}
            onChange={(v) => setSearch({ hasEmail: v === 'any' ? undefined : v === 'yes' })}
            data={[
              { value: 'any', label: t('filters.any') },
              { value: 'yes', label: t('filters.yes') },
              { value: 'no', label: t('filters.no') },
            ]}
          />
        </Stack>
        <VocabMultiSelect
          label={t('persons.filters.consent')}
          codes={CONSENT_CHANNEL}
          value={f.consent}
          onChange={(consent) => setSearch({ consent })}
        />
        {canWrite && (
          <Switch
            mt={{ base: 0, xs: 30 }}
            label={t('persons.filters.deleted')}
            checked={Boolean(search.deleted)}
            onChange={(e) => setSearch({ deleted: e.currentTarget.checked || undefined })}
          />
        )}
      </FilterSection>

      <FilterSection title={t('persons.filters.events')}>
        <AsyncMultiSelect
          label={t('persons.filters.eventId')}
          queryKey={['events', 'options']}
          fetchOptions={searchEventOptions}
          value={f.eventId}
          selected={names.eventOptions}
          onChange={(eventId) => setSearch({ eventId })}
        />
        <VocabMultiSelect
          label={t('persons.filters.eventKind')}
          codes={EVENT_KIND}
          value={f.eventKind}
          onChange={(eventKind) => setSearch({ eventKind })}
        />
        <VocabMultiSelect
          label={t('persons.filters.attendanceStatus')}
          codes={ATTENDANCE_STATUS}
          value={f.attendanceStatus}
          onChange={(attendanceStatus) => setSearch({ attendanceStatus })}
        />
        <VocabMultiSelect
          label={t('persons.filters.attendanceRole')}
          codes={ATTENDANCE_ROLE}
          value={f.attendanceRole}
          onChange={(attendanceRole) => setSearch({ attendanceRole })}
        />
        <DayInput
          label={t('persons.filters.attendedFrom')}
          value={search.attendedFrom ?? null}
          onChange={(d) => setSearch({ attendedFrom: d ?? undefined })}
        />
        <DayInput
          label={t('persons.filters.attendedTo')}
          value={search.attendedTo ?? null}
          onChange={(d) => setSearch({ attendedTo: d ?? undefined })}
          error={toBeforeFrom ? t('forms.endBeforeStart') : undefined}
        />
        <TopicMultiSelect
          label={t('persons.filters.topic')}
          value={f.topic}
          onChange={(topic) => setSearch({ topic })}
        />
        <VocabMultiSelect
          label={t('persons.filters.excludeEventKind')}
          codes={EVENT_KIND}
          value={f.excludeEventKind}
          onChange={(excludeEventKind) => setSearch({ excludeEventKind })}
        />
      </FilterSection>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('persons.filters.eventHint')}
      </Text>
    </FilterPanel>
  );
}
