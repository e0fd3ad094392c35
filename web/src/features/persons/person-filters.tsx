import type { AttendanceGroup, PersonFilter } from '@anett/shared/schemas/person';
import { isDistrictCode } from '@anett/shared/vocab/districts';
import {
  ATTENDANCE_ROLE,
  ATTENDANCE_STATUS,
  CONSENT_CHANNEL,
  EVENT_KIND,
  ORGANIZATION_KIND,
  RELATION_TYPE,
} from '@anett/shared/vocab/enums';
import { isValidWzCode } from '@anett/shared/vocab/wz2008';
import { Button, CloseButton, Fieldset, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { AsyncMultiSelect } from '../../components/filters/async-select.tsx';
import {
  FilterControls,
  type FilterField,
  useFieldChips,
  valueChips,
} from '../../components/filters/filter-fields.tsx';
import { type FilterChip, FilterPanel, FilterSection } from '../../components/filters/filter-panel.tsx';
import { NodeMultiSelect } from '../../components/filters/node-select.tsx';
import { inVocab, onlyValid } from '../../components/filters/search-params.ts';
import { TopicMultiSelect, topicName } from '../../components/filters/topic-select.tsx';
import { VocabMultiSelect } from '../../components/filters/vocab-select.tsx';
import { DayInput, parseDay } from '../../components/forms/day-input.tsx';
import { SegmentedField } from '../../components/forms/segmented-field.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { organizationKeys } from '../../lib/query-keys.ts';
import {
  organizationLookupOptions,
  searchOrganizationOptions,
  topicListOptions,
  useReferenceNames,
} from '../../lib/reference-data.ts';
import { eventLabelOptions, searchEventOptions } from './api.ts';
import {
  LEGACY_ATTENDANCE_KEYS,
  PERSON_FILTER_KEYS,
  type PersonsSearch,
  type UrlAttendanceGroup,
  upgradeLegacySearch,
} from './search.ts';

/** The filters as sent: booleans in their query form ('true'/'false'). */
type Filters = Omit<PersonFilter, 'q' | 'hasEmail' | 'deleted'> & { hasEmail?: 'true' | 'false'; deleted?: 'true' };

const validDay = (d: string | undefined) => (d && parseDay(d) === d ? d : undefined);

/** A group as the API takes it: unknown codes and impossible dates dropped; null when no condition is left. */
function cleanGroup(g: UrlAttendanceGroup): AttendanceGroup | null {
  const from = validDay(g.from);
  const to = validDay(g.to);
  const clean: AttendanceGroup = {
    nodeId: g.nodeId,
    eventKind: onlyValid(g.eventKind, inVocab(EVENT_KIND)) as AttendanceGroup['eventKind'],
    topic: g.topic,
    eventId: g.eventId,
    from,
    // An end before the start would be refused by the server: the field shows why instead.
    to: to && (!from || to >= from) ? to : undefined,
    status: onlyValid(g.status, inVocab(ATTENDANCE_STATUS)) as AttendanceGroup['status'],
    role: onlyValid(g.role, inVocab(ATTENDANCE_ROLE)) as AttendanceGroup['role'],
  };
  const entries = Object.entries(clean).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as AttendanceGroup) : null;
}
const cleanGroups = (groups: UrlAttendanceGroup[] | undefined) => {
  const kept = (groups ?? []).map(cleanGroup).filter((g): g is AttendanceGroup => g !== null);
  return kept.length ? kept : undefined;
};

