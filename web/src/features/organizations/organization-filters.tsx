import type { OrganizationFilter } from '@anett/shared/schemas/organization';
import { districtLabel, isDistrictCode } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, RELATION_TYPE, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { isValidWzCode } from '@anett/shared/vocab/wz2008';
import { Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FilterChip, FilterPanel, FilterSection } from '../../components/filters/filter-panel.tsx';
import { NodeMultiSelect } from '../../components/filters/node-select.tsx';
import { onlyValid } from '../../components/filters/search-params.ts';
import {
  DistrictMultiSelect,
  VocabMultiSelect,
  WzMultiSelect,
  wzChipLabel,
} from '../../components/filters/vocab-select.tsx';
import { TagPicker } from '../../components/tag-picker.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { nodeOptionsQuery, tagListOptions } from '../../lib/reference-data.ts';
import type { OrganizationsSearch } from './search.ts';

type Filters = ReturnType<typeof organizationFilters>;
type SetSearch = (patch: Partial<OrganizationsSearch>) => unknown;

const inVocab = (vocab: object) => (code: string) => Object.hasOwn(vocab, code);

/** The URL's filters as the API takes them: unknown codes (a hand-edited link) are dropped, not sent. */
export function organizationFilters(s: OrganizationsSearch): Omit<OrganizationFilter, 'q' | 'deleted'> & {
  deleted?: 'true';
} {
  return {
    kind: onlyValid(s.kind, inVocab(ORGANIZATION_KIND)) as OrganizationFilter['kind'],
    sector: onlyValid(s.sector, isValidWzCode),
    district: onlyValid(s.district, isDistrictCode) as OrganizationFilter['district'],
    sizeClass: onlyValid(s.sizeClass, inVocab(SIZE_CLASS)) as OrganizationFilter['sizeClass'],
    nodeId: s.nodeId,
    relationType: onlyValid(s.relationType, inVocab(RELATION_TYPE)) as OrganizationFilter['relationType'],
    tag: s.tag,
    deleted: s.deleted ? ('true' as const) : undefined,
  };
}

/** One removable chip per active filter value. */
export function useOrganizationFilterChips(filters: Filters, setSearch: SetSearch): FilterChip[] {
  const { t, label } = useLabels();
  const nodes = useQuery(nodeOptionsQuery());
  const tags = useQuery(tagListOptions());
  const nodeName = (id: number) => nodes.data?.items.find((n) => n.id === id)?.name ?? `#${id}`;
  const tagName = (id: number) => tags.data?.find((tag) => tag.id === id)?.name ?? `#${id}`;

  const chipsOf = <K extends keyof OrganizationsSearch>(
    key: K,
    values: (string | number)[] | undefined,
    title: string,
    text: (v: never) => string,
  ): FilterChip[] =>
    (values ?? []).map((v) => ({
      key: `${key}:${v}`,
      label: title,
      value: text(v as never),
      onRemove: () =>
        void setSearch({
          [key]: (values ?? []).filter((x) => x !== v).length ? (values ?? []).filter((x) => x !== v) : undefined,
        } as Partial<OrganizationsSearch>),
    }));
  return [
    ...chipsOf('kind', filters.kind, t('organizations.kind'), (v: string) => label(ORGANIZATION_KIND, v)),
    ...chipsOf('sector', filters.sector, t('organizations.sector'), wzChipLabel),
    ...chipsOf('district', filters.district, t('organizations.district'), districtLabel),
    ...chipsOf('sizeClass', filters.sizeClass, t('organizations.sizeClass'), (v: string) => label(SIZE_CLASS, v)),
    ...chipsOf('nodeId', filters.nodeId, t('organizations.node'), nodeName),
    ...chipsOf('relationType', filters.relationType, t('organizations.relationType'), (v: string) =>
      label(RELATION_TYPE, v),
    ),
    ...chipsOf('tag', filters.tag, t('organizations.tag'), tagName),
    ...(filters.deleted
      ? [
          {
            key: 'deleted',
            label: t('organizations.deletedFilter'),
            value: t('filters.yes'),
            onRemove: () => void setSearch({ deleted: undefined }),
          },
        ]
      : []),
  ];
}

type PanelProps = { id: string; opened: boolean; filters: Filters; setSearch: SetSearch; canWrite: boolean };

/** The organisation list's filter panel: the organisation itself, then its place in the network. */
export function OrganizationFilterPanel({ id, opened, filters, setSearch, canWrite }: PanelProps) {
  const { t } = useLabels();
  return (
    <FilterPanel id={id} opened={opened}>
      <FilterSection title={t('organizations.filterOrganization')}>
        <VocabMultiSelect
          label={t('organizations.kind')}
          codes={ORGANIZATION_KIND}
          value={filters.kind}
          onChange={(kind) => setSearch({ kind })}
        />
        <WzMultiSelect
          label={t('organizations.sectors')}
          value={filters.sector}
          onChange={(sector) => setSearch({ sector })}
        />
        <DistrictMultiSelect
          label={t('organizations.district')}
          value={filters.district}
          onChange={(district) => setSearch({ district })}
        />
        <VocabMultiSelect
          label={t('organizations.sizeClass')}
          codes={SIZE_CLASS}
          value={filters.sizeClass}
          onChange={(sizeClass) => setSearch({ sizeClass })}
        />
        <TagPicker
          label={t('organizations.tags')}
          value={filters.tag ?? []}
          onChange={(ids) => setSearch({ tag: ids.length ? ids : undefined })}
        />
      </FilterSection>
      <FilterSection title={t('organizations.filterNetwork')}>
        <NodeMultiSelect
          label={t('organizations.node')}
          value={filters.nodeId}
          onChange={(nodeId) => setSearch({ nodeId })}
        />
        <VocabMultiSelect
          label={t('organizations.relationType')}
          codes={RELATION_TYPE}
          value={filters.relationType}
          onChange={(relationType) => setSearch({ relationType })}
        />
        {canWrite && (
          <Switch
            mt={{ base: 0, xs: 30 }}
            label={t('organizations.showDeleted')}
            checked={Boolean(filters.deleted)}
            onChange={(e) => setSearch({ deleted: e.currentTarget.checked || undefined })}
          />
        )}
      </FilterSection>
    </FilterPanel>
  );
}
