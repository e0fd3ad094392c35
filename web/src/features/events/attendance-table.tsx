import type { AttendanceListQuery } from '@anett/shared/schemas/attendance';
import type { EventDetail } from '@anett/shared/schemas/event';
import { ATTENDANCE_STATUS, ATTENDANCE_STATUSES, type AttendanceStatus } from '@anett/shared/vocab/enums';
import { Chip, Group } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../../components/empty-state.tsx';
import { RecordTable } from '../../components/records/record-table.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { attendanceListOptions } from './api.ts';
import { useAttendanceActions } from './attendance-actions.tsx';
import { useAttendanceColumns } from './attendance-columns.tsx';

const PAGE_SIZE = 50;

const isStatus = (v: string | undefined): v is AttendanceStatus =>
  v !== undefined && (ATTENDANCE_STATUSES as readonly string[]).includes(v);

type Props = {
  event: EventDetail;
  canEdit: boolean;
  status: string | undefined;
  page: number;
  onStatusChange: (status: AttendanceStatus | undefined) => void;
  onPageChange: (page: number) => void;
};

/** Who is on the list: status and role change inline (with the row's version), filtered by status. */
export function AttendanceTable({ event, canEdit, status, page, onStatusChange, onPageChange }: Props) {
  const { t, label } = useLabels();
  const filter = isStatus(status) ? status : undefined;
  const params: AttendanceListQuery = {
    status: filter ? [filter] : undefined,
    page,
    pageSize: PAGE_SIZE,
    sort: 'lastName',
  };
  const list = useQuery(attendanceListOptions(event.id, params));
  const actions = useAttendanceActions(event);
  const columns = useAttendanceColumns({ event, canEdit, actions });

  return (
    <>
      <Chip.Group
        value={filter ?? 'all'}
        onChange={(v) => onStatusChange(typeof v === 'string' && isStatus(v) ? v : undefined)}
      >
        <Group gap={6} mb="sm" role="group" aria-label={t('events.attendance.filterLabel')}>
          <Chip value="all" size="sm" variant="light">
            {t('events.attendance.all')}
          </Chip>
          {ATTENDANCE_STATUSES.map((s) => (
            <Chip key={s} value={s} size="sm" variant="light">
              {label(ATTENDANCE_STATUS, s)} ({formatNumber(event.counts[s])})
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <RecordTable
        query={list}
        columns={columns}
        loadFailed={t('events.attendance.loadFailed')}
        empty={
          <EmptyState
            icon={<IconUsers size={28} />}
            title={filter ? t('events.attendance.emptyFiltered') : t('events.attendance.emptyTitle')}
            description={filter ? undefined : t('events.attendance.empty')}
          />
        }
        loadingOverlay
        url={{ page }}
        onUrlChange={(patch) => onPageChange(patch.page ?? 1)}
        pageSizeDefault={PAGE_SIZE}
      />
      {actions.dialogs}
    </>
  );
}
