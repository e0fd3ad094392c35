import type { TimelineItem } from '@anett/shared/schemas/interaction';
import { ATTENDANCE_ROLE, EVENT_KIND, INTERACTION_KIND, type InteractionKind } from '@anett/shared/vocab/enums';
import {
  Badge,
  Button,
  Group,
  Timeline as MantineTimeline,
  Paper,
  Skeleton,
  Spoiler,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import {
  IconBrandTeams,
  IconCalendarEvent,
  IconHistory,
  IconMail,
  IconMapPin,
  IconMessage,
  IconNote,
  IconPencil,
  IconPhone,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { AttendanceStatusBadge } from '../../components/attendance-status-badge.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { TopicBadges } from '../../components/topic-badges.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import { useCan } from '../../lib/use-can.ts';
import { type TimelineSubject, timelineOptions } from './api.ts';
import { editInQuickLog } from './quick-log-store.ts';

const ICON = { size: 14, stroke: 1.8 };
export const KIND_ICON: Record<InteractionKind, ReactNode> = {
  call: <IconPhone {...ICON} />,
  meeting: <IconUsersGroup {...ICON} />,
  visit: <IconMapPin {...ICON} />,
  email: <IconMail {...ICON} />,
  event_conversation: <IconBrandTeams {...ICON} />,
  note: <IconNote {...ICON} />,
};

/** Links to persons or organisations, separated by commas. */
function Links({ items, to }: { items: { id: number; name: string }[]; to: '/personen/$id' | '/organisationen/$id' }) {
  return (
    <>
      {items.map((item, i) => (
        <Fragment key={item.id}>
          {i > 0 && ', '}
          <AnchorLink to={to} params={{ id: item.id }} size="sm">
            {item.name}
          </AnchorLink>
        </Fragment>
      ))}
    </>
  );
}

type EntryProps<T extends TimelineItem['type']> = {
  item: Extract<TimelineItem, { type: T }>;
  subject: TimelineSubject;
  subjectId: number;
};

function InteractionEntry({ item, subject, subjectId }: EntryProps<'interaction'>) {
  const { t, label } = useLabels();
  const can = useCan();
  const i = item.interaction;
  const editable = can.editInteraction(i);
  const persons = subject === 'persons' ? i.persons.filter((p) => p.id !== subjectId) : i.persons;
  return (
    <Stack gap={4}>
      <Group gap={8} wrap="wrap" justify="space-between">
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {label(INTERACTION_KIND, i.kind)}: {i.subject}
          </Text>
          {i.direction && (
            <Badge size="sm" radius="sm" variant="light" color={i.direction === 'out' ? 'grape' : 'teal'}>
              {i.direction === 'out' ? t('interactions.mailDrop.outgoing') : t('interactions.mailDrop.incoming')}
            </Badge>
          )}
        </Group>
        {editable && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPencil size={12} />}
            onClick={() => editInQuickLog(i)}
            aria-label={t('interactions.editEntry', { subject: i.subject })}
          >
            {t('interactions.edit')}
          </Button>
        )}
      </Group>
      {i.summary &&
        (i.direction ? (
          // A whole mail would push the rest of the history away: its first lines, the rest on demand.
          <Spoiler
            maxHeight={110}
            showLabel={t('interactions.showMore')}
            hideLabel={t('interactions.showLess')}
            styles={{ control: { fontSize: 'var(--mantine-font-size-sm)' } }}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {i.summary}
            </Text>
          </Spoiler>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {i.summary}
          </Text>
        ))}
      {(persons.length > 0 || (subject !== 'organizations' && i.organizations.length > 0)) && (
        <Text size="sm" c="dimmed">
          {persons.length > 0 && <Links items={persons} to="/personen/$id" />}
          {persons.length > 0 && subject !== 'organizations' && i.organizations.length > 0 && ' · '}
          {subject !== 'organizations' && <Links items={i.organizations} to="/organisationen/$id" />}
        </Text>
      )}
      <Group gap={6} wrap="wrap">
        {i.followUpOn && (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color={i.followUpDoneAt ? 'gray' : i.followUpOn < localDay(new Date()) ? 'red' : 'yellow'}
          >
            {i.followUpDoneAt
              ? t('interactions.followUpDoneOn', { date: formatDate(i.followUpOn) })
              : t('interactions.followUpDue', { date: formatDate(i.followUpOn) })}
          </Badge>
        )}
        {i.node && subject !== 'nodes' && (
          <Badge size="sm" radius="sm" variant="outline" color="gray">
            {i.node.name}
          </Badge>
        )}
        <TopicBadges topics={i.topics} />
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(i.occurredAt)}
        {i.author && ` · ${t('interactions.by', { name: i.author.name })}`}
      </Text>
    </Stack>
  );
}

