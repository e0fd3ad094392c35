import { searchFold } from '@anett/shared/normalize';
import type { Attendance } from '@anett/shared/schemas/attendance';
import { Box, Button, type ButtonProps, Container, Group, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { allAttendancesOptions, countersOptions, eventDetailOptions, useCheckIn, useUndoCheckIn } from './api.ts';
import {
  CheckInHeader,
  CheckInList,
  CheckInMessage,
  CheckInNotices,
  type Confirmation,
  type Early,
  earlyStart,
  matcher,
} from './checkin-parts.tsx';
import { WalkInModal } from './checkin-walk-in.tsx';
import { usePromotionNotice } from './promotion-notice.ts';
import './events.css';

const route = getRouteApi('/veranstaltungen/$id/checkin');

const LIVE_COUNTERS_MS = 4000;
const LIVE_LIST_MS = 10_000;
// Long enough to notice a wrong name and press "Rückgängig".
const CONFIRM_MS = 10_000;
const SHOWN_STATUSES = ['registered', 'attended', 'waitlisted', 'interested', 'no_show'] as const;

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

  /** "Walk-in": beside the search on wide screens, full width below it on phones. */
  const walkInButton = (iconSize: number, props: ButtonProps) => (
    <Button
      variant="light"
      color="green"
      leftSection={<IconUserPlus size={iconSize} />}
      onClick={() => setWalkInOpen(true)}
      {...props}
    >
      {t('events.checkin.walkIn')}
    </Button>
  );

  if (isApiError(event.error, 404)) {
    return <CheckInMessage title={t('common.notFoundTitle')} description={t('events.notFound')} />;
  }
  return (
    <Container component="main" size="md" py="md" px={{ base: 'sm', sm: 'md' }}>
      <CheckInHeader eventId={eventId} event={event.data} counters={counters.data} />

      <CheckInNotices
        confirmation={confirmation}
        undone={undone}
        failure={failure}
        time={time}
        undoing={undo.isPending}
        onUndo={undoCheckIn}
      />

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
          {walkInButton(22, { size: 'xl', visibleFrom: 'sm' })}
        </Group>
        {walkInButton(20, { size: 'lg', fullWidth: true, mb: 'sm', hiddenFrom: 'sm' })}
        <Text size="sm" c="dimmed" mb="xs">
          {q.trim()
            ? t('events.checkin.matches', { count: matches.length })
            : t('events.checkin.hint', { count: matches.length })}
        </Text>
        <CheckInList
          list={list}
          matches={matches}
          q={q}
          selected={selected}
          pendingPersonId={checkIn.isPending ? checkIn.variables?.personId : undefined}
          time={time}
          onMark={mark}
          onWalkIn={() => setWalkInOpen(true)}
        />
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
  const can = useCan();
  const valid = Number.isSafeInteger(id) && id > 0;
  if (!valid) {
    return <CheckInMessage title={t('common.notFoundTitle')} description={t('events.notFound')} />;
  }
  if (!can.write) {
    return <CheckInMessage title={t('common.forbiddenTitle')} description={t('common.forbidden')} />;
  }
  return <CheckIn eventId={id} />;
}
