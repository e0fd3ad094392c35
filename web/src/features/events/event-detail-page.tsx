import { attendances } from '@anett/shared/routes/attendance';
import { buildPath } from '@anett/shared/routes/define';
import { registrations } from '@anett/shared/routes/registration';
import type { EventDetail } from '@anett/shared/schemas/event';
import { EVENT_KIND } from '@anett/shared/vocab/enums';
import { Badge, Button, Card, Group, Menu, Skeleton, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconCalendarDown,
  IconCalendarEvent,
  IconCertificate,
  IconDots,
  IconFileTypePdf,
  IconPencil,
  IconQrcode,
  IconTrash,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { useQuickLogContext } from '../interactions/quick-log.tsx';
import { AddAttendeesModal } from './add-attendees-modal.tsx';
import { eventDetailOptions, useDeleteEvent } from './api.ts';
import { AttendanceTable } from './attendance-table.tsx';
import { EventFormModal } from './event-form-modal.tsx';
import { KIND_COLOR } from './event-kind.ts';
import { EventSummary } from './event-summary.tsx';
import { SessionMatrix } from './session-matrix.tsx';

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
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              onClick={() => void download(buildPath(attendances.attendanceListPdf.path, { id: event.id }))}
            >
              {t('events.printList')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconCalendarDown size={16} />}
              onClick={() => void download(buildPath(registrations.calendar.path, { id: event.id }))}
            >
              {t('registrations.calendar')}
            </Button>
            {isCourse && (event.counts.attended ?? 0) > 0 && (
              <Button
                variant="default"
                leftSection={<IconCertificate size={16} />}
                onClick={() => void download(buildPath(attendances.certificatesPdf.path, { id: event.id }))}
              >
                {t('events.certificates')}
              </Button>
            )}
            {canEdit && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" px="xs" aria-label={t('events.moreActions')}>
                    <IconDots size={18} />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                    {t('events.edit')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                    {t('events.delete')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </>
        }
      />

      <EventSummary event={event} canEdit={canEdit} />

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
  const { t } = useLabels();
  const { id } = route.useParams();
  const valid = Number.isSafeInteger(id) && id > 0;
  const detail = useQuery({ ...eventDetailOptions(id), enabled: valid });

  return (
    <>
      <AnchorLink
        to="/veranstaltungen"
        size="sm"
        mb="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('events.backToList')}
      </AnchorLink>
      {!valid || isApiError(detail.error, 404) || isApiError(detail.error, 400) ? (
        <EmptyState
          icon={<IconCalendarEvent size={28} />}
          title={t('common.notFoundTitle')}
          description={t('events.notFound')}
          actions={
            <ButtonLink to="/veranstaltungen" variant="light">
              {t('events.backToList')}
            </ButtonLink>
          }
        />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.isPending ? (
        <Stack gap="md" aria-hidden>
          <Skeleton height={32} width="50%" />
          <Skeleton height={180} />
          <Skeleton height={280} />
        </Stack>
      ) : (
        <Detail event={detail.data} />
      )}
    </>
  );
}
