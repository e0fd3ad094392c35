import {
  type Organization,
  type OrganizationFilter,
  type OrganizationListQuery,
  organizationListQuery,
} from '@anett/shared/schemas/organization';
import { districtLabel, isDistrictCode } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, RELATION_TYPE, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { isValidWzCode } from '@anett/shared/vocab/wz2008';
import { Badge, Button, CloseButton, Group, Skeleton, Switch, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingFactory2, IconFileImport, IconPlus, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { TableSkeleton, usePaginationLabels } from '../../components/data-table-parts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import {
  ActiveFilters,
  type FilterChip,
  FilterPanel,
  FilterSection,
  FilterToggle,
} from '../../components/filters/filter-panel.tsx';
import { onlyValid } from '../../components/filters/search-params.ts';
import { useUrlText } from '../../components/filters/use-url-text.ts';
import {
  DistrictMultiSelect,
  VocabMultiSelect,
  WzMultiSelect,
  wzChipLabel,
} from '../../components/filters/vocab-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-link.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { nodeOptionsQuery } from '../../lib/reference-data.ts';
import { useSessionUser } from '../auth/session.ts';
import { NodeMultiSelect } from '../network/node-select.tsx';
import { tagListOptions } from '../tags/api.ts';
import { TagBadge, TagPicker } from '../tags/tag-picker.tsx';
import { organizationListOptions } from './api.ts';
import { OrganizationFormModal } from './organization-form-modal.tsx';
import {
  ORGANIZATION_FILTER_KEYS,
  ORGANIZATION_PAGE_SIZE_DEFAULT,
  ORGANIZATION_PAGE_SIZES,
  type OrganizationsSearch,
} from './search.ts';

const route = getRouteApi('/app/organisationen');
const sortParam = organizationListQuery.shape.sort.in;
const PANEL_ID = 'organization-filters';

/** 'Kleinunternehmen (< 50)' may wrap before the parenthesis, never inside it. */
const keepTogether = (text: string) => text.replace(/\(.*\)$/, (p) => p.replaceAll(' ', '\u00a0'));

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

