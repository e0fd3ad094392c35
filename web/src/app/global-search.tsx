import { persons } from '@anett/shared/routes/person';
import type { PersonListItem } from '@anett/shared/schemas/person';
import { ORGANIZATION_KIND } from '@anett/shared/vocab/enums';
import { Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { organizationListOptions } from '../features/organizations/api.ts';
import { call } from '../lib/api-client.ts';
import { useLabels } from '../lib/i18n.ts';

const LIMIT = 6;
const LIST_ID = 'global-search-results';

const [searchStore, globalSearch] = createSpotlight();
/** Opens the global search (the header button; the keys are bound by the component itself). */
export const openGlobalSearch = globalSearch.open;

// A failing person search must not hide the organisations found: it then shows organisations only.
async function searchPersons(q: string, signal: AbortSignal): Promise<PersonListItem[]> {
  try {
    const page = await call(persons.list, { query: { q, pageSize: LIMIT }, signal });
    return page.items;
  } catch {
    return [];
  }
}

/** Spotlight over organisations and persons: `/` or Ctrl+K opens it, Enter jumps to the record. */
export function GlobalSearch() {
  const { t, label } = useLabels();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const enabled = debounced.length >= 2;

  const organizations = useQuery({
    ...organizationListOptions({ q: debounced, pageSize: LIMIT }),
    enabled,
    retry: false,
  });
  const persons = useQuery({
    queryKey: ['persons', 'search', debounced],
    queryFn: ({ signal }) => searchPersons(debounced, signal),
    enabled,
    placeholderData: keepPreviousData,
  });

  const orgItems = enabled ? (organizations.data?.items ?? []) : [];
  const personItems = enabled ? (persons.data ?? []) : [];
  const loading = enabled && (organizations.isFetching || persons.isFetching);
  const settled = enabled && !organizations.isPending && !persons.isPending;

  // Results arrive after the query changed, so Spotlight's own "select the first action" ran on an empty list:
  // mark the first result so that Enter jumps to it.
  const resultKey = [...orgItems.map((o) => `o${o.id}`), ...personItems.map((p) => `p${p.id}`)].join();
  useEffect(() => {
    if (!resultKey) return;
    const list = document.getElementById(LIST_ID);
    if (!list || list.querySelector('[data-selected]')) return;
    list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
    searchStore.updateState((state) => ({ ...state, selected: 0 }));
  }, [resultKey]);

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K', '/']}
      scrollable
      maxHeight={440}
      title={t('search.label')}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={loading ? <Loader size="xs" /> : null}
      />
      <Spotlight.ActionsList id={LIST_ID}>
        {!enabled && <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty>}
        {orgItems.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.organizations')}>
            {orgItems.map((o) => (
              <Spotlight.Action
                key={`o${o.id}`}
                label={o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name}
                description={[label(ORGANIZATION_KIND, o.kind), o.city].filter(Boolean).join(' · ')}
                leftSection={<IconBuilding size={20} stroke={1.5} />}
                onClick={() => navigate({ to: '/organisationen/$id', params: { id: o.id } })}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {personItems.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.persons')}>
            {personItems.map((p) => (
              <Spotlight.Action
                key={`p${p.id}`}
                label={[p.title, p.firstName, p.lastName].filter(Boolean).join(' ')}
                description={[p.function, p.organization?.name].filter(Boolean).join(' · ')}
                leftSection={<IconUser size={20} stroke={1.5} />}
                onClick={() => navigate({ to: '/personen/$id', params: { id: p.id } })}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {settled && orgItems.length === 0 && personItems.length === 0 && (
          <Spotlight.Empty>
            {organizations.isError ? (
              <Text size="sm" c="dimmed">
                {t('search.failed')}
              </Text>
            ) : (
              t('search.nothingFound')
            )}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
