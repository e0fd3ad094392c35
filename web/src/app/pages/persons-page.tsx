import { type PersonListQuery, personListQuery } from '@anett/shared/schemas/person';
import type { SegmentFilterInput } from '@anett/shared/schemas/segment';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { SearchAndFilters } from '../../components/filters/filter-panel.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordCount, SearchEmptyState } from '../../components/records/record-list-parts.tsx';
import { RecordTable } from '../../components/records/record-table.tsx';
import { useUrlList } from '../../components/records/use-url-list.ts';
import { personListOptions } from '../../features/persons/api.ts';
import { usePersonColumns } from '../../features/persons/person-columns.tsx';
import {
  activeFilterCount,
  PersonFilterPanel,
  personFilters,
  usePersonFilterChips,
} from '../../features/persons/person-filters.tsx';
import {
  PERSON_FILTER_KEYS,
  PERSON_PAGE_SIZE_DEFAULT,
  PERSON_PAGE_SIZES,
  upgradeLegacySearch,
} from '../../features/persons/search.ts';
import { OpenSegmentBar } from '../../features/segments/open-segment.tsx';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { PersonsActions } from './persons-actions.tsx';

const route = getRouteApi('/app/personen');
const sortParam = personListQuery.shape.sort.in;

export function PersonsPage() {
  const { t } = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = useCan().write;
  const columns = usePersonColumns();

  const { setSearch, searchText, ...list } = useUrlList(search, navigate, {
    ns: 'persons',
    pageSizes: PERSON_PAGE_SIZES,
    pageSizeDefault: PERSON_PAGE_SIZE_DEFAULT,
    sortable: (sort) => sortParam.safeParse(sort).success,
    filterKeys: PERSON_FILTER_KEYS,
  });

  const filters = personFilters(search);
  // A link or segment from before attendance groups: show the same question as groups (and edit it as such).
  useEffect(() => {
    const upgraded = upgradeLegacySearch(search);
    if (upgraded) void navigate({ search: upgraded, replace: true });
  }, [search, navigate]);
  const activeCount = activeFilterCount(filters);
  const chips = usePersonFilterChips(filters, search, setSearch);
  const params: PersonListQuery = { q: search.q, ...list.page, sort: list.sort, ...filters };
  const query = useQuery(personListOptions(params));
  // The URL filter without list-only keys, as segments and exports take it.
  const currentFilter = (): SegmentFilterInput => {
    const { deleted: _deleted, ...rest } = filters;
    return Object.fromEntries(
      Object.entries({ q: search.q, ...rest }).filter(([, v]) => v !== undefined),
    ) as SegmentFilterInput;
  };

  return (
    <>
      <PageHeader
        title={t('persons.title')}
        description={t('persons.description')}
        meta={<RecordCount total={query.data?.total} text={(count) => t('persons.count', { count })} />}
        actions={canWrite && <PersonsActions currentFilter={currentFilter} />}
      />

      {search.segment && (
        <OpenSegmentBar
          segmentId={search.segment}
          filter={currentFilter()}
          onClose={() => void navigate({ search: (prev) => ({ ...prev, segment: undefined }), replace: true })}
        />
      )}
      <SearchAndFilters
        ns="persons"
        searchText={searchText}
        activeCount={activeCount}
        chips={chips}
        onClearAll={list.clearFilters}
        panel={(p) => (
          <PersonFilterPanel {...p} search={search} filters={filters} setSearch={setSearch} canWrite={canWrite} />
        )}
      />

      <RecordTable
        {...list.table(query)}
        columns={columns}
        empty={
          <SearchEmptyState
            ns="persons"
            icon={<IconUsers size={28} />}
            q={search.q}
            filtered={activeCount > 0}
            clearSearch={searchText.clear}
            clearFilters={list.clearFilters}
          />
        }
        rowLabel={(p) => t('persons.open', { name: personName(p) })}
        onOpen={(p) => void navigate({ to: '/personen/$id', params: { id: p.id } })}
        defaultSort={{ column: search.q ? '' : 'lastName', direction: 'asc' }}
      />
    </>
  );
}
