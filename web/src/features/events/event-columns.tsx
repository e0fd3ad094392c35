import type { Event } from '@anett/shared/schemas/event';
import { EVENT_KIND } from '@anett/shared/vocab/enums';
import { Badge, Text, VisuallyHidden } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { TitleCell } from '../../components/records/record-list-parts.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { KIND_COLOR } from './event-kind.ts';
import { Registrations } from './registrations.tsx';

/** Columns of the event list: date, title with place, kind, node, registrations. */
export function useEventColumns(): DataTableColumn<Event>[] {
  const { t, label } = useLabels();
  return [
    {
      accessor: 'startsAt',
      title: t('events.date'),
      sortable: true,
      width: 130,
      render: (e) => (
        <>
          <Text size="sm" fw={500}>
            {formatDate(e.startsAt)}
          </Text>
          {e.endsAt && formatDate(e.endsAt) !== formatDate(e.startsAt) && (
            <Text size="xs" c="dimmed">
              {t('events.until', { date: formatDate(e.endsAt) })}
            </Text>
          )}
        </>
      ),
    },
    {
      accessor: 'title',
      title: t('events.eventTitle'),
      sortable: true,
      render: (e) => <TitleCell title={e.title} detail={e.location} />,
    },
    {
      accessor: 'kind',
      title: t('events.kind'),
      sortable: true,
      width: 170,
      render: (e) => (
        <Badge color={KIND_COLOR[e.kind]} variant="light" radius="sm" tt="none" maw="100%">
          {label(EVENT_KIND, e.kind)}
        </Badge>
      ),
    },
    {
      accessor: 'node',
      title: t('events.node'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
      render: (e) => e.node?.name ?? <VisuallyHidden>{t('events.noNode')}</VisuallyHidden>,
    },
    {
      accessor: 'counts',
      title: t('events.registrations'),
      textAlign: 'right',
      render: (e) => <Registrations event={e} />,
    },
  ];
}
