import { type Attendance, type AttendanceListQuery, STATUS_TRANSITIONS } from '@anett/shared/schemas/attendance';
import type { EventDetail } from '@anett/shared/schemas/event';
import {
  ATTENDANCE_ROLE,
  ATTENDANCE_ROLES,
  ATTENDANCE_STATUS,
  ATTENDANCE_STATUSES,
  type AttendanceRole,
  type AttendanceStatus,
  isContributorRole,
  isParticipantRole,
} from '@anett/shared/vocab/enums';
import {
  ActionIcon,
  Button,
  Chip,
  Group,
  Menu,
  NativeSelect,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconCertificate,
  IconChevronDown,
  IconFileCertificate,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { personName } from '../../components/entity-multi-select.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { attendanceListOptions, useRemoveAttendance, useUndoCheckIn, useUpdateAttendance } from './api.ts';
import { usePromotionNotice } from './promotion-notice.ts';
import { AttendanceStatusBadge } from './status-badge.tsx';

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
  const update = useUpdateAttendance(event.id);
  const remove = useRemoveAttendance(event.id);
  const undo = useUndoCheckIn(event.id);
  const [removing, setRemoving] = useState<Attendance | null>(null);
  // Marking someone attended before the event's first day waits for the user's confirmation.
  const [early, setEarly] = useState<{ row: Attendance; status: AttendanceStatus } | null>(null);
  const announcePromotions = usePromotionNotice();
  const isCourse = event.kind === 'course';

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

  const counts = event.counts;

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
              {label(ATTENDANCE_STATUS, s)} ({formatNumber(counts[s])})
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {list.isError ? (
        <ErrorState
          error={list.error}
          message={t('events.attendance.loadFailed')}
          onRetry={() => void list.refetch()}
        />
      ) : list.data && list.data.total === 0 ? (
        <EmptyState
          icon={<IconUsers size={28} />}
          title={filter ? t('events.attendance.emptyFiltered') : t('events.attendance.emptyTitle')}
          description={filter ? undefined : t('events.attendance.empty')}
        />
      ) : (
        <DataTable<Attendance>
          withTableBorder
          borderRadius="md"
          verticalAlign="center"
          minHeight={list.isPending ? 240 : undefined}
          fetching={list.isPending || list.isPlaceholderData}
          loadingText={t('app.loading')}
          records={list.data?.items ?? []}
          idAccessor="id"
          page={page}
          onPageChange={onPageChange}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={PAGE_SIZE}
          paginationText={({ from, to, totalRecords }) =>
            t('common.pagination', {
              from: formatNumber(from),
              to: formatNumber(to),
              total: formatNumber(totalRecords),
            })
          }
          getPaginationControlProps={(control) => ({
            'aria-label': {
              first: t('common.firstPage'),
              previous: t('common.previousPage'),
              next: t('common.nextPage'),
              last: t('common.lastPage'),
            }[control],
          })}
          getPaginationItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
          columns={[
            {
              accessor: 'person.lastName',
              title: t('events.attendance.name'),
              render: (a) => (
                <div>
                  <AnchorLink to="/personen/$id" params={{ id: a.personId }} size="sm" fw={600}>
                    {personName(a.person)}
                  </AnchorLink>
                  {a.person.email && (
                    <Text size="xs" c="dimmed">
                      {a.person.email}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              accessor: 'organization',
              title: t('events.attendance.organization'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
              render: (a) =>
                a.organization?.id ? (
                  <AnchorLink to="/organisationen/$id" params={{ id: a.organization.id }} size="sm">
                    {a.organization.name}
                  </AnchorLink>
                ) : (
                  (a.organization?.name ?? '')
                ),
            },
            {
              accessor: 'status',
              title: t('events.attendance.status'),
              width: 190,
              render: (a) => {
                const next = STATUS_TRANSITIONS[a.status];
                if (!canEdit || next.length === 0) return <AttendanceStatusBadge status={a.status} />;
                return (
                  <Menu position="bottom-start" withinPortal>
                    <Menu.Target>
                      <UnstyledButton
                        aria-label={t('events.attendance.changeStatus', {
                          name: personName(a.person),
                          status: label(ATTENDANCE_STATUS, a.status),
                        })}
                        style={{ borderRadius: 4 }}
                      >
                        <AttendanceStatusBadge
                          status={a.status}
                          rightSection={<IconChevronDown size={12} />}
                          style={{ cursor: 'pointer' }}
                        />
                      </UnstyledButton>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Label>{t('events.attendance.setStatus')}</Menu.Label>
                      {next.map((s) => (
                        <Menu.Item key={s} onClick={() => change(a, { status: s })}>
                          <AttendanceStatusBadge status={s} />
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                );
              },
            },
            {
              accessor: 'role',
              title: t('events.attendance.role'),
              render: (a) =>
                canEdit ? (
                  <NativeSelect
                    size="xs"
                    aria-label={t('events.attendance.roleOf', { name: personName(a.person) })}
                    value={a.role}
                    onChange={(e) => change(a, { role: e.currentTarget.value as AttendanceRole })}
                    data={ATTENDANCE_ROLES.map((r) => ({ value: r, label: label(ATTENDANCE_ROLE, r) }))}
                    w={140}
                  />
                ) : (
                  label(ATTENDANCE_ROLE, a.role)
                ),
            },
            {
              accessor: 'checkedInAt',
              title: t('events.attendance.checkedInAt'),
              noWrap: true,
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
              render: (a) => formatDateTime(a.checkedInAt),
            },
            ...(isCourse
              ? [
                  {
                    accessor: 'hours',
                    title: t('events.attendance.hours'),
                    textAlign: 'right' as const,
                    render: (a: Attendance) => formatNumber(a.hours),
                  },
                ]
              : []),
            {
              accessor: 'actions',
              title: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
              textAlign: 'right',
              render: (a) => (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {canEdit && a.status === 'attended' && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconArrowBackUp size={14} />}
                      aria-label={t('events.checkin.undoFor', { name: personName(a.person) })}
                      loading={undo.isPending && undo.variables?.personId === a.personId}
                      onClick={() => undoCheckIn(a)}
                    >
                      {t('events.checkin.undo')}
                    </Button>
                  )}
                  {isCourse && a.status === 'attended' && isParticipantRole(a.role) && (
                    <Tooltip label={t('events.attendance.certificate')}>
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={t('events.attendance.certificateFor', { name: personName(a.person) })}
                        onClick={() =>
                          downloadFile(`/api/events/${event.id}/certificates/${a.personId}.pdf`).catch((err: unknown) =>
                            failed(err),
                          )
                        }
                      >
                        <IconCertificate size={18} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {a.status === 'attended' && isContributorRole(a.role) && (
                    <Tooltip label={t('events.attendance.contribution')}>
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-label={t('events.attendance.contributionFor', { name: personName(a.person) })}
                        onClick={() =>
                          downloadFile(`/api/events/${event.id}/contributions/${a.personId}.pdf`).catch(
                            (err: unknown) => failed(err),
                          )
                        }
                      >
                        <IconFileCertificate size={18} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  {canEdit && (
                    <Tooltip label={t('events.attendance.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={t('events.attendance.removeName', { name: personName(a.person) })}
                        onClick={() => setRemoving(a)}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              ),
            },
          ]}
        />
      )}
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
      <ConfirmDialog
        opened={removing !== null}
        title={t('events.attendance.removeTitle')}
        message={removing ? t('events.attendance.removeConfirm', { name: personName(removing.person) }) : ''}
        confirmLabel={t('events.attendance.remove')}
        danger
        loading={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing, {
            onSuccess: (res) => {
              notifications.show({
                color: 'green',
                message: t('events.attendance.removed', { name: personName(removing.person) }),
              });
              announcePromotions(res.promoted);
              setRemoving(null);
            },
            onError: (err) => {
              failed(err);
              setRemoving(null);
            },
          });
        }}
      />
    </>
  );
}
