import { Button, CloseButton, Group, Skeleton, Text, TextInput } from '@mantine/core';
import { IconSearch, IconSearchOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../empty-state.tsx';

type SearchProps = {
  label: string;
  placeholder: string;
  /** From `useUrlText`. */
  text: string;
  setText: (text: string) => void;
  clear: () => void;
  /** The label stays visible above the field (lists whose other filters are labelled selects). */
  visibleLabel?: boolean;
  width?: number;
};

/** The list's search field: clear button and Escape empty it. */
export function RecordSearch({ label, placeholder, text, setText, clear, visibleLabel, width = 420 }: SearchProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      label={visibleLabel ? label : undefined}
      aria-label={visibleLabel ? undefined : label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && text) clear();
      }}
      rightSection={text ? <CloseButton size="sm" aria-label={t('common.clearSearch')} onClick={clear} /> : null}
      w={{ base: '100%', sm: width }}
    />
  );
}

/** '1.234 Personen' in the page header, announced when it changes; a skeleton until the first answer. */
export function RecordCount({ total, text }: { total: number | undefined; text: (total: number) => string }) {
  return (
    // The live region is there from the start (so the first count is announced); the count itself once it is known.
    <Text c="dimmed" size="sm" aria-live="polite" aria-atomic>
      {total === undefined ? (
        <Skeleton component="span" height={14} width={120} display="inline-block" />
      ) : (
        <span data-testid="result-count">{text(total)}</span>
      )}
    </Text>
  );
}

type EmptyProps = {
  /** The list's texts: `<ns>.emptyTitle`, `.emptyWithSearch` (with `q`), `.emptyWithFilters`, `.emptyNoData`. */
  ns: 'persons' | 'organizations';
  icon: ReactNode;
  q: string | undefined;
  filtered: boolean;
  clearSearch: () => void;
  clearFilters: () => void;
};

/** No records: says whether the search or the filters hid them, with a button to lift each. */
export function SearchEmptyState({ ns, icon, q, filtered, clearSearch, clearFilters }: EmptyProps) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={q || filtered ? <IconSearchOff size={28} /> : icon}
      title={t(`${ns}.emptyTitle`)}
      description={q ? t(`${ns}.emptyWithSearch`, { q }) : t(filtered ? `${ns}.emptyWithFilters` : `${ns}.emptyNoData`)}
      actions={
        (q || filtered) && (
          <Group gap="sm">
            {q && (
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
  );
}
