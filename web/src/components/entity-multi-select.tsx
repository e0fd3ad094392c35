import { organizations } from '@anett/shared/routes/organization';
import { persons } from '@anett/shared/routes/person';
import { Loader, MultiSelect, type MultiSelectProps, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../lib/api-client.ts';
import { personName } from '../lib/format.ts';

/** A chosen record: its id, display name and an optional hint (organisation, city). */
export type EntityOption = { id: number; name: string; hint?: string | null };

type Kind = 'persons' | 'organizations';

const LIMIT = 15;

async function search(kind: Kind, q: string, signal: AbortSignal): Promise<EntityOption[]> {
  if (kind === 'persons') {
    const page = await call(persons.list, { query: { q, pageSize: LIMIT }, signal });
    return page.items.map((p) => ({
      id: p.id,
      name: personName(p),
      hint: [p.organization?.name, p.email].filter(Boolean).join(' · ') || null,
    }));
  }
  const page = await call(organizations.list, { query: { q, pageSize: LIMIT }, signal });
  return page.items.map((o) => ({ id: o.id, name: o.name, hint: o.city }));
}

type Props = Omit<MultiSelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'> & {
  kind: Kind;
  value: EntityOption[];
  onChange: (value: EntityOption[]) => void;
};

/** Multi-select that searches persons or organisations on the server as you type (accent-insensitive there). */
export function EntityMultiSelect({ kind, value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const enabled = debounced.length >= 2;
  const results = useQuery({
    queryKey: [kind, 'picker', debounced],
    queryFn: ({ signal }) => search(kind, debounced, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

  const known = new Map<string, EntityOption>();
  for (const o of value) known.set(String(o.id), o);
  for (const o of enabled ? (results.data ?? []) : []) if (!known.has(String(o.id))) known.set(String(o.id), o);

  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      maxDropdownHeight={320}
      {...props}
      data={[...known.values()].map((o) => ({ value: String(o.id), label: o.name }))}
      value={value.map((o) => String(o.id))}
      onChange={(ids) => {
        onChange(ids.map((id) => known.get(id)).filter((o): o is EntityOption => o !== undefined));
        setQ('');
      }}
      searchValue={q}
      onSearchChange={setQ}
      // The server already filtered (accent-insensitive); Mantine's own filter would drop 'Muller' for 'Müller'.
      filter={({ options }) => options}
      nothingFoundMessage={
        enabled ? (results.isFetching ? t('app.loading') : t('search.nothingFound')) : t('search.hint')
      }
      rightSection={results.isFetching && enabled ? <Loader size="xs" /> : undefined}
      renderOption={({ option }) => {
        const o = known.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {o?.hint && (
              <Text size="xs" c="dimmed">
                {o.hint}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
