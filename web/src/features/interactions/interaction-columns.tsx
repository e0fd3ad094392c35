import type { Interaction } from '@anett/shared/schemas/interaction';
import { INTERACTION_KIND } from '@anett/shared/vocab/enums';
import { Badge, Group, Text, ThemeIcon } from '@mantine/core';
import { IconBell, IconCheck } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { Fragment } from 'react';
import { TitleCell } from '../../components/records/record-list-parts.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import { KIND_ICON } from './timeline.tsx';

/** Follow-up date as a badge: red when overdue, yellow when open, grey with a tick when done. */
export function FollowUpBadge({ item }: { item: Pick<Interaction, 'followUpOn' | 'followUpDoneAt'> }) {
  const { t } = useLabels();
  if (!item.followUpOn) return null;
  const overdue = !item.followUpDoneAt && item.followUpOn < localDay(new Date());
  return (
    <Badge
      size="md"
      radius="sm"
      variant="light"
      tt="none"
      color={item.followUpDoneAt ? 'gray' : overdue ? 'red' : 'yellow'}
      leftSection={item.followUpDoneAt ? <IconCheck size={12} /> : <IconBell size={12} />}
      title={
        item.followUpDoneAt
          ? t('interactions.followUpDoneOn', { date: formatDate(item.followUpOn) })
          : t('interactions.followUpDue', { date: formatDate(item.followUpOn) })
      }
    >
      {formatDate(item.followUpOn)}
    </Badge>
  );
}

function Who({ item }: { item: Interaction }) {
  const links = [
    ...item.persons.map((p) => ({ key: `p${p.id}`, to: '/personen/$id' as const, ...p })),
    ...item.organizations.map((o) => ({ key: `o${o.id}`, to: '/organisationen/$id' as const, ...o })),
  ];
  return (
    <Text size="sm" lineClamp={2}>
      {links.map((l, i) => (
        <Fragment key={l.key}>
          {i > 0 && ', '}
          <AnchorLink to={l.to} params={{ id: l.id }} size="sm" onClick={(e) => e.stopPropagation()}>
            {l.name}
          </AnchorLink>
        </Fragment>
      ))}
    </Text>
  );
}

/** Columns of the contact log; node, author, follow-up and (on a phone) kind and people give way on narrower screens. */
export function useInteractionColumns(): DataTableColumn<Interaction>[] {
  const { t, label } = useLabels();
  return [
    {
      accessor: 'occurredAt',
      title: t('interactions.occurredAt'),
      width: 150,
      render: (i) => <Text size="sm">{formatDateTime(i.occurredAt)}</Text>,
    },
    {
      accessor: 'kind',
      title: t('interactions.kind'),
      width: 150,
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
      render: (i) => (
        <Group gap={6} wrap="nowrap">
          <ThemeIcon size={22} radius="xl" variant="light" aria-hidden>
            {KIND_ICON[i.kind]}
          </ThemeIcon>
          <Text size="sm">{label(INTERACTION_KIND, i.kind)}</Text>
        </Group>
      ),
    },
    {
      accessor: 'subject',
      title: t('interactions.subject'),
      render: (i) => <TitleCell title={i.subject} detail={i.summary} clamp />,
    },
    {
      accessor: 'persons',
      title: t('interactions.with'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
      render: (i) => <Who item={i} />,
    },
    {
      accessor: 'node',
      title: t('interactions.node'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.xl})`,
      render: (i) => i.node?.name ?? '',
    },
    {
      accessor: 'author',
      title: t('interactions.author'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
      render: (i) => i.author?.name ?? '',
    },
    {
      accessor: 'followUpOn',
      title: t('interactions.followUp'),
      width: 140,
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
      render: (i) => <FollowUpBadge item={i} />,
    },
  ];
}
