import { foldText } from '@anett/shared/normalize';
import type { Attendance } from '@anett/shared/schemas/attendance';
import type { EventDetail } from '@anett/shared/schemas/event';
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { AttendanceStatusBadge } from '../../components/attendance-status-badge.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatDate, formatNumber, personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

export type Confirmation = { name: string; at: string; walkIn: boolean; personId: number; version: number };
/** A check-in the server refused because the event has not started yet: asked again after confirmation. */
export type Early = { startsAt: string; retry: () => void };
/** The 409 of a check-in before the event's first day, with the start date the message names. */
export const earlyStart = (err: unknown) =>
  isApiError(err) && err.code === 'CHECK_IN_BEFORE_EVENT' ? (err.data as { startsAt: string }).startsAt : null;

export function Counter({ label, value, color }: { label: string; value: number | undefined; color?: string }) {
  return (
    <Paper withBorder radius="md" p="md" ta="center">
      <Text fz={{ base: 32, sm: 40 }} fw={800} lh={1.1} c={color}>
        {value === undefined ? '–' : formatNumber(value)}
      </Text>
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
    </Paper>
  );
}

/** "anna müller" matches "Dr. Anna Müller, Muster GmbH"; every word must occur (umlauts folded). */
export function matcher(q: string) {
  const words = foldText(q).split(' ').filter(Boolean);
  return (haystack: string) => words.every((w) => haystack.includes(w));
}

type NoticesProps = {
  confirmation: Confirmation | null;
  undone: string | null;
  failure: string | null;
  time: Intl.DateTimeFormat;
  undoing: boolean;
  onUndo: (c: Confirmation) => void;
};

/** The last check-in (with "Rückgängig"), an undone one, or what went wrong; announced as it changes. */
export function CheckInNotices({ confirmation, undone, failure, time, undoing, onUndo }: NoticesProps) {
  const { t } = useLabels();
  return (
    <Box mih={56} mb="xs" role="status" aria-live="assertive">
      {confirmation && (
        <Alert
          color="green"
          variant="filled"
          radius="md"
          icon={<IconCircleCheck size={28} />}
          styles={{ message: { fontSize: 18, fontWeight: 600 } }}
        >
          {confirmation.walkIn
            ? t('events.checkin.walkInDone', {
                name: confirmation.name,
                time: time.format(new Date(confirmation.at)),
              })
            : t('events.checkin.done', {
                name: confirmation.name,
                time: confirmation.at ? time.format(new Date(confirmation.at)) : '',
              })}{' '}
          <Button
            size="compact-md"
            variant="white"
            color="green"
            ml="xs"
            loading={undoing}
            aria-label={t('events.checkin.undoFor', { name: confirmation.name })}
            onClick={() => onUndo(confirmation)}
          >
            {t('events.checkin.undo')}
          </Button>
        </Alert>
      )}
      {undone && (
        <Alert color="gray" variant="light" radius="md">
          {undone}
        </Alert>
      )}
      {failure && (
        <Alert color="red" variant="light" radius="md" role="alert">
          {failure}
        </Alert>
      )}
    </Box>
  );
}

type ListProps = {
  list: { isError: boolean; error: unknown; isPending: boolean; refetch: () => unknown };
  matches: Attendance[];
  q: string;
  selected: number;
  /** The person being checked in right now (the row is disabled meanwhile). */
  pendingPersonId: number | undefined;
  time: Intl.DateTimeFormat;
  onMark: (a: Attendance) => void;
  onWalkIn: () => void;
};

