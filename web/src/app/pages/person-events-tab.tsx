import { ATTENDANCE_ROLE, EVENT_KIND } from '@anett/shared/vocab/enums';
import { Button, Card, Group, Skeleton, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AttendanceStatusBadge } from '../../components/attendance-status-badge.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { timelineOptions } from '../../features/interactions/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

/** Attendance history: the attendance entries of the person's timeline (shared cache with "Kontaktverlauf"). */
export function PersonEventsTab({ personId }: { personId: number }) {
  const { t, label } = useLabels();
  const timeline = useInfiniteQuery(timelineOptions('persons', personId));
  const items = (timeline.data?.pages.flatMap((p) => p.items) ?? []).flatMap((i) =>
    i.type === 'attendance' ? [i] : [],
  );
  if (timeline.isError) {
    return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  }
  if (timeline.isPending) return <Skeleton height={160} />;
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Title order={2} fz="md">
        {t('persons.events')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('persons.eventsHint')}
      </Text>
      {items.length === 0 && !timeline.hasNextPage ? (
        <EmptyState withBorder={false} icon={<IconCalendarEvent size={28} />} title={t('persons.noEvents')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm" highlightOnHover>
            <TableHead
              columns={[
                t('persons.date'),
                t('persons.event'),
                t('persons.status'),
                t('persons.role'),
                t('persons.asOrganization'),
              ]}
            />
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.attendanceId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.at)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/veranstaltungen/$id" params={{ id: a.event.id }} size="sm" fw={600}>
                      {a.event.title}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {label(EVENT_KIND, a.event.kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <AttendanceStatusBadge status={a.status} size="sm" />
                  </Table.Td>
                  <Table.Td>{label(ATTENDANCE_ROLE, a.role)}</Table.Td>
                  <Table.Td>{a.organization?.name ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {timeline.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="light" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            {t('persons.moreEvents')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
