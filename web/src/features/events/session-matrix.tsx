import type { EventDetail } from '@anett/shared/schemas/event';
import { Alert, Button, Checkbox, Group, ScrollArea, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatNumber, personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { allAttendancesOptions, useSetSessionAttendance } from './api.ts';

const MATRIX_STATUSES = ['registered', 'attended', 'no_show'] as const;

/** Per-session attendance of a course: persons × sessions, each session column saved on its own. */
export function SessionMatrix({ event, canEdit }: { event: EventDetail; canEdit: boolean }) {
  const { t, lang } = useLabels();
  const rows = useQuery(allAttendancesOptions(event.id, [...MATRIX_STATUSES]));
  const save = useSetSessionAttendance(event.id);
  // Unsaved changes per session: the full set of person ids ticked in that column.
  const [drafts, setDrafts] = useState<Record<number, Set<number>>>({});
  const [savingId, setSavingId] = useState<number | null>(null);
  // A session in the future: attendance is recorded only after the user confirmed it.
  const [early, setEarly] = useState<{ sessionId: number; startsAt: string } | null>(null);
  const time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit' });

  if (event.sessions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('events.sessions.noneYet')}
      </Text>
    );
  }
  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  if (rows.isPending) return <Skeleton height={160} />;

  const saved = (sessionId: number) =>
    new Set(rows.data.filter((a) => a.sessionIds.includes(sessionId)).map((a) => a.personId));
  const current = (sessionId: number) => drafts[sessionId] ?? saved(sessionId);
  const dirty = (sessionId: number) => {
    const d = drafts[sessionId];
    if (!d) return false;
    const s = saved(sessionId);
    return d.size !== s.size || [...d].some((id) => !s.has(id));
  };
  const toggle = (sessionId: number, personId: number, on: boolean) => {
    const next = new Set(current(sessionId));
    if (on) next.add(personId);
    else next.delete(personId);
    setDrafts((d) => ({ ...d, [sessionId]: next }));
  };
  const setAll = (sessionId: number, on: boolean) =>
    setDrafts((d) => ({ ...d, [sessionId]: new Set(on ? rows.data.map((a) => a.personId) : []) }));

  const store = (sessionId: number, confirm = false) => {
    setSavingId(sessionId);
    save.mutate(
      { sessionId, personIds: [...current(sessionId)], confirm },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('events.sessions.saved') });
          setDrafts(({ [sessionId]: _, ...rest }) => rest);
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'CHECK_IN_BEFORE_EVENT') {
            setEarly({ sessionId, startsAt: (err.data as { startsAt: string }).startsAt });
            return;
          }
          notifications.show({ color: 'red', message: errorMessage(t, err) });
        },
        onSettled: () => setSavingId(null),
      },
    );
  };
  const unsaved = event.sessions.filter((s) => dirty(s.id)).length;

  return (
    <Stack gap="sm">
      {unsaved > 0 && (
        <Alert color="yellow" variant="light" py={8}>
          {t('events.sessions.unsaved', { count: unsaved })}
        </Alert>
      )}
      <ScrollArea type="auto">
        <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" miw={260 + event.sessions.length * 110}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={200} style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}>
                {t('events.attendance.name')}
              </Table.Th>
              {event.sessions.map((s, i) => {
                const ticked = current(s.id);
                return (
                  <Table.Th key={s.id} ta="center" miw={110}>
                    <Text size="xs" fw={600}>
                      {s.title || t('events.sessions.n', { n: i + 1 })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(s.startsAt)} {time.format(new Date(s.startsAt))}
                      {s.endsAt && `–${time.format(new Date(s.endsAt))}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('events.sessions.hoursShort', { hours: formatNumber(s.hours) })}
                    </Text>
                    {canEdit && rows.data.length > 0 && (
                      <Checkbox
                        mt={4}
                        size="xs"
                        mx="auto"
                        w="fit-content"
                        aria-label={t('events.sessions.all', {
                          session: s.title || t('events.sessions.n', { n: i + 1 }),
                        })}
                        checked={ticked.size === rows.data.length}
                        indeterminate={ticked.size > 0 && ticked.size < rows.data.length}
                        onChange={(e) => setAll(s.id, e.currentTarget.checked)}
                      />
                    )}
                  </Table.Th>
                );
              })}
              <Table.Th ta="right">{t('events.attendance.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={event.sessions.length + 2}>
                  <Text size="sm" c="dimmed">
                    {t('events.sessions.nobody')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.data.map((a) => (
              <Table.Tr key={a.personId}>
                <Table.Td style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}>
                  {personName(a.person)}
                </Table.Td>
                {event.sessions.map((s, i) => (
                  <Table.Td key={s.id} ta="center">
                    <Checkbox
                      size="md"
                      mx="auto"
                      w="fit-content"
                      disabled={!canEdit}
                      aria-label={t('events.sessions.attendedCell', {
                        name: personName(a.person),
                        session: s.title || t('events.sessions.n', { n: i + 1 }),
                      })}
                      checked={current(s.id).has(a.personId)}
                      onChange={(e) => toggle(s.id, a.personId, e.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatNumber(a.hours)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {canEdit && rows.data.length > 0 && (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Td style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }} />
                {event.sessions.map((s, i) => (
                  <Table.Td key={s.id} ta="center">
                    <Button
                      size="compact-sm"
                      variant={dirty(s.id) ? 'filled' : 'subtle'}
                      disabled={!dirty(s.id)}
                      loading={savingId === s.id}
                      leftSection={<IconDeviceFloppy size={14} />}
                      aria-label={t('events.sessions.saveN', {
                        session: s.title || t('events.sessions.n', { n: i + 1 }),
                      })}
                      onClick={() => store(s.id)}
                    >
                      {t('common.save')}
                    </Button>
                  </Table.Td>
                ))}
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </ScrollArea>
      <Group justify="flex-end">
        <Text size="sm" c="dimmed">
          {t('events.sessions.total', { hours: formatNumber(event.totalHours) })}
        </Text>
      </Group>
      <ConfirmDialog
        opened={early !== null}
        title={t('events.checkin.earlyTitle')}
        message={early ? t('events.checkin.earlySession', { date: formatDate(early.startsAt) }) : ''}
        confirmLabel={t('events.checkin.earlyConfirm')}
        loading={save.isPending}
        onCancel={() => setEarly(null)}
        onConfirm={() => {
          if (early) store(early.sessionId, true);
          setEarly(null);
        }}
      />
    </Stack>
  );
}