/** The people at the door as large touch targets; arrow keys in the search field move the selection. */
export function CheckInList({ list, matches, q, selected, pendingPersonId, time, onMark, onWalkIn }: ListProps) {
  const { t } = useLabels();
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending)
    return (
      <Stack gap="xs" aria-hidden>
        {[1, 2, 3, 4].map((n) => (
          <Skeleton key={n} height={64} />
        ))}
      </Stack>
    );
  if (matches.length === 0)
    return (
      <Paper withBorder radius="md" p="lg" ta="center">
        <Text mb="md">{q.trim() ? t('events.checkin.noMatch', { q }) : t('events.checkin.nobody')}</Text>
        <Button size="lg" color="green" leftSection={<IconUserPlus size={20} />} onClick={onWalkIn}>
          {t('events.checkin.addAsWalkIn')}
        </Button>
      </Paper>
    );
  return (
    <Stack gap={6} id="checkin-list" role="listbox" aria-label={t('events.checkin.listLabel')}>
      {matches.map((a, i) => {
        const present = a.status === 'attended';
        return (
          <UnstyledButton
            key={a.personId}
            id={`checkin-${a.personId}`}
            role="option"
            aria-selected={i === selected && q.trim() !== ''}
            className="checkin-row"
            onClick={() => onMark(a)}
            disabled={pendingPersonId === a.personId}
            p="md"
            style={{
              borderRadius: 'var(--mantine-radius-md)',
              border: `2px solid ${
                i === selected && q.trim() ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-gray-3)'
              }`,
              background: present ? 'var(--mantine-color-green-0)' : 'var(--mantine-color-body)',
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Box style={{ minWidth: 0 }}>
                <Text fz="lg" fw={600} truncate>
                  {personName(a.person)}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {[a.organization?.name, a.person.email].filter(Boolean).join(' · ') || ' '}
                </Text>
              </Box>
              {present ? (
                <Group gap={6} wrap="nowrap" c="green">
                  <IconCircleCheck size={26} />
                  <Text fw={600} size="sm">
                    {a.checkedInAt ? time.format(new Date(a.checkedInAt)) : t('events.checkin.presentShort')}
                  </Text>
                </Group>
              ) : a.status === 'registered' ? (
                <Text size="sm" c="dimmed" visibleFrom="xs">
                  {t('events.checkin.tapToCheckIn')}
                </Text>
              ) : (
                <AttendanceStatusBadge status={a.status} size="lg" />
              )}
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

type HeaderProps = {
  eventId: number;
  event: EventDetail | undefined;
  counters: { registered: number; attended: number; open: number } | undefined;
};

/** Way back, the event's title and date, and the live counters. */
export function CheckInHeader({ eventId, event, counters }: HeaderProps) {
  const { t } = useLabels();
  return (
    <>
      <Group justify="space-between" mb="sm" wrap="nowrap" gap="sm">
        <AnchorLink
          to="/veranstaltungen/$id"
          params={{ id: eventId }}
          size="md"
          display="inline-flex"
          style={{ alignItems: 'center', gap: 6, minHeight: 44 }}
        >
          <IconArrowLeft size={18} /> {t('events.checkin.leave')}
        </AnchorLink>
        <Text size="sm" c="dimmed" ta="right">
          {t('events.checkin.title')}
        </Text>
      </Group>
      {event ? (
        <Box mb="md">
          <Title order={1} fz={{ base: 22, sm: 28 }}>
            {event.title}
          </Title>
          <Text c="dimmed">
            {formatDate(event.startsAt)}
            {event.location && ` · ${event.location}`}
          </Text>
        </Box>
      ) : (
        <Skeleton height={40} width="60%" mb="md" />
      )}

      <SimpleGrid
        cols={3}
        spacing="sm"
        mb="md"
        role="group"
        aria-live="polite"
        aria-label={t('events.checkin.counters')}
      >
        <Counter label={t('events.checkin.registered')} value={counters?.registered} />
        <Counter label={t('events.checkin.present')} value={counters?.attended} color="green" />
        <Counter label={t('events.checkin.open')} value={counters?.open} color="orange" />
      </SimpleGrid>
    </>
  );
}

/** Not found or not allowed: a message in place of the page. */
export function CheckInMessage({ title, description }: { title: string; description: string }) {
  return (
    <Container component="main" size="sm" py="xl">
      <EmptyState icon={<IconSearch size={28} />} title={title} description={description} />
    </Container>
  );
}