/** The URL's filters as the API takes them: unknown codes and impossible dates (a hand-edited link) are dropped. */
export function personFilters(search: PersonsSearch): Filters {
  // Older links and segments carry flat attendance keys: the same question as groups.
  const s = upgradeLegacySearch(search) ?? search;
  return {
    organizationId: s.organizationId,
    organizationKind: onlyValid(s.organizationKind, inVocab(ORGANIZATION_KIND)) as Filters['organizationKind'],
    sector: onlyValid(s.sector, isValidWzCode),
    district: onlyValid(s.district, isDistrictCode) as Filters['district'],
    affiliatedNodeId: s.affiliatedNodeId,
    nodeId: s.nodeId,
    relationType: onlyValid(s.relationType, inVocab(RELATION_TYPE)) as Filters['relationType'],
    tag: s.tag,
    hasEmail: s.hasEmail === undefined ? undefined : s.hasEmail ? 'true' : 'false',
    consent: onlyValid(s.consent, inVocab(CONSENT_CHANNEL)) as Filters['consent'],
    // Groups without a condition are being built: they apply once they have one.
    attended: cleanGroups(s.attended),
    notAttended: cleanGroups(s.notAttended),
    deleted: s.deleted ? 'true' : undefined,
  };
}

export const activeFilterCount = (f: Filters) =>
  PERSON_FILTER_KEYS.filter((k) => k !== 'attended' && k !== 'notAttended' && f[k as keyof Filters] !== undefined)
    .length +
  (f.attended?.length ?? 0) +
  (f.notAttended?.length ?? 0);

type SetSearch = (patch: Partial<PersonsSearch>) => void;

/** Labels of the records the URL filters by (organisations, events, nodes, topics). */
function useFilterLabels(f: Filters) {
  const { lang } = useLabels();
  const { nodes, node } = useReferenceNames();
  const topics = useQuery(topicListOptions());
  const orgs = useQueries({
    queries: (f.organizationId ?? []).map((id) => ({ ...organizationLookupOptions(id), staleTime: 60_000 })),
  });
  const eventIds = [...new Set([...(f.attended ?? []), ...(f.notAttended ?? [])].flatMap((g) => g.eventId ?? []))];
  const events = useQueries({ queries: eventIds.map((id) => eventLabelOptions(id)) });
  return {
    organization: (id: number) => orgs.find((q) => q.data?.id === id)?.data?.name ?? `#${id}`,
    organizationOptions: orgs.flatMap((q) => (q.data ? [{ value: String(q.data.id), label: q.data.name }] : [])),
    event: (id: number) => events.find((q) => q.data?.value === String(id))?.data?.label ?? `#${id}`,
    eventOptions: events.flatMap((q) => (q.data ? [q.data] : [])),
    node,
    /** Whether the ids name every node (more than one): "any QTI node" reads better than five names. */
    allNodes: (ids: number[]) => (nodes?.length ?? 0) > 1 && (nodes ?? []).every((n) => ids.includes(n.id)),
    topic: (id: number) => {
      const topic = topics.data?.find((t) => t.id === id);
      return topic ? topicName(topic, lang) : `#${id}`;
    },
  };
}

/** A period in words: '2024' for a whole year, else '01.03.2024–31.05.2024', 'ab …', 'bis …'. */
function periodText(g: AttendanceGroup, t: ReturnType<typeof useLabels>['t']): string | undefined {
  const { from, to } = g;
  if (from && to && from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31')) {
    return from.slice(0, 4);
  }
  if (from && to) return `${formatDate(from)}–${formatDate(to)}`;
  if (from) return t('persons.groups.since', { date: formatDate(from) });
  if (to) return t('persons.groups.until', { date: formatDate(to) });
  return undefined;
}

const ALL_STATUSES = Object.keys(ATTENDANCE_STATUS);

type Fields = FilterField<PersonsSearch>[];

