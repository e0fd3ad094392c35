import { foldText, searchFold } from '@anett/shared/normalize';
import type { Attendance } from '@anett/shared/schemas/attendance';
import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconCircleCheck, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { personName } from '../../components/entity-multi-select.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useSessionUser } from '../auth/session.ts';
import {
  allAttendancesOptions,
  countersOptions,
  eventDetailOptions,
  useCheckIn,
  useUndoCheckIn,
  useWalkIn,
} from './api.ts';
import { usePromotionNotice } from './promotion-notice.ts';
import { AttendanceStatusBadge } from './status-badge.tsx';
import './events.css';

const route = getRouteApi('/veranstaltungen/$id/checkin');

const LIVE_COUNTERS_MS = 4000;
const LIVE_LIST_MS = 10_000;
// Long enough to notice a wrong name and press "Rückgängig".
const CONFIRM_MS = 10_000;
const SHOWN_STATUSES = ['registered', 'attended', 'waitlisted', 'interested', 'no_show'] as const;

type Confirmation = { name: string; at: string; walkIn: boolean; personId: number; version: number };
/** A check-in the server refused because the event has not started yet: asked again after confirmation. */
type Early = { startsAt: string; retry: () => void };
/** The 409 of a check-in before the event's first day, with the start date the message names. */
const earlyStart = (err: unknown) =>
  isApiError(err) && err.code === 'CHECK_IN_BEFORE_EVENT' ? (err.data as { startsAt: string }).startsAt : null;

