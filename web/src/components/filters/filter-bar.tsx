import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLabels } from '../../lib/i18n.ts';
import { RecordSearch } from '../records/record-list-parts.tsx';

/** The part of `useUrlList`'s result a filter row uses. */
type UrlFilters<S> = {
  search: S;
  /** From `useUrlText`. */
  searchText: { text: string; setText: (text: string) => void; clear: () => void };
  setSearch: (patch: Partial<S>) => unknown;
  clearFilters: () => void;
};

/** What the events and contact-log pages hand their filter row: the list's URL wiring and the checked kind. */
export type ListFilterProps<S, K> = {
  list: UrlFilters<S>;
  kind: K | undefined;
  anyFilter: boolean;
};

/** The text namespace of a filter row (its labels are `<ns>.…`). */
export type Ns = 'events' | 'interactions';

/**
 * The row of labelled filters above the events and the contact log: the search first, "clear filters" last while
 * any is set; the texts are `<ns>.searchLabel`, `<ns>.searchPlaceholder` and `<ns>.clearFilters`.
 */
export function FilterBar(props: {
  list: Pick<UrlFilters<unknown>, 'searchText' | 'clearFilters'>;
  anyFilter: boolean;
  ns: Ns;
  searchWidth: number;
  children: ReactNode;
}) {
  const { t } = useLabels();
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <RecordSearch
        visibleLabel
        label={t(`${props.ns}.searchLabel`)}
        placeholder={t(`${props.ns}.searchPlaceholder`)}
        width={props.searchWidth}
        {...props.list.searchText}
      />
      {props.children}
      {props.anyFilter && (
        <Button variant="subtle" onClick={props.list.clearFilters}>
          {t(`${props.ns}.clearFilters`)}
        </Button>
      )}
    </Group>
  );
}
