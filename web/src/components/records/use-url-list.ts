import { useTranslation } from 'react-i18next';
import { useUrlText } from '../filters/use-url-text.ts';
import { type ListUrlState, listPage, type RecordListQuery } from './record-table.tsx';

type SearchNavigate<S> = (options: { search: (prev: S) => S; replace?: boolean }) => unknown;

type Options<S> = {
  /** The list's texts: the table's load failure is `<ns>.loadFailed`. */
  ns: 'persons' | 'organizations' | 'interactions' | 'events';
  pageSizes: number[];
  pageSizeDefault: number;
  /** Whether the server sorts by a URL `sort` (`field` or `-field`); a hand-edited unknown one is dropped. */
  sortable?: (sort: string) => boolean;
  /** The URL keys that "clear filters" unsets. */
  filterKeys?: readonly (keyof S)[];
  /** Instead of `filterKeys`: the whole search "clear filters" leaves (the view's keys), the search field emptied. */
  clearTo?: (prev: S) => S;
};

/**
 * The URL wiring every list page repeated (persons, organisations, contacts, events): the filter setter and search
 * field, the page and checked sort to ask for, "clear filters", and the record table's paging and failure props.
 */
export function useUrlList<S extends ListUrlState & { q?: string }>(
  search: S,
  navigate: SearchNavigate<S>,
  { ns, pageSizes, pageSizeDefault, sortable, filterKeys = [], clearTo }: Options<S>,
) {
  const { t } = useTranslation();
  // A filter change goes back to the first page; typing replaces the history entry.
  const setSearch = (patch: Partial<S>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) as S, replace: 'q' in patch });
  const searchText = useUrlText(search.q ?? '', (q) => void setSearch({ q } as Partial<S>));
  const sort = search.sort && sortable?.(search.sort) ? search.sort : undefined;
  return {
    search,
    setSearch,
    searchText,
    sort,
    page: listPage(search, pageSizeDefault),
    clearFilters: () => {
      if (!clearTo) return void setSearch(Object.fromEntries(filterKeys.map((k) => [k, undefined])) as Partial<S>);
      searchText.setText('');
      void navigate({ search: clearTo });
    },
    /** The record table's props for the list's query. */
    table: <T>(query: RecordListQuery<T>) => ({
      query,
      loadFailed: t(`${ns}.loadFailed`),
      sort,
      url: search,
      onUrlChange: (patch: ListUrlState) => void navigate({ search: (prev) => ({ ...prev, ...patch }) }),
      pageSizes,
      pageSizeDefault,
    }),
  };
}
