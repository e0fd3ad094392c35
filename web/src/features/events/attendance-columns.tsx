import { attendances } from '@anett/shared/routes/attendance';
import { buildPath } from '@anett/shared/routes/define';
import { type Attendance, STATUS_TRANSITIONS } from '@anett/shared/schemas/attendance';
import type { EventDetail } from '@anett/shared/schemas/event';
import {
  ATTENDANCE_ROLE,
  ATTENDANCE_ROLES,
  ATTENDANCE_STATUS,
  type AttendanceRole,
  isContributorRole,
  isParticipantRole,
} from '@anett/shared/vocab/enums';
import {
  ActionIcon,
  Button,
  Group,
  Menu,
  NativeSelect,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowBackUp, IconCertificate, IconChevronDown, IconFileCertificate, IconTrash } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { AttendanceStatusBadge } from '../../components/attendance-status-badge.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { downloadFile } from '../../lib/download.ts';
import { formatDateTime, formatNumber, personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import type { AttendanceActions } from './attendance-actions.tsx';

type Ctx = { event: EventDetail; canEdit: boolean; actions: AttendanceActions };

/** The status as a badge; for editors a menu of the statuses it may change to. */
function StatusCell({ a, canEdit, actions }: { a: Attendance } & Omit<Ctx, 'event'>) {
  const { t, label } = useLabels();
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
          <Menu.Item key={s} onClick={() => actions.change(a, { status: s })}>
            <AttendanceStatusBadge status={s} />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Undo check-in, certificate and contribution letters, remove. */
function RowActions({ a, event, canEdit, actions }: { a: Attendance } & Ctx) {
  const { t } = useLabels();
  const isCourse = event.kind === 'course';
  const download = (path: string) => downloadFile(path).catch((err: unknown) => actions.failed(err));
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {canEdit && a.status === 'attended' && (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconArrowBackUp size={14} />}
          aria-label={t('events.checkin.undoFor', { name: personName(a.person) })}
          loading={actions.undoingPersonId === a.personId}
          onClick={() => actions.undoCheckIn(a)}
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
            onClick={() => download(buildPath(attendances.certificatePdf.path, { id: event.id, personId: a.personId }))}
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
              download(buildPath(attendances.contributionPdf.path, { id: event.id, personId: a.personId }))
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
            onClick={() => actions.confirmRemove(a)}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** Columns of the attendance list; hours only for courses. */
export function useAttendanceColumns({ event, canEdit, actions }: Ctx): DataTableColumn<Attendance>[] {
  const { t, label } = useLabels();
  const isCourse = event.kind === 'course';
  return [
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
      render: (a) => <StatusCell a={a} canEdit={canEdit} actions={actions} />,
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
            onChange={(e) => actions.change(a, { role: e.currentTarget.value as AttendanceRole })}
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
      render: (a) => <RowActions a={a} event={event} canEdit={canEdit} actions={actions} />,
    },
  ];
}
