import { Badge, Button, CloseButton, Group, type MantineBreakpoint, Skeleton, Text, TextInput } from '@mantine/core';
import { IconFileImport, IconPlus, IconSearch, IconSearchOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../empty-state.tsx';
import { ButtonLink } from '../router-link.tsx';
import { TagBadge } from '../tag-picker.tsx';

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

/**
 * The first column of a record list (`<ns>.name`): the name in bold, a `<ns>.deleted` badge on a deleted record, a
 * dimmed detail below.
 */
export function nameColumn<T extends { deletedAt: string | null }>(
  t: TFunction,
  ns: 'persons' | 'organizations',
  o: { accessor: string; name: (record: T) => string; detail: (record: T) => ReactNode },
): DataTableColumn<T> {
  return {
    accessor: o.accessor,
    title: t(`${ns}.name`),
    sortable: true,
    render: (record) => (
      <TitleCell
        title={o.name(record)}
        badge={
          record.deletedAt && (
            <Badge size="xs" color="red" variant="light">
              {t(`${ns}.deleted`)}
            </Badge>
          )
        }
        detail={o.detail(record)}
      />
    ),
  };
}

/** A record list's tags as small badges, shown from the breakpoint `from` on. */
export function tagsColumn<T extends { tags: { id: number; name: string; color: string }[] }>(
  title: string,
  from: MantineBreakpoint,
): DataTableColumn<T> {
  return {
    accessor: 'tags',
    title,
    visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints[from]})`,
    render: (record) => (
      <Group gap={4}>
        {record.tags.map((tag) => (
          <TagBadge key={tag.id} tag={tag} size="xs" />
        ))}
      </Group>
    ),
  };
}

/** A record list's last header buttons: the import page opened for this kind of record, and `<kind>.create`. */
export function ImportAndCreate({ kind, onCreate }: { kind: 'persons' | 'organizations'; onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ButtonLink to="/import" search={{ kind }} variant="default" leftSection={<IconFileImport size={16} />}>
        {t('imports.openImport')}
      </ButtonLink>
      <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
        {t(`${kind}.create`)}
      </Button>
    </>
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

/** A list row's bold title with a dimmed line below it (a name and its organisation, an event and its place, a
 * contact and its summary); `badge` (given, even if empty) stands beside the title, `clamp` keeps the line below to one line. */
export function TitleCell({
  title,
  badge,
  detail,
  clamp,
}: {
  title: ReactNode;
  badge?: ReactNode;
  detail?: ReactNode;
  clamp?: boolean;
}) {
  const heading = (
    <Text size="sm" fw={600} lh={1.3}>
      {title}
    </Text>
  );
  return (
    <div>
      {badge !== undefined ? (
        <Group gap={6} wrap="nowrap">
          {heading}
          {badge}
        </Group>
      ) : (
        heading
      )}
      {detail && (
        <Text size="xs" c="dimmed" lineClamp={clamp ? 1 : undefined}>
          {detail}
        </Text>
      )}
    </div>
  );
}