export function OrganizationsPage() {
  const { t, label } = useLabels();
  const user = useSessionUser();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = user?.role === 'admin' || user?.role === 'manager';
  const pagination = usePaginationLabels();
  const [formOpen, setFormOpen] = useState(false);

  const setSearch = (patch: Partial<OrganizationsSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: 'q' in patch });
  const { text, setText, clear: clearSearch } = useUrlText(search.q ?? '', (q) => void setSearch({ q }));

  const filters = organizationFilters(search);
  const activeCount = ORGANIZATION_FILTER_KEYS.filter((k) => filters[k] !== undefined).length;
  const [panelOpen, panel] = useDisclosure(false);

  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? ORGANIZATION_PAGE_SIZE_DEFAULT;
  // A hand-edited sort the server does not know is ignored rather than answered with an error page.
  const sort = sortParam.safeParse(search.sort).success ? search.sort : undefined;
  const params: OrganizationListQuery = { q: search.q, page, pageSize, sort, ...filters };
  const list = useQuery(organizationListOptions(params));

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
  const chips: FilterChip[] = [
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
  const clearFilters = () =>
    setSearch(Object.fromEntries(ORGANIZATION_FILTER_KEYS.map((k) => [k, undefined])) as Partial<OrganizationsSearch>);

  const sortStatus: DataTableSortStatus<Organization> = {
    columnAccessor: sort?.replace(/^-/, '') ?? (search.q ? '' : 'name'),
    direction: sort?.startsWith('-') ? 'desc' : 'asc',
  };

  const open = (o: Organization) => navigate({ to: '/organisationen/$id', params: { id: o.id } });
  const total = list.data?.total;
  const filtered = activeCount > 0;

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        meta={
          <Text c="dimmed" size="sm" aria-live="polite" aria-atomic data-testid="result-count">
            {total === undefined ? (
              <Skeleton component="span" height={14} width={120} display="inline-block" />
            ) : (
              t('organizations.count', { count: total })
            )}
          </Text>
        }
        actions={
          canWrite && (
            <Group gap="sm">
              <ButtonLink
                to="/import"
                search={{ kind: 'organizations' }}
                variant="default"
                leftSection={<IconFileImport size={16} />}
              >
                {t('imports.openImport')}
              </ButtonLink>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setFormOpen(true)}>
                {t('organizations.create')}
              </Button>
            </Group>
          )
        }
      />

      <Group mb="md" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          aria-label={t('organizations.searchLabel')}
          placeholder={t('organizations.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) clearSearch();
          }}
          rightSection={
            text ? <CloseButton size="sm" aria-label={t('common.clearSearch')} onClick={clearSearch} /> : null
          }
          w={{ base: '100%', sm: 420 }}
        />
        <FilterToggle opened={panelOpen} onToggle={panel.toggle} activeCount={activeCount} controls={PANEL_ID} />
      </Group>

      <FilterPanel id={PANEL_ID} opened={panelOpen}>
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

      <ActiveFilters chips={chips} onClearAll={clearFilters} />

      {list.isError ? (
        <ErrorState error={list.error} message={t('organizations.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : list.data.total === 0 ? (
        <EmptyState
          icon={search.q || filtered ? <IconSearchOff size={28} /> : <IconBuildingFactory2 size={28} />}
          title={t('organizations.emptyTitle')}
          description={
            search.q
              ? t('organizations.emptyWithSearch', { q: search.q })
              : filtered
                ? t('organizations.emptyWithFilters')
                : t('organizations.emptyNoData')
          }
          actions={
            (search.q || filtered) && (
              <Group gap="sm">
                {search.q && (
                  <Button variant="light" onClick={clearSearch}>
                    {t('common.clearSearch')}
                  </Button>
                )}
                {filtered && (
                  <Button variant="light" onClick={clearFilters}>
                    {t('filters.clearAll')}
                  </Button>
                )}
              </Group>
            )
          }
        />
      ) : (
        <DataTable<Organization>
          withTableBorder
          borderRadius="md"
          highlightOnHover
          verticalAlign="center"
          fetching={list.isPlaceholderData}
          loadingText={t('app.loading')}
          records={list.data.items}
          idAccessor="id"
          sortStatus={sortStatus}
          onSortStatusChange={(s) =>
            navigate({
              search: (prev) => ({
                ...prev,
                sort: s.direction === 'desc' ? `-${String(s.columnAccessor)}` : String(s.columnAccessor),
                page: undefined,
              }),
            })
          }
          onRowClick={({ record }) => open(record)}
          rowClassName="row-link"
          customRowAttributes={(o) => ({
            tabIndex: 0,
            'aria-label': t('organizations.open', { name: o.name }),
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' && e.target === e.currentTarget) open(o);
            },
          })}
          page={page}
          onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
          totalRecords={list.data.total}
          recordsPerPage={pageSize}
          recordsPerPageOptions={ORGANIZATION_PAGE_SIZES}
          onRecordsPerPageChange={(n) =>
            navigate({
              search: (prev) => ({
                ...prev,
                pageSize: n === ORGANIZATION_PAGE_SIZE_DEFAULT ? undefined : n,
                page: undefined,
              }),
            })
          }
          {...pagination}
          columns={[
            {
              accessor: 'name',
              title: t('organizations.name'),
              sortable: true,
              render: (o) => (
                <div>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600} lh={1.3}>
                      {o.name}
                    </Text>
                    {o.deletedAt && (
                      <Badge size="xs" color="red" variant="light">
                        {t('organizations.deleted')}
                      </Badge>
                    )}
                  </Group>
                  {o.shortName && o.shortName !== o.name && (
                    <Text size="xs" c="dimmed">
                      {o.shortName}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              accessor: 'kind',
              title: t('organizations.kind'),
              sortable: true,
              render: (o) => label(ORGANIZATION_KIND, o.kind),
            },
            { accessor: 'city', title: t('organizations.city'), sortable: true },
            {
              accessor: 'district',
              title: t('organizations.district'),
              sortable: true,
              render: (o) => districtLabel(o.district),
            },
            {
              accessor: 'sizeClass',
              title: t('organizations.sizeClass'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
              render: (o) => keepTogether(label(SIZE_CLASS, o.sizeClass)),
            },
            {
              accessor: 'tags',
              title: t('organizations.tags'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.xl})`,
              render: (o) => (
                <Group gap={4}>
                  {o.tags.map((tag) => (
                    <TagBadge key={tag.id} tag={tag} size="xs" />
                  ))}
                </Group>
              ),
            },
          ]}
        />
      )}

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
