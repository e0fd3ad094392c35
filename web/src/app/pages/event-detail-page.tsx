import { attendances } from '@anett/shared/routes/attendance';
import { buildPath } from '@anett/shared/routes/define';
import { registrations } from '@anett/shared/routes/registration';
import type { EventDetail } from '@anett/shared/schemas/event';
import { EVENT_KIND } from '@anett/shared/vocab/enums';
import { Badge, Button, Card, Group, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarDown,
  IconCertificate,
  IconFileTypePdf,
  IconPencil,
  IconQrcode,
  IconTrash,
  IconUserPlus,
} from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DetailPageFrame } from '../../components/detail-page-frame.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RowActionsMenu } from '../../components/records/row-actions-menu.tsx';
import { ButtonLink } from '../../components/router-link.tsx';
import { AddAttendeesModal } from '../../features/events/add-attendees-modal.tsx';
import { eventDetailOptions, useDeleteEvent } from '../../features/events/api.ts';
import { AttendanceTable } from '../../features/events/attendance-table.tsx';
import { EventFormModal } from '../../features/events/event-form-modal.tsx';
import { KIND_COLOR } from '../../features/events/event-kind.ts';
import { EventSummary } from '../../features/events/event-summary.tsx';
import { SessionMatrix } from '../../features/events/session-matrix.tsx';
import { QuickLogButton, useQuickLogContext } from '../../features/interactions/quick-log.tsx';
import { SelfRegistrationCard } from '../../features/registrations/self-registration-card.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';

const route = getRouteApi('/app/veranstaltungen/$id');

function Detail({ event }: { event: EventDetail }) {
  const { t, label } = useLabels();
  const canEdit = useCan().write;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteEvent();
  const isCourse = event.kind === 'course';
  useQuickLogContext({ eventId: event.id, nodeId: event.nodeId, kind: 'event_conversation' });

  const download = (path: string) =>
    downloadFile(path).catch((err: unknown) => notifications.show({ color: 'red', message: errorMessage(t, err) }));
  // The event's files: the attendance list, the calendar entry and, once a course has attendees, the certificates.
  const files = [
    { label: t('events.printList'), icon: <IconFileTypePdf size={16} />, path: attendances.attendanceListPdf.path },
    { label: t('registrations.calendar'), icon: <IconCalendarDown size={16} />, path: registrations.calendar.path },
    ...(isCourse && (event.counts.attended ?? 0) > 0
      ? [
          {
            label: t('events.certificates'),
            icon: <IconCertificate size={16} />,
            path: attendances.certificatesPdf.path,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={event.title}
        meta={
          <Group gap={6}>
            <Badge color={KIND_COLOR[event.kind]} variant="light" radius="sm">
              {label(EVENT_KIND, event.kind)}
            </Badge>
            {event.node && (
              <Badge color="gray" variant="outline" radius="sm">
                {event.node.name}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {canEdit && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
                {t('events.add.open')}
              </Button>
            )}
            {canEdit && (
              <ButtonLink
                to="/veranstaltungen/$id/checkin"
                params={{ id: event.id }}
                variant="light"
                leftSection={<IconQrcode size={16} />}
              >
                {t('events.checkin.start')}
              </ButtonLink>
            )}
            {files.map((f) => (
              <Button
                key={f.label}
                variant="default"
                leftSection={f.icon}
                onClick={() => void download(buildPath(f.path, { id: event.id }))}
              >
                {f.label}
              </Button>
            ))}
            {canEdit && (
              <RowActionsMenu
                framed
                label={t('events.moreActions')}
                actions={[
                  { label: t('events.edit'), icon: <IconPencil size={16} />, onClick: () => setEditing(true) },
                  {
                    label: t('events.delete'),
                    icon: <IconTrash size={16} />,
                    color: 'red',
                    onClick: () => setDeleting(true),
                  },
                ]}
              />
            )}
          </>
        }
      />

      <EventSummary
        event={event}
        aside={
          <>
            {canEdit && <QuickLogButton variant="default" fullWidth />}
            <SelfRegistrationCard event={event} />
          </>
        }
      />

      <Card withBorder radius="md" padding="lg" component="section" mb="md">
        <Title order={2} fz="md" mb="sm">
          {t('events.attendance.title')}
        </Title>
        <AttendanceTable
          event={event}
          canEdit={canEdit}
          status={search.status}
          page={search.page ?? 1}
          onStatusChange={(status) => navigate({ search: { status }, replace: true })}
          onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
        />
      </Card>

      {isCourse && (
        <Card withBorder radius="md" padding="lg" component="section">
          <Title order={2} fz="md" mb="sm">
            {t('events.sessions.matrixTitle')}
          </Title>
          <SessionMatrix event={event} canEdit={canEdit} />
        </Card>
      )}

      {canEdit && (
        <>
          <AddAttendeesModal eventId={event.id} opened={adding} onClose={() => setAdding(false)} />
          <EventFormModal target={editing ? event : null} onClose={() => setEditing(false)} onSaved={() => {}} />
          <ConfirmDialog
            opened={deleting}
            title={t('events.deleteTitle')}
            message={t('events.deleteConfirm', { title: event.title })}
            confirmLabel={t('events.delete')}
            danger
            loading={remove.isPending}
            onCancel={() => setDeleting(false)}
            onConfirm={() =>
              remove.mutate(event, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('events.deleted', { title: event.title }) });
                  void navigate({ to: '/veranstaltungen' });
                },
                onError: (err) => {
                  setDeleting(false);
                  notifications.show({
                    color: 'red',
                    message: isApiError(err, 412) ? t('common.versionConflict') : errorMessage(t, err),
                  });
                },
              })
            }
          />
        </>
      )}
    </>
  );
}

export function EventDetailPage() {
  const { id } = route.useParams();
  return (
    <DetailPageFrame ns="events" id={id} query={eventDetailOptions}>
      {(data) => <Detail event={data} />}
    </DetailPageFrame>
  );
}
