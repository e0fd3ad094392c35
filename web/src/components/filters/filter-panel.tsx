import { Badge, Button, Collapse, Group, Paper, Pill, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconChevronDown, IconChevronUp, IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordSearch } from '../records/record-list-parts.tsx';

export type FilterChip = {
  /** Unique per chip, e.g. `sector:29`. */
  key: string;
  /** What is filtered ('Branche'). */
  label: string;
  /** The value in words ('29 Herstellung von Kraftwagen …'). */
  value: string;
  onRemove: () => void;
};

type ToggleProps = { opened: boolean; onToggle: () => void; activeCount: number; controls: string };

/** "Filter (3)": opens and closes the filter panel; the count says how many filters are active. */
export function FilterToggle({ opened, onToggle, activeCount, controls }: ToggleProps) {
  const { t } = useTranslation();
  return (
    <Button
      variant={opened ? 'light' : 'default'}
      leftSection={<IconAdjustmentsHorizontal size={16} />}
      rightSection={opened ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
      onClick={onToggle}
      aria-expanded={opened}
      aria-controls={controls}
    >
      {t('filters.title')}
      {activeCount > 0 && (
        <Badge ml={8} size="sm" circle aria-label={t('filters.activeCount', { count: activeCount })}>
          {activeCount}
        </Badge>
      )}
    </Button>
  );
}

/** The panel with the filter controls; changes apply at once (and land in the URL). */
export function FilterPanel({ id, opened, children }: { id: string; opened: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Collapse expanded={opened}>
      <Paper
        id={id}
        withBorder
        radius="md"
        p="md"
        mb="md"
        component="section"
        aria-label={t('filters.panelLabel')}
        bg="gray.0"
      >
        <Stack gap="lg">{children}</Stack>
      </Paper>
    </Collapse>
  );
}

/** A titled group of filter controls in a responsive grid. */
export function FilterSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={3} fz="sm" fw={650} c="dimmed" tt="uppercase" mb={8} style={{ letterSpacing: 0.4 }}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </div>
  );
}

/** Active filters as removable chips, with "Alle Filter entfernen". Renders nothing without filters. */
export function ActiveFilters({ chips, onClearAll }: { chips: FilterChip[]; onClearAll: () => void }) {
  const { t } = useTranslation();
  if (chips.length === 0) return null;
  return (
    <Group gap={6} mb="md" wrap="wrap" aria-label={t('filters.active')} role="group">
      <Text size="sm" c="dimmed" mr={4}>
        {t('filters.active')}:
      </Text>
      {chips.map((chip) => (
        <Pill
          key={chip.key}
          size="md"
          withRemoveButton
          onRemove={chip.onRemove}
          // Mantine hides a pill's remove button from keyboard and screen readers; here it is the only way to remove.
          removeButtonProps={{
            'aria-label': t('filters.remove', { label: `${chip.label}: ${chip.value}` }),
            'aria-hidden': false,
            tabIndex: 0,
          }}
          className="filter-chip"
          title={`${chip.label}: ${chip.value}`}
        >
          <Text span size="sm" c="dimmed">
            {chip.label}:
          </Text>{' '}
          {chip.value}
        </Pill>
      ))}
      <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={onClearAll}>
        {t('filters.clearAll')}
      </Button>
    </Group>
  );
}

type SearchAndFiltersProps = {
  /** The list's texts: `<ns>.searchLabel`, `<ns>.searchPlaceholder`; the panel's id is `<ns>-filters`. */
  ns: 'persons' | 'organizations';
  /** From `useUrlText`. */
  searchText: { text: string; setText: (text: string) => void; clear: () => void };
  activeCount: number;
  chips: FilterChip[];
  onClearAll: () => void;
  /** The list's filter panel, given the id the toggle controls and whether it is open. */
  panel: (props: { id: string; opened: boolean }) => ReactNode;
};

/** Above the person and organisation lists: search and filter toggle in a row, the filter panel, the active chips. */
export function SearchAndFilters({ ns, searchText, activeCount, chips, onClearAll, panel }: SearchAndFiltersProps) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const id = `${ns}-filters`;
  return (
    <>
      <Group mb="md" gap="sm" wrap="wrap">
        <RecordSearch label={t(`${ns}.searchLabel`)} placeholder={t(`${ns}.searchPlaceholder`)} {...searchText} />
        <FilterToggle opened={opened} onToggle={toggle} activeCount={activeCount} controls={id} />
      </Group>
      {panel({ id, opened })}
      <ActiveFilters chips={chips} onClearAll={onClearAll} />
    </>
  );
}