/** The person filters by panel section (the organisation's, the person's own); chips follow the same order. */
function personFields(t: ReturnType<typeof useLabels>['t'], canWrite: boolean) {
  const organization: Fields = [
    { key: 'organizationKind', type: 'vocab', codes: ORGANIZATION_KIND, label: t('persons.filters.organizationKind') },
    { key: 'sector', type: 'sector', label: t('persons.filters.sector'), chip: t('persons.filters.sectorChip') },
    { key: 'district', type: 'district', label: t('persons.filters.district') },
    {
      key: 'affiliatedNodeId',
      type: 'node',
      label: t('persons.filters.affiliatedNodeId'),
      chip: t('persons.filters.affiliatedNodeIdChip'),
    },
    // Older links filter by a node relation of the organisation: shown as a chip, no longer offered.
    { key: 'nodeId', type: 'node', label: t('persons.filters.nodeIdLegacy'), noControl: true },
    { key: 'relationType', type: 'vocab', codes: RELATION_TYPE, label: t('persons.filters.relationType') },
  ];
  const consent: Fields = [
    {
      key: 'consent',
      type: 'vocab',
      codes: CONSENT_CHANNEL,
      label: t('persons.filters.consent'),
      chip: t('persons.filters.consentChip'),
    },
  ];
  const deleted: Fields = [
    {
      key: 'deleted',
      type: 'flag',
      label: t('persons.filters.deleted'),
      chip: t('persons.filters.deletedChip'),
      noControl: !canWrite,
    },
  ];
  return {
    organization,
    tag: [{ key: 'tag', type: 'tag', label: t('persons.filters.tag') }] as Fields,
    consent,
    deleted,
  };
}

/** Removable chips for every active filter value; an attendance group is one chip that reads as a sentence. */
export function usePersonFilterChips(f: Filters, search: PersonsSearch, setSearch: SetSearch): FilterChip[] {
  const { t, label } = useLabels();
  const names = useFilterLabels(f);
  const fields = personFields(t, false);
  const chipsOf = useFieldChips(f, setSearch);
  const vocab = (v: Parameters<typeof label>[0]) => (code: string) => label(v, code);
  // 'A oder B': the values of one condition.
  const anyOf = <V,>(values: V[] | undefined, text: (v: V) => string) =>
    values?.map(text).join(` ${t('persons.groups.or')} `);
  const groupText = (g: AttendanceGroup) => {
    const status =
      g.status && ALL_STATUSES.every((s) => g.status?.includes(s as never))
        ? t('persons.groups.anyStatus')
        : anyOf(g.status, vocab(ATTENDANCE_STATUS));
    const parts = [
      g.nodeId && (names.allNodes(g.nodeId) ? t('persons.groups.anyNode') : anyOf(g.nodeId, names.node)),
      anyOf(g.eventKind, vocab(EVENT_KIND)),
      anyOf(g.eventId, names.event),
      g.topic && `${t('persons.groups.topicChip')} ${anyOf(g.topic, names.topic)}`,
      periodText(g, t),
      status,
      g.role && `${t('persons.groups.roleChip')} ${anyOf(g.role, vocab(ATTENDANCE_ROLE))}`,
    ];
    return parts.filter(Boolean).join(', ');
  };
  // The URL's groups by position (empty ones included), so a chip removes exactly its own group.
  const current = upgradeLegacySearch(search) ?? search;
  const groupChips = (key: 'attended' | 'notAttended'): FilterChip[] =>
    (current[key] ?? []).flatMap((raw, index) => {
      const g = cleanGroup(raw);
      if (!g) return [];
      return [
        {
          key: `${key}:${index}`,
          label: t(`persons.groups.${key}Chip`),
          value: groupText(g),
          onRemove: () => {
            const rest = (current[key] ?? []).filter((_, i) => i !== index);
            setSearch({ ...legacyCleared(current), [key]: rest.length ? rest : undefined });
          },
        },
      ];
    });

  const hasEmail =
    f.hasEmail && t(f.hasEmail === 'true' ? 'persons.filters.withEmail' : 'persons.filters.withoutEmail');
  return [
    ...valueChips(
      'organizationId',
      f.organizationId,
      t('persons.filters.organizationId'),
      names.organization,
      setSearch,
    ),
    ...chipsOf([...fields.organization, ...fields.tag]),
    ...(hasEmail
      ? [
          {
            key: 'hasEmail',
            label: t('persons.filters.hasEmailChip'),
            value: hasEmail,
            onRemove: () => setSearch({ hasEmail: undefined }),
          },
        ]
      : []),
    ...chipsOf(fields.consent),
    ...groupChips('attended'),
    ...groupChips('notAttended'),
    ...chipsOf(fields.deleted),
  ];
}

