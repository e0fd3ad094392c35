import type { Attendance } from '@anett/shared/schemas/attendance';
import type { EventDetail } from '@anett/shared/schemas/event';
import { ATTENDANCE_STATUS, type AttendanceRole, type AttendanceStatus } from '@anett/shared/vocab/enums';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDialog, useConfirmedMutation } from '../../components/confirm-dialog.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useRemoveAttendance, useUndoCheckIn, useUpdateAttendance } from './api.ts';
import { usePromotionNotice } from './promotion-notice.ts';

/**
 * What a row of the attendance list can do — change status or role (with the row's version), undo a check-in,
 * remove — with their notices, and the two confirmations (early check-in, removal) as `dialogs`.
 */
export function useAttendanceActions(event: EventDetail) {
  const { t, label } = useLabels();
  const update = useUpdateAttendance(event.id);
  const remove = useRemoveAttendance(event.id);
  const undo = useUndoCheckIn(event.id);
  // Marking someone attended before the event's first day waits for the user's confirmation.
  const [early, setEarly] = useState<{ row: Attendance; status: AttendanceStatus } | null>(null);
  const announcePromotions = usePromotionNotice();

  const failed = (err: unknown) => {
    const known: Record<string, string> = {
      EVENT_FULL: t('events.attendance.full'),
      INVALID_STATUS_TRANSITION: t('events.attendance.invalidTransition'),
      NOT_ATTENDED: t('events.attendance.notAttended'),
      CHECK_IN_HAS_SESSIONS: t('events.attendance.undoHasSessions'),
    };
    notifications.show({
      color: 'red',
      message: isApiError(err, 412)
        ? t('common.versionConflict')
        : (isApiError(err) && known[err.code]) || errorMessage(t, err),
    });
  };

  const change = (row: Attendance, patch: { status?: AttendanceStatus; role?: AttendanceRole; confirm?: boolean }) =>
    update.mutate(
      { row, patch },
      {
        onSuccess: (res) => {
          notifications.show({
            color: 'green',
            message: patch.status
              ? t('events.attendance.statusChanged', {
                  name: personName(row.person),
                  status: label(ATTENDANCE_STATUS, res.status),
                })
              : t('events.attendance.roleChanged', { name: personName(row.person) }),
          });
          announcePromotions(res.promoted);
        },
        onError: (err) => {
          if (patch.status && isApiError(err) && err.code === 'CHECK_IN_BEFORE_EVENT')
            setEarly({ row, status: patch.status });
          else failed(err);
        },
      },
    );

  const undoCheckIn = (row: Attendance) =>
    undo.mutate(
      { personId: row.personId, version: row.version },
      {
        onSuccess: (res) => {
          notifications.show({
            color: 'green',
            message: res.attendance
              ? t('events.checkin.undone', { name: personName(row.person) })
              : t('events.checkin.undoneRemoved', { name: personName(row.person) }),
          });
          announcePromotions(res.promoted);
        },
        onError: failed,
      },
    );

  const removal = useConfirmedMutation(remove, {
    title: t('events.attendance.removeTitle'),
    message: (row) => t('events.attendance.removeConfirm', { name: personName(row.person) }),
    confirmLabel: t('events.attendance.remove'),
    danger: true,
    onSuccess: (res, row) => {
      notifications.show({ color: 'green', message: t('events.attendance.removed', { name: personName(row.person) }) });
      announcePromotions(res.promoted);
    },
    onError: failed,
  });

  const dialogs = (
    <>
      <ConfirmDialog
        opened={early !== null}
        title={t('events.checkin.earlyTitle')}
        message={t('events.checkin.early', { date: formatDate(event.startsAt) })}
        confirmLabel={t('events.checkin.earlyConfirm')}
        loading={update.isPending}
        onCancel={() => setEarly(null)}
        onConfirm={() => {
          if (early) change(early.row, { status: early.status, confirm: true });
          setEarly(null);
        }}
      />
      {removal.dialog}
    </>
  );

  return {
    change,
    undoCheckIn,
    /** The person whose check-in is being undone (for the button's spinner). */
    undoingPersonId: undo.isPending ? undo.variables?.personId : undefined,
    confirmRemove: removal.ask,
    failed,
    dialogs,
  };
}

export type AttendanceActions = ReturnType<typeof useAttendanceActions>;
