import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLabels } from '../../lib/i18n.ts';
import { RecordSearch } from '../records/record-list-parts.tsx';

/** What the events and contact-log pages hand their filter row: the URL's search, its kind and the setters. */
export type ListFilterProps<S, K> = {
  search: S;
  kind: K | undefined;
  /** From `useUrlText`. */
  searchText: { text: string; setText: (text: string) => void; clear: () => void };
  setFilter: (patch: Partial<S>) => unknown;
  anyFilter: boolean;
  clearFilters: () => void;
};

/**
 * The row of labelled filters above the events and the contact log: the search first, "clear filters" last while
 * any is set; the texts are `<ns>.searchLabel`, `<ns>.searchPlaceholder` and `<ns>.clearFilters`.
 */
export function FilterBar(
  props: Pick<ListFilterProps<unknown, unknown>, 'searchText' | 'anyFilter' | 'clearFilters'> & {
    ns: 'events' | 'interactions';
    searchWidth: number;
    children: ReactNode;
  },
) {
  const { t } = useLabels();
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <RecordSearch
        visibleLabel
        label={t(`${props.ns}.searchLabel`)}
        placeholder={t(`${props.ns}.searchPlaceholder`)}
        width={props.searchWidth}
        {...props.searchText}
      />
      {props.children}
      {props.anyFilter && (
        <Button variant="subtle" onClick={props.clearFilters}>
          {t(`${props.ns}.clearFilters`)}
        </Button>
      )}
    </Group>
  );
}
