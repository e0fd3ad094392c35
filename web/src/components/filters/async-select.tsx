import { Loader, MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** An option found by a server search; `value` is the record id as a string. */
export type AsyncOption = { value: string; label: string };

type Source = {
  /** Key prefix of the search query, e.g. `['organizations', 'options']`. */
  queryKey: readonly unknown[];
  /** Asks the server; an empty search may return the first records. */
  fetchOptions: (q: string, signal: AbortSignal) => Promise<AsyncOption[]>;
};

const passThrough = ({ options }: { options: unknown[] }) => options as never;

/**
 * What both selects hand Mantine to search the server while typing: the search text, the query (only while open), and
 * the props that show the server's answer as it is (no filtering in the browser) with a loading/nothing-found text.
 */
function useServerSearch({ queryKey, fetchOptions }: Source, initial: string, ignore?: string) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(initial);
  const [opened, setOpened] = useState(false);
  // The chosen option's own label in the field is not a search.
  const [debounced] = useDebouncedValue((search === ignore ? '' : search).trim(), 250);
  const result = useQuery({
    queryKey: [...queryKey, debounced],
    queryFn: ({ signal }) => fetchOptions(debounced, signal),
    enabled: opened,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const props = {
    searchable: true,
    clearable: true,
    searchValue: search,
    onSearchChange: setSearch,
    onDropdownOpen: () => setOpened(true),
    onDropdownClose: () => setOpened(false),
    filter: passThrough,
    nothingFoundMessage: result.isFetching ? t('filters.loading') : t('filters.nothingFound'),
  };
  return { result, opened, props };
}

const merge = (found: AsyncOption[], keep: AsyncOption[]) => {
  const seen = new Set(found.map((o) => o.value));
  return [...keep.filter((o) => !seen.has(o.value)), ...found];
};

type SingleProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> &
  Source & {
    value: number | null;
    /** Label of the current value (it may not be among the search results). */
    selected?: AsyncOption | null;
    onChange: (id: number | null, option: AsyncOption | null) => void;
  };

/** A select that searches the server while typing (organisations, persons, events). */
export function AsyncSelect({ value, selected, onChange, queryKey, fetchOptions, ...props }: SingleProps) {
  const { t } = useTranslation();
  const {
    result,
    opened,
    props: searchProps,
  } = useServerSearch({ queryKey, fetchOptions }, selected?.label ?? '', selected?.label);
  return (
    <Select
      {...searchProps}
      data={merge(result.data ?? [], selected ? [selected] : [])}
      value={value === null ? null : String(value)}
      onChange={(v, option) =>
        onChange(v === null ? null : Number(v), option ? { value: option.value, label: option.label } : null)
      }
      rightSection={result.isFetching && opened ? <Loader size={14} /> : undefined}
      placeholder={t('filters.searchToFind')}
      {...props}
    />
  );
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> &
  Source & {
    value: number[] | undefined;
    /** Labels of the current values. */
    selected: AsyncOption[];
    onChange: (ids: number[] | undefined) => void;
  };

export function AsyncMultiSelect({ value, selected, onChange, queryKey, fetchOptions, ...props }: MultiProps) {
  const { t } = useTranslation();
  const { result, props: searchProps } = useServerSearch({ queryKey, fetchOptions }, '');
  return (
    <MultiSelect
      {...searchProps}
      data={merge(result.data ?? [], selected)}
      value={(value ?? []).map(String)}
      onChange={(v) => onChange(v.length ? v.map(Number) : undefined)}
      placeholder={value?.length ? undefined : t('filters.searchToFind')}
      {...props}
    />
  );
}