function Counter({ label, value, color }: { label: string; value: number | undefined; color?: string }) {
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
function matcher(q: string) {
  const words = foldText(q).split(' ').filter(Boolean);
  return (haystack: string) => words.every((w) => haystack.includes(w));
}

function WalkInModal({
  opened,
  initialName,
  onClose,
  onDone,
  eventId,
  earlyConfirmed,
  onEarly,
}: {
  opened: boolean;
  initialName: string;
  onClose: () => void;
  onDone: (c: Confirmation) => void;
  eventId: number;
  earlyConfirmed: boolean;
  onEarly: (e: Early) => void;
}) {
  const { t } = useLabels();
  const walkIn = useWalkIn(eventId);
  const form = useForm({
    initialValues: { firstName: '', lastName: '', email: '', organizationName: '' },
    validate: {
      firstName: (v) => (v.trim() ? null : t('events.form.required')),
      lastName: (v) => (v.trim() ? null : t('events.form.required')),
      email: (v) =>
        !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('events.checkin.invalidEmail'),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: prefill only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    walkIn.reset();
    const parts = initialName.trim().split(/\s+/).filter(Boolean);
    const values = {
      firstName: parts.length > 1 ? parts.slice(0, -1).join(' ') : (parts[0] ?? ''),
      lastName: parts.length > 1 ? (parts.at(-1) ?? '') : '',
      email: '',
      organizationName: '',
    };
    form.setValues(values);
    form.clearErrors();
  }, [opened]);

  const send = (v: typeof form.values, confirm: boolean) =>
    walkIn.mutate(
      {
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        email: v.email.trim() || null,
        organizationName: v.organizationName.trim() || null,
        ...(confirm ? { confirm } : {}),
      },
      {
        onSuccess: (res) => {
          onDone({
            name: personName(res.attendance.person),
            at: res.attendance.checkedInAt ?? new Date().toISOString(),
            walkIn: true,
            personId: res.attendance.personId,
            version: res.attendance.version,
          });
          onClose();
        },
        onError: (err) => {
          const startsAt = earlyStart(err);
          if (startsAt) onEarly({ startsAt, retry: () => send(v, true) });
          else if (isApiError(err)) form.setErrors(err.fieldErrors);
        },
      },
    );
  const submit = form.onSubmit((v) => send(v, earlyConfirmed));

  return (
    <Modal opened={opened} onClose={onClose} title={t('events.checkin.walkInTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {walkIn.error &&
            !earlyStart(walkIn.error) &&
            !(isApiError(walkIn.error) && Object.keys(walkIn.error.fieldErrors).length > 0) && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, walkIn.error)}
              </Alert>
            )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              size="lg"
              label={t('events.checkin.firstName')}
              required
              data-autofocus
              autoComplete="off"
              {...form.getInputProps('firstName')}
            />
            <TextInput
              size="lg"
              label={t('events.checkin.lastName')}
              required
              autoComplete="off"
              {...form.getInputProps('lastName')}
            />
          </SimpleGrid>
          <TextInput
            size="lg"
            type="email"
            label={t('events.checkin.email')}
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput
            size="lg"
            label={t('events.checkin.organization')}
            description={t('events.checkin.optional')}
            autoComplete="off"
            {...form.getInputProps('organizationName')}
          />
          <Group justify="flex-end" gap="sm">
            <Button size="lg" variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button size="lg" type="submit" loading={walkIn.isPending} color="green">
              {t('events.checkin.walkInSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CheckIn({ eventId }: { eventId: number }) {
  const { t, lang } = useLabels();
  const event = useQuery(eventDetailOptions(eventId));
  const counters = useQuery({ ...countersOptions(eventId), refetchInterval: LIVE_COUNTERS_MS });
  const list = useQuery({ ...allAttendancesOptions(eventId, [...SHOWN_STATUSES]), refetchInterval: LIVE_LIST_MS });
  const checkIn = useCheckIn(eventId);
  const undo = useUndoCheckIn(eventId);
  const announcePromotions = usePromotionNotice();
  const [early, setEarly] = useState<Early | null>(null);
  // Once confirmed, further check-ins of this (not yet started) event do not ask again.
  const [earlyConfirmed, setEarlyConfirmed] = useState(false);
  const [undone, setUndone] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState(0);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit' });

  const indexed = useMemo(
    () =>
      (list.data ?? []).map((a) => ({
        a,
        haystack: searchFold([personName(a.person), a.organization?.name, a.person.email].filter(Boolean).join(' ')),
      })),
    [list.data],
  );
  const matches = useMemo(() => {
    if (!q.trim()) return indexed.map((x) => x.a);
    const test = matcher(q);
    return indexed.filter((x) => test(x.haystack)).map((x) => x.a);
  }, [indexed, q]);

  useEffect(() => {
    if (!confirmation) return;
    const timer = setTimeout(() => setConfirmation(null), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [confirmation]);

  const focusSearch = () => requestAnimationFrame(() => inputRef.current?.focus());

  const confirm = (c: Confirmation) => {
    setFailure(null);
    setUndone(null);
    setConfirmation(c);
    setQ('');
    setSelected(0);
    focusSearch();
  };

  const mark = (a: Attendance, confirmEarly = earlyConfirmed) => {
    if (a.status === 'attended') {
      setUndone(null);
      setConfirmation({
        name: personName(a.person),
        at: a.checkedInAt ?? '',
        walkIn: false,
        personId: a.personId,
        version: a.version,
      });
      setQ('');
      focusSearch();
      return;
    }
    checkIn.mutate(
      { personId: a.personId, confirm: confirmEarly },
      {
        onSuccess: (res) =>
          confirm({
            name: personName(a.person),
            at: res.checkedInAt ?? new Date().toISOString(),
            walkIn: false,
            personId: res.personId,
            version: res.version,
          }),
        onError: (err) => {
          const startsAt = earlyStart(err);
          if (startsAt) setEarly({ startsAt, retry: () => mark(a, true) });
          else setFailure(errorMessage(t, err));
        },
      },
    );
  };

  const undoCheckIn = (c: Confirmation) =>
    undo.mutate(
      { personId: c.personId, version: c.version },
      {
        onSuccess: (res) => {
          setConfirmation(null);
          setUndone(
            res.attendance
              ? t('events.checkin.undone', { name: c.name })
              : t('events.checkin.undoneRemoved', { name: c.name }),
          );
          announcePromotions(res.promoted);
          focusSearch();
        },
        onError: (err) => setFailure(errorMessage(t, err)),
      },
    );

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected((s) => Math.min(s + 1, Math.max(matches.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected((s) => Math.max(s - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const target = matches[selected] ?? (matches.length === 1 ? matches[0] : undefined);
      if (target && q.trim()) mark(target);
    } else if (e.key === 'Escape') {
      setQ('');
      setSelected(0);
    }
  };

  const c = counters.data;
  if (isApiError(event.error, 404)) {
    return (
      <Container component="main" size="sm" py="xl">
        <EmptyState
          icon={<IconSearch size={28} />}
          title={t('common.notFoundTitle')}
          description={t('events.notFound')}
        />
      </Container>
    );
  }
  return (
    <Container component="main" size="md" py="md" px={{ base: 'sm', sm: 'md' }}>
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
      {event.data ? (
        <Box mb="md">
          <Title order={1} fz={{ base: 22, sm: 28 }}>
            {event.data.title}
          </Title>
          <Text c="dimmed">
            {formatDate(event.data.startsAt)}
            {event.data.location && ` · ${event.data.location}`}
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
        <Counter label={t('events.checkin.registered')} value={c?.registered} />
        <Counter label={t('events.checkin.present')} value={c?.attended} color="green" />
        <Counter label={t('events.checkin.open')} value={c?.open} color="orange" />
      </SimpleGrid>

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
              loading={undo.isPending}
              aria-label={t('events.checkin.undoFor', { name: confirmation.name })}
              onClick={() => undoCheckIn(confirmation)}
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

      <Box>
        <Group gap="sm" wrap="nowrap" mb="sm">
          <TextInput
            ref={inputRef}
            autoFocus
            size="xl"
            type="search"
            style={{ flex: 1 }}
            leftSection={<IconSearch size={22} />}
            placeholder={t('events.checkin.searchPlaceholder')}
            aria-label={t('events.checkin.searchLabel')}
            aria-controls={list.isSuccess && matches.length > 0 ? 'checkin-list' : undefined}
            aria-activedescendant={matches[selected] ? `checkin-${matches[selected].personId}` : undefined}
            autoComplete="off"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setSelected(0);
              setFailure(null);
            }}
            onKeyDown={onKeyDown}
          />
          <Button
            size="xl"
            variant="light"
            color="green"
            leftSection={<IconUserPlus size={22} />}
            onClick={() => setWalkInOpen(true)}
            visibleFrom="sm"
          >
            {t('events.checkin.walkIn')}
          </Button>
        </Group>
        <Button
          size="lg"
          fullWidth
          variant="light"
          color="green"
          mb="sm"
          leftSection={<IconUserPlus size={20} />}
          onClick={() => setWalkInOpen(true)}
          hiddenFrom="sm"
        >
          {t('events.checkin.walkIn')}
        </Button>
        <Text size="sm" c="dimmed" mb="xs">
          {q.trim()
            ? t('events.checkin.matches', { count: matches.length })
            : t('events.checkin.hint', { count: matches.length })}
        </Text>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Stack gap="xs" aria-hidden>
            {[1, 2, 3, 4].map((n) => (
              <Skeleton key={n} height={64} />
            ))}
          </Stack>
        ) : matches.length === 0 ? (
          <Paper withBorder radius="md" p="lg" ta="center">
            <Text mb="md">{q.trim() ? t('events.checkin.noMatch', { q }) : t('events.checkin.nobody')}</Text>
            <Button
              size="lg"
              color="green"
              leftSection={<IconUserPlus size={20} />}
              onClick={() => setWalkInOpen(true)}
            >
              {t('events.checkin.addAsWalkIn')}
            </Button>
          </Paper>
        ) : (
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
                  onClick={() => mark(a)}
                  disabled={checkIn.isPending && checkIn.variables?.personId === a.personId}
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
        )}
      </Box>
      <WalkInModal
        eventId={eventId}
        opened={walkInOpen}
        initialName={matches.length === 0 ? q : ''}
        onClose={() => {
          setWalkInOpen(false);
          focusSearch();
        }}
        onDone={confirm}
        earlyConfirmed={earlyConfirmed}
        onEarly={setEarly}
      />
      <ConfirmDialog
        opened={early !== null}
        title={t('events.checkin.earlyTitle')}
        message={early ? t('events.checkin.early', { date: formatDate(early.startsAt) }) : ''}
        confirmLabel={t('events.checkin.earlyConfirm')}
        loading={checkIn.isPending}
        onCancel={() => {
          setEarly(null);
          focusSearch();
        }}
        onConfirm={() => {
          setEarlyConfirmed(true);
          early?.retry();
          setEarly(null);
        }}
      />
    </Container>
  );
}

/** Check-in mode: a full-screen page for the door, usable on a tablet. */
export function CheckInPage() {
  const { t } = useLabels();
  const { id } = route.useParams();
  const user = useSessionUser();
  const valid = Number.isSafeInteger(id) && id > 0;
  if (!valid) {
    return (
      <Container component="main" size="sm" py="xl">
        <EmptyState
          icon={<IconSearch size={28} />}
          title={t('common.notFoundTitle')}
          description={t('events.notFound')}
        />
      </Container>
    );
  }
  if (user?.role === 'viewer') {
    return (
      <Container component="main" size="sm" py="xl">
        <EmptyState
          icon={<IconSearch size={28} />}
          title={t('common.forbiddenTitle')}
          description={t('common.forbidden')}
        />
      </Container>
    );
  }
  return <CheckIn eventId={id} />;
}
