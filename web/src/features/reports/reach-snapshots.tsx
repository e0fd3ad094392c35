import type { ReachQuery, ReachSnapshotSummary, ReachSource } from '@anett/shared/schemas/report';
import { Badge, Button, Group, Modal, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypePdf, IconSnowflake } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../components/error-state.tsx';
import { SectionPanel } from '../../components/section-panel.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { downloadReport, type ReportSource, reachSnapshotsOptions, useCreateSnapshot } from './api.ts';

export function FreezeModal({ query, opened, onClose }: { query: ReachQuery; opened: boolean; onClose: () => void }) {
  const { t } = useLabels();
  const create = useCreateSnapshot();
  const [label, setLabel] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        label,
        from: query.from,
        to: query.to,
        nodeId: typeof query.nodeId === 'number' ? query.nodeId : null,
        reachedBy: query.reachedBy as ReachSource[],
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('reports.frozen') });
          setLabel('');
          onClose();
        },
      },
    );
  };
  const fieldErrors =
    create.error && 'fieldErrors' in create.error ? (create.error.fieldErrors as Record<string, string>) : {};
  return (
    <Modal opened={opened} onClose={onClose} title={t('reports.freezeTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">{t('reports.freezeHint', { from: formatDate(query.from), to: formatDate(query.to) })}</Text>
          <TextInput
            label={t('reports.snapshotLabel')}
            placeholder={t('reports.snapshotLabelPlaceholder')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            required
            maxLength={200}
            data-autofocus
            error={fieldErrors.label}
          />
          {create.isError && !fieldErrors.label && (
            <Text size="sm" c="red">
              {create.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} leftSection={<IconSnowflake size={16} />}>
              {t('reports.freezeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// The report's two files: the spreadsheet first (the one people edit), then the PDF to send on.
const FILE_BUTTONS = [
  { format: 'xlsx', variant: 'light', Icon: IconDownload, label: 'reports.download' },
  { format: 'pdf', variant: 'default', Icon: IconFileTypePdf, label: 'reports.pdf' },
] as const;

export function FileButtons({ source }: { source: ReportSource }) {
  const { t } = useLabels();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadReport(format, source);
    } catch {
      notifications.show({ color: 'red', message: t('reports.downloadFailed') });
    } finally {
      setBusy(null);
    }
  };
  return FILE_BUTTONS.map(({ format, variant, Icon, label }) => (
    <Button
      key={format}
      variant={variant}
      leftSection={<Icon size={16} />}
      loading={busy === format}
      onClick={() => void download(format)}
    >
      {t(label)}
    </Button>
  ));
}

export function Snapshots() {
  const { t } = useLabels();
  const query = useQuery(reachSnapshotsOptions({ sort: '-createdAt', pageSize: 50 }));
  return (
    <SectionPanel
      title={t('reports.snapshots')}
      hint={t('reports.snapshotsHint')}
      actions={query.data && <Badge variant="light">{t('reports.snapshotsCount', { count: query.data.total })}</Badge>}
    >
      {query.isPending ? (
        <Skeleton h={80} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.noSnapshots')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing={6} fz="sm">
            <TableHead
              columns={[
                t('reports.snapshotLabel'),
                t('reports.snapshotPeriod'),
                { title: t('reports.metrics.organizations'), ta: 'right' },
                { title: t('reports.metrics.persons'), ta: 'right' },
                t('reports.createdAt'),
                t('common.actions'),
              ]}
            />
            <Table.Tbody>
              {query.data.items.map((s: ReachSnapshotSummary) => (
                <Table.Tr key={s.id}>
                  <Table.Td fw={600}>{s.label}</Table.Td>
                  <Table.Td>
                    {formatDate(s.from)} – {formatDate(s.to)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(s.total.organizations)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(s.total.persons)}</Table.Td>
                  <Table.Td>
                    {formatDateTime(s.createdAt)}
                    {s.createdBy && ` · ${s.createdBy.name}`}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <FileButtons source={{ snapshotId: s.id }} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionPanel>
  );
}