function AttendanceEntry({ item, subject }: EntryProps<'attendance'>) {
  const { t, label } = useLabels();
  return (
    <Stack gap={4}>
      <Group gap={8} wrap="wrap">
        <Text size="sm" fw={600}>
          {label(EVENT_KIND, item.event.kind)}:{' '}
          <AnchorLink to="/veranstaltungen/$id" params={{ id: item.event.id }} size="sm" fw={600}>
            {item.event.title}
          </AnchorLink>
        </Text>
        <AttendanceStatusBadge status={item.status} size="sm" />
        {item.role !== 'guest' && (
          <Badge size="sm" radius="sm" variant="outline" color="gray">
            {label(ATTENDANCE_ROLE, item.role)}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {subject !== 'persons' && (
          <AnchorLink to="/personen/$id" params={{ id: item.person.id }} size="sm">
            {item.person.name}
          </AnchorLink>
        )}
        {subject !== 'persons' && item.organization && subject !== 'organizations' && ' · '}
        {subject !== 'organizations' && item.organization && (
          <>
            {t('interactions.timeline.asOrganization')}{' '}
            {item.organization.id ? (
              <AnchorLink to="/organisationen/$id" params={{ id: item.organization.id }} size="sm">
                {item.organization.name}
              </AnchorLink>
            ) : (
              item.organization.name
            )}
          </>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(item.at)}
      </Text>
    </Stack>
  );
}

type Props = {
  subject: TimelineSubject;
  id: number;
  /** Heading shown above the list (defaults to "Verlauf"). */
  title?: string;
};

/** Interactions and attendances of a person, organisation or node, newest first, paged on demand. */
export function Timeline({ subject, id, title }: Props) {
  const { t } = useLabels();
  const timeline = useInfiniteQuery(timelineOptions(subject, id));
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={`timeline-${subject}-${id}`}>
      <Text id={`timeline-${subject}-${id}`} component="h2" fw={650} fz="md" mb="md">
        {title ?? t('interactions.timeline.title')}
      </Text>
      {timeline.isError ? (
        <ErrorState
          error={timeline.error}
          message={t('interactions.timeline.loadFailed')}
          onRetry={() => void timeline.refetch()}
        />
      ) : timeline.isPending ? (
        <Stack gap="md" aria-hidden>
          {[1, 2, 3].map((n) => (
            <Group key={n} gap="sm" wrap="nowrap" align="flex-start">
              <Skeleton circle height={24} />
              <Stack gap={6} style={{ flex: 1 }}>
                <Skeleton height={12} width="60%" />
                <Skeleton height={10} width="40%" />
              </Stack>
            </Group>
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState
          withBorder={false}
          icon={<IconHistory size={28} />}
          title={t('interactions.timeline.emptyTitle')}
          description={t('interactions.timeline.empty')}
        />
      ) : (
        <>
          <MantineTimeline bulletSize={26} lineWidth={2} aria-label={title ?? t('interactions.timeline.title')}>
            {items.map((item) => (
              <MantineTimeline.Item
                key={item.type === 'interaction' ? `i${item.interaction.id}` : `a${item.attendanceId}`}
                bullet={
                  <ThemeIcon
                    size={26}
                    radius="xl"
                    variant="light"
                    color={item.type === 'interaction' ? 'anett' : 'teal'}
                    aria-hidden
                  >
                    {item.type === 'interaction' ? (
                      (KIND_ICON[item.interaction.kind] ?? <IconMessage {...ICON} />)
                    ) : (
                      <IconCalendarEvent {...ICON} />
                    )}
                  </ThemeIcon>
                }
              >
                {item.type === 'interaction' ? (
                  <InteractionEntry item={item} subject={subject} subjectId={id} />
                ) : (
                  <AttendanceEntry item={item} subject={subject} subjectId={id} />
                )}
              </MantineTimeline.Item>
            ))}
          </MantineTimeline>
          {timeline.hasNextPage && (
            <Group justify="center" mt="md">
              <Button
                variant="light"
                onClick={() => void timeline.fetchNextPage()}
                loading={timeline.isFetchingNextPage}
              >
                {t('interactions.timeline.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}
