import { type OrganizationListQuery, organizationListQuery } from '@anett/shared/schemas/organization';
import { Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingFactory2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { SearchAndFilters } from '../../components/filters/filter-panel.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ImportAndCreate, RecordCount, SearchEmptyState } from '../../components/records/record-list-parts.tsx';
import { RecordTable } from '../../components/records/record-table.tsx';
import { useUrlList } from '../../components/records/use-url-list.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { organizationListOptions } from './api.ts';
import { useOrganizationColumns } from './organization-columns.tsx';
import { OrganizationFilterPanel, organizationFilters, useOrganizationFilterChips } from './organization-filters.tsx';
import { OrganizationFormModal } from './organization-form-modal.tsx';
import { ORGANIZATION_FILTER_KEYS, ORGANIZATION_PAGE_SIZE_DEFAULT, ORGANIZATION_PAGE_SIZES } from './search.ts';

const route = getRouteApi('/app/organisationen');
const sortParam = organizationListQuery.shape.sort.in;

export function OrganizationsPage() {
  const { t } = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = useCan().write;
  const columns = useOrganizationColumns();
  const [formOpen, setFormOpen] = useState(false);

  const { setSearch, searchText, ...list } = useUrlList(search, navigate, {
    ns: 'organizations',
    pageSizes: ORGANIZATION_PAGE_SIZES,
    pageSizeDefault: ORGANIZATION_PAGE_SIZE_DEFAULT,
    // A hand-edited sort the server does not know is ignored rather than answered with an error page.
    sortable: (sort) => sortParam.safeParse(sort).success,
    filterKeys: ORGANIZATION_FILTER_KEYS,
  });

  const filters = organizationFilters(search);
  const activeCount = ORGANIZATION_FILTER_KEYS.filter((k) => filters[k] !== undefined).length;
  const chips = useOrganizationFilterChips(filters, setSearch);
  const params: OrganizationListQuery = { q: search.q, ...list.page, sort: list.sort, ...filters };
  const query = useQuery(organizationListOptions(params));

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        meta={<RecordCount total={query.data?.total} text={(count) => t('organizations.count', { count })} />}
        actions={
          canWrite && (
            <Group gap="sm">
              <ImportAndCreate kind="organizations" onCreate={() => setFormOpen(true)} />
            </Group>
          )
        }
      />

      <SearchAndFilters
        ns="organizations"
        searchText={searchText}
        activeCount={activeCount}
        chips={chips}
        onClearAll={list.clearFilters}
        panel={(p) => <OrganizationFilterPanel {...p} filters={filters} setSearch={setSearch} canWrite={canWrite} />}
      />

      <RecordTable
        {...list.table(query)}
        columns={columns}
        empty={
          <SearchEmptyState
            ns="organizations"
            icon={<IconBuildingFactory2 size={28} />}
            q={search.q}
            filtered={activeCount > 0}
            clearSearch={searchText.clear}
            clearFilters={list.clearFilters}
          />
        }
        rowLabel={(o) => t('organizations.open', { name: o.name })}
        onOpen={(o) => void navigate({ to: '/organisationen/$id', params: { id: o.id } })}
        defaultSort={{ column: search.q ? '' : 'name', direction: 'asc' }}
      />

      <OrganizationFormModal
        target={formOpen ? 'new' : null}
        onClose={() => setFormOpen(false)}
        onSaved={(org) => {
          setFormOpen(false);
          notifications.show({ color: 'green', message: t('organizations.created', { name: org.name }) });
          void navigate({ to: '/organisationen/$id', params: { id: org.id } });
        }}
      />
    </>
  );
}
