import type { OrganizationFilter } from '@anett/shared/schemas/organization';
import { isDistrictCode } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, RELATION_TYPE, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { isValidWzCode } from '@anett/shared/vocab/wz2008';
import { FilterControls, type FilterField, useFieldChips } from '../../components/filters/filter-fields.tsx';
import { type FilterChip, FilterPanel, FilterSection } from '../../components/filters/filter-panel.tsx';
import { inVocab, onlyValid } from '../../components/filters/search-params.ts';
import { useLabels } from '../../lib/i18n.ts';
import type { OrganizationsSearch } from './search.ts';

type Filters = ReturnType<typeof organizationFilters>;
type SetSearch = (patch: Partial<OrganizationsSearch>) => unknown;

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

/** The filters by panel section: the organisation itself, then its place in the network. */
function organizationFields(t: ReturnType<typeof useLabels>['t'], canWrite: boolean) {
  return {
    organization: [
      { key: 'kind', type: 'vocab', codes: ORGANIZATION_KIND, label: t('organizations.kind') },
      { key: 'sector', type: 'sector', label: t('organizations.sectors'), chip: t('organizations.sector') },
      { key: 'district', type: 'district', label: t('organizations.district') },
      { key: 'sizeClass', type: 'vocab', codes: SIZE_CLASS, label: t('organizations.sizeClass') },
      { key: 'tag', type: 'tag', label: t('organizations.tags'), chip: t('organizations.tag') },
    ],
    network: [
      { key: 'nodeId', type: 'node', label: t('organizations.node') },
      { key: 'relationType', type: 'vocab', codes: RELATION_TYPE, label: t('organizations.relationType') },
      {
        key: 'deleted',
        type: 'flag',
        label: t('organizations.showDeleted'),
        chip: t('organizations.deletedFilter'),
        noControl: !canWrite,
      },
    ],
  } satisfies Record<string, FilterField<OrganizationsSearch>[]>;
}

/** One removable chip per active filter value, in the panel's order. */
export function useOrganizationFilterChips(filters: Filters, setSearch: SetSearch): FilterChip[] {
  const { t } = useLabels();
  const fields = organizationFields(t, false);
  return useFieldChips(filters, setSearch)([...fields.organization, ...fields.network]);
}

type PanelProps = { id: string; opened: boolean; filters: Filters; setSearch: SetSearch; canWrite: boolean };

/** The organisation list's filter panel. */
export function OrganizationFilterPanel({ id, opened, filters, setSearch, canWrite }: PanelProps) {
  const { t } = useLabels();
  const fields = organizationFields(t, canWrite);
  return (
    <FilterPanel id={id} opened={opened}>
      <FilterSection title={t('organizations.filterOrganization')}>
        <FilterControls fields={fields.organization} values={filters} setSearch={setSearch} />
      </FilterSection>
      <FilterSection title={t('organizations.filterNetwork')}>
        <FilterControls fields={fields.network} values={filters} setSearch={setSearch} />
      </FilterSection>
    </FilterPanel>
  );
}