/** Clears the flat attendance keys: written together with the groups that replace them. */
function legacyCleared(s: PersonsSearch): Partial<PersonsSearch> {
  return {
    attended: s.attended,
    notAttended: s.notAttended,
    ...Object.fromEntries(LEGACY_ATTENDANCE_KEYS.map((k) => [k, undefined])),
  };
}

type PanelProps = {
  id: string;
  opened: boolean;
  search: PersonsSearch;
  filters: Filters;
  setSearch: SetSearch;
  canWrite: boolean;
};

const GROUP_YEARS_BACK = 4;

type GroupProps = {
  kind: 'attended' | 'notAttended';
  index: number;
  group: UrlAttendanceGroup;
  onChange: (patch: Partial<UrlAttendanceGroup>) => void;
  onRemove: () => void;
};

/** One attendance group: every condition must hold for the same attendance. */
function AttendanceGroupFields({ kind, index, group: g, onChange, onRemove }: GroupProps) {
  const { t } = useLabels();
  const labels = useFilterLabels({ attended: [cleanGroup(g) ?? {}] });
  const legend = t(`persons.groups.${kind}Legend`, { n: index + 1 });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: GROUP_YEARS_BACK + 2 }, (_, i) => String(thisYear + 1 - i));
  const wholeYear =
    g.from && g.to && g.from.endsWith('-01-01') && g.to === `${g.from.slice(0, 4)}-12-31` ? g.from.slice(0, 4) : null;
  const toBeforeFrom = Boolean(g.from && g.to && g.to < g.from);
  return (
    <Fieldset
      legend={
        <Text span fw={600} size="sm" c={kind === 'notAttended' ? 'red.8' : 'teal.8'}>
          {legend}
        </Text>
      }
      variant="filled"
      radius="md"
      p="sm"
      pos="relative"
      data-testid={`group-${kind}-${index}`}
    >
      <CloseButton
        pos="absolute"
        top={6}
        right={6}
        size="sm"
        aria-label={t('persons.groups.remove', { legend })}
        onClick={onRemove}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm" verticalSpacing="xs">
        <NodeMultiSelect
          label={t('persons.groups.nodeId')}
          searchable
          value={g.nodeId}
          onChange={(nodeId) => onChange({ nodeId })}
        />
        <VocabMultiSelect
          label={t('persons.filters.eventKind')}
          searchable
          codes={EVENT_KIND}
          value={g.eventKind}
          onChange={(eventKind) => onChange({ eventKind })}
        />
        <TopicMultiSelect
          label={t('persons.filters.topic')}
          value={g.topic}
          onChange={(topic) => onChange({ topic })}
        />
        <AsyncMultiSelect
          label={t('persons.filters.eventId')}
          queryKey={['events', 'options']}
          fetchOptions={searchEventOptions}
          value={g.eventId}
          selected={labels.eventOptions}
          onChange={(eventId) => onChange({ eventId })}
        />
        <Select
          label={t('persons.groups.year')}
          placeholder={t('persons.groups.yearPlaceholder')}
          data={years}
          value={wholeYear}
          searchable
          clearable
          onChange={(y) => onChange(y ? { from: `${y}-01-01`, to: `${y}-12-31` } : { from: undefined, to: undefined })}
        />
        <DayInput
          label={t('persons.groups.from')}
          value={g.from ?? null}
          onChange={(d) => onChange({ from: d ?? undefined })}
        />
        <DayInput
          label={t('persons.groups.to')}
          value={g.to ?? null}
          onChange={(d) => onChange({ to: d ?? undefined })}
          error={toBeforeFrom ? t('forms.endBeforeStart') : undefined}
        />
        <VocabMultiSelect
          label={t('persons.filters.attendanceStatus')}
          searchable
          placeholder={g.status?.length ? undefined : t('persons.groups.statusPlaceholder')}
          codes={ATTENDANCE_STATUS}
          value={g.status}
          onChange={(status) => onChange({ status })}
        />
        <VocabMultiSelect
          label={t('persons.filters.attendanceRole')}
          searchable
          codes={ATTENDANCE_ROLE}
          value={g.role}
          onChange={(role) => onChange({ role })}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

// The two kinds of group, in the order they are listed, and the colour that tells them apart.
const GROUP_KINDS = [
  { key: 'attended', color: 'teal', add: 'persons.groups.addAttended' },
  { key: 'notAttended', color: 'red', add: 'persons.groups.addNotAttended' },
] as const;

/** "teilgenommen an" and "nicht teilgenommen an" groups, each added, edited and removed in place. */
function AttendanceGroups({ search, setSearch }: { search: PersonsSearch; setSearch: SetSearch }) {
  const { t } = useLabels();
  const current = upgradeLegacySearch(search) ?? search;
  const write = (key: 'attended' | 'notAttended', groups: UrlAttendanceGroup[]) =>
    setSearch({ ...legacyCleared(current), [key]: groups.length ? groups : undefined });
  const editors = (key: 'attended' | 'notAttended') =>
    (current[key] ?? []).map((g, index) => (
      <AttendanceGroupFields
        // Groups have no identity but their place; removing one re-renders those after it.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        key={`${key}-${index}`}
        kind={key}
        index={index}
        group={g}
        onChange={(patch) =>
          write(
            key,
            (current[key] ?? []).map((x, i) => (i === index ? { ...x, ...patch } : x)),
          )
        }
        onRemove={() =>
          write(
            key,
            (current[key] ?? []).filter((_, i) => i !== index),
          )
        }
      />
    ));
  const count = (current.attended?.length ?? 0) + (current.notAttended?.length ?? 0);
  return (
    <Stack gap="sm">
      {GROUP_KINDS.flatMap(({ key }) => editors(key))}
      <Group gap="sm">
        {GROUP_KINDS.map(({ key, color, add }) => (
          <Button
            key={key}
            variant="light"
            color={color}
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            disabled={(current[key]?.length ?? 0) >= 10}
            onClick={() => write(key, [...(current[key] ?? []), {}])}
          >
            {t(add)}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {count ? t('persons.groups.hint') : t('persons.groups.emptyHint')}
      </Text>
    </Stack>
  );
}

/** Every person filter: organisation, person and attendance conditions. */
export function PersonFilterPanel({ id, opened, search, filters: f, setSearch, canWrite }: PanelProps) {
  const { t } = useLabels();
  const names = useFilterLabels(f);
  const fields = personFields(t, canWrite);

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
        <FilterControls fields={fields.organization} values={f} setSearch={setSearch} />
      </FilterSection>

      <FilterSection title={t('persons.filters.person')}>
        <FilterControls fields={fields.tag} values={f} setSearch={setSearch} />
        <SegmentedField
          label={t('persons.filters.hasEmail')}
          value={search.hasEmail === undefined ? 'any' : search.hasEmail ? 'yes' : 'no'}
          onChange={(v) => setSearch({ hasEmail: v === 'any' ? undefined : v === 'yes' })}
          data={(['any', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`filters.${v}`) }))}
        />
        <FilterControls fields={[...fields.consent, ...fields.deleted]} values={f} setSearch={setSearch} />
      </FilterSection>

      <div>
        <Text component="h3" fz="sm" fw={650} c="dimmed" tt="uppercase" mb={8} style={{ letterSpacing: 0.4 }}>
          {t('persons.filters.events')}
        </Text>
        <AttendanceGroups search={search} setSearch={setSearch} />
      </div>
    </FilterPanel>
  );
}
