import type { MailStatus, OutboxMail } from '@anett/shared/schemas/mail';
import { Alert, Badge, Button, Code, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TableSkeleton } from '../../components/data-table-parts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { actionColumn } from '../../components/records/action-column.tsx';
import { PagedTable } from '../../components/records/paged-table.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { outboxMailOptions, outboxOptions, useRetryMail } from './api.ts';

const PAGE_SIZE = 50;
const STATUS_COLOR: Record<MailStatus, string> = { pending: 'gray', sending: 'blue', sent: 'green', failed: 'red' };

function StatusBadge({ status }: { status: MailStatus }) {
  const { t } = useLabels();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`mail.statuses.${status}`)}
    </Badge>
  );
}

function MailDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useLabels();
  const mail = useQuery(outboxMailOptions(id));
  const retry = useRetryMail();
  return (
    <Modal opened onClose={onClose} size="xl" title={mail.data?.subject ?? t('mail.show')}>
      {mail.isError ? (
        <ErrorState error={mail.error} onRetry={() => void mail.refetch()} />
      ) : mail.isPending ? (
        <TableSkeleton rows={4} />
      ) : (
        <Stack gap="sm">
          <Group gap="sm">
            <StatusBadge status={mail.data.status} />
            <Text size="sm">
              {t('mail.to')}: {mail.data.to}
            </Text>
            {/* A retry time means something only after a failed attempt. */}
            {(mail.data.sentAt || (mail.data.status === 'pending' && mail.data.attempts > 0)) && (
              <Text size="sm" c="dimmed">
                {mail.data.sentAt
                  ? t('mail.sentAt', { date: formatDateTime(mail.data.sentAt) })
                  : t('mail.nextAttempt', { date: formatDateTime(mail.data.nextAttemptAt) })}
              </Text>
            )}
          </Group>
          {mail.data.lastError && (
            <Alert color="red" title={t('mail.lastError')}>
              {mail.data.lastError}
            </Alert>
          )}
          {Object.keys(mail.data.headers).length > 0 && (
            <div>
              <Title order={3} fz="sm" mb={4}>
                {t('mail.headers')}
              </Title>
              <Code block tabIndex={0}>
                {Object.entries(mail.data.headers)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('\n')}
              </Code>
            </div>
          )}
          <div>
            <Title order={3} fz="sm" mb={4}>
              {t('mail.text')}
            </Title>
            <Code block tabIndex={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {mail.data.text}
            </Code>
          </div>
          {mail.data.attachments.length > 0 && (
            <Text size="sm">
              {t('mail.attachments')}: {mail.data.attachments.map((a) => `${a.filename} (${a.contentType})`).join(', ')}
            </Text>
          )}
          {mail.data.status === 'failed' && (
            <Group justify="flex-end">
              <Button
                loading={retry.isPending}
                onClick={() =>
                  retry.mutate(id, {
                    onSuccess: () => notifications.show({ color: 'green', message: t('mail.retried') }),
                    onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }),
                  })
                }
              >
                {t('mail.retry')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** Verwaltung → Ausgang: what the app sent or will send, for admins. */
export function OutboxPage() {
  const { t } = useLabels();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<MailStatus | 'all'>('all');
  const [shown, setShown] = useState<OutboxMail | null>(null);
  const list = useQuery(outboxOptions({ page, pageSize: PAGE_SIZE, ...(status === 'all' ? {} : { status }) }));

  return (
    <>
      <PageHeader title={t('mail.title')} description={t('mail.description')} />
      {list.data && (
        <Alert
          mb="md"
          color={list.data.smtpConfigured ? 'blue' : 'yellow'}
          icon={<IconInfoCircle size={18} />}
          role="status"
        >
          {list.data.smtpConfigured ? t('mail.smtp', { from: list.data.from }) : t('mail.noSmtp')}
        </Alert>
      )}
      <SegmentedControl
        mb="md"
        aria-label={t('mail.statusFilter')}
        value={status}
        onChange={(v) => {
          setStatus(v as MailStatus | 'all');
          setPage(1);
        }}
        data={[
          { value: 'all', label: t('mail.all') },
          ...(['pending', 'sent', 'failed'] as const).map((s) => ({ value: s, label: t(`mail.statuses.${s}`) })),
        ]}
      />
      <PagedTable
        query={list}
        empty={<EmptyState icon={<IconMail size={28} />} title={t('mail.empty')} />}
        minWidth={760}
        rowKey={(m) => m.id}
        columns={[
          { title: t('mail.created'), style: { whiteSpace: 'nowrap' }, cell: (m) => formatDateTime(m.createdAt) },
          { title: t('mail.to'), cell: (m) => m.to },
          { title: t('mail.subject'), cell: (m) => m.subject },
          { title: t('mail.status'), style: { minWidth: 140 }, cell: (m) => <StatusBadge status={m.status} /> },
          { title: t('mail.attempts'), ta: 'right', cell: (m) => m.attempts },
          {
            title: t('mail.lastError'),
            cell: (m) => (
              <Text size="sm" c="red" lineClamp={2}>
                {m.lastError}
              </Text>
            ),
          },
          actionColumn<OutboxMail>(t('mail.show'), (m) => m.subject, setShown, { size: 'xs', variant: 'light' }),
        ]}
        page={page}
        onPageChange={setPage}
        pageSize={PAGE_SIZE}
      />
      {shown && <MailDetail id={shown.id} onClose={() => setShown(null)} />}
    </>
  );
}
