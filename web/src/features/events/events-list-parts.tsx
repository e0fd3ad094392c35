import { Button, Group, SegmentedControl, Tabs, Text } from '@mantine/core';
import { IconCalendarEvent, IconCalendarMonth, IconList } from '@tabler/icons-react';
import { EmptyState } from '../../components/empty-state.tsx';
import { useLabels } from '../../lib/i18n.ts';

/** List or calendar. */
export function EventsViewSwitch({ view, onChange }: { view: 'list' | 'calendar'; onChange: (v: string) => void }) {
  const { t } = useLabels();
  return (
    <SegmentedControl
      aria-label={t('events.viewLabel')}
      value={view}
      onChange={onChange}
      data={[
        {
          value: 'list',
          label: (
            <Group gap={6} wrap="nowrap">
              <IconList size={16} /> {t('events.viewList')}
            </Group>
          ),
        },
        {
          value: 'calendar',
          label: (
            <Group gap={6} wrap="nowrap">
              <IconCalendarMonth size={16} /> {t('events.viewCalendar')}
            </Group>
          ),
        },
      ]}
    />
  );
}

/** Upcoming or past events; with a year chosen, a hint instead (the year covers both). */
export function EventsWhenTabs({
  when,
  year,
  onChange,
}: {
  when: string;
  year?: number;
  onChange: (v: string | null) => void;
}) {
  const { t } = useLabels();
  if (year)
    return (
      <Text size="sm" c="dimmed" mb="sm">
        {t('events.yearHint', { year })}
      </Text>
    );
  return (
    <Tabs value={when} onChange={onChange} mb="md" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="upcoming">{t('events.upcoming')}</Tabs.Tab>
        <Tabs.Tab value="past">{t('events.past')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}

type EmptyProps = { anyFilter: boolean; past: boolean; clearFilters: () => void; onCreate?: () => void };

/** No events: says why, and offers to lift the filters or (for editors) to create one. */
export function EventsEmptyState({ anyFilter, past, clearFilters, onCreate }: EmptyProps) {
  const { t } = useLabels();
  return (
    <EmptyState
      icon={<IconCalendarEvent size={28} />}
      title={t('events.emptyTitle')}
      description={anyFilter ? t('events.emptyFiltered') : past ? t('events.emptyPast') : t('events.emptyUpcoming')}
      actions={
        anyFilter ? (
          <Button variant="light" onClick={clearFilters}>
            {t('events.clearFilters')}
          </Button>
        ) : (
          onCreate && (
            <Button variant="light" onClick={onCreate}>
              {t('events.create')}
            </Button>
          )
        )
      }
    />
  );
}
