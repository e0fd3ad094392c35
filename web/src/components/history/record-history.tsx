import type { HistoryEntry } from '@anett/shared/schemas/history';
import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { EmptyState } from '../empty-state.tsx';
import { ErrorState } from '../error-state.tsx';
import { TableHead } from '../table-head.tsx';

export type HistoryList = { items: HistoryEntry[] };

type Props<K extends readonly unknown[]> = {
  query: UseQueryOptions<HistoryList, Error, HistoryList, K>;
  /** Entries of records merged into this one carry their own id and are marked. */
  recordId: number;
  /** Field name in words ('lastName' → 'Nachname', 'affiliation.function' → 'Zugehörigkeit: Funktion'). */
  fieldLabel: (field: string) => string;
  /** A value in words where the generic formatting is not enough (tag ids → names); undefined falls back. */
  formatValue?: (field: string, value: unknown) => string | undefined;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

function plainValue(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty_value');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (typeof value === 'string')
    return DAY.test(value) ? formatDate(value) : INSTANT.test(value) ? formatDateTime(value) : value;
  if (Array.isArray(value))
    return value.length ? value.map((v) => plainValue(t, v)).join(', ') : t('history.empty_value');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type Ref = { id?: unknown; name?: unknown; firstName?: unknown; lastName?: unknown };
const refName = (r: Ref) =>
  typeof r.name === 'string' ? r.name : [r.firstName, r.lastName].filter((x) => typeof x === 'string').join(' ');
const asObject = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** What a merge entry carries besides field changes: where from or where to, and how much moved along. */
function mergeDetails(t: TFunction, details: unknown): string[] {
  const d = asObject(details);
  if (!d) return [];
  const merge = asObject(d.merge);
  const from = asObject(merge?.source) ?? asObject(d.mergedFrom);
  const into = asObject(d.mergedInto);
  const moved = asObject(merge?.moved) ?? asObject(d.moved);
  const lines: string[] = [];
  if (from) lines.push(t('history.mergedFrom', { name: refName(from), id: String(from.id ?? '') }));
  if (into) lines.push(t('history.mergedInto', { name: refName(into), id: String(into.id ?? '') }));
  const counts = Object.entries(moved ?? {}).filter(([, n]) => typeof n === 'number' && n > 0);
  if (counts.length) {
    const list = counts
      .map(([key, n]) => `${t(`history.movedKeys.${key}` as 'history.movedKeys.tags', { defaultValue: key })}: ${n}`)
      .join(', ');
    lines.push(t('history.moved', { list }));
  }
  return lines;
}

// Unknown actions (added by later modules) show their code.
const actionLabel = (t: TFunction, action: string) =>
  t(`history.actions.${action}` as 'history.actions.create', { defaultValue: action });

/** Who changed what when, newest first: field by field before → after. */
export function RecordHistory<K extends readonly unknown[]>({ query, recordId, fieldLabel, formatValue }: Props<K>) {
  const { t } = useTranslation();
  const history = useQuery(query);
  const show = (field: string, value: unknown) => formatValue?.(field, value) ?? plainValue(t, value);

  if (history.isError) {
    return (
      <ErrorState error={history.error} message={t('history.loadFailed')} onRetry={() => void history.refetch()} />
    );
  }
  if (history.isPending) {
    return (
      <Stack gap="sm" aria-hidden>
        <Skeleton height={14} width="40%" />
        <Skeleton height={60} />
        <Skeleton height={14} width="30%" />
        <Skeleton height={60} />
      </Stack>
    );
  }
  if (history.data.items.length === 0) {
    return <EmptyState icon={<IconHistory size={28} />} title={t('history.empty')} />;
  }
  return (
    <Paper withBorder radius="md" p="lg">
      <Timeline bulletSize={24} lineWidth={2}>
        {history.data.items.map((entry) => (
          <Timeline.Item key={entry.id} bullet={<IconPencil size={12} />}>
            <Group gap={8} wrap="wrap" mb={4}>
              <Text size="sm" fw={600}>
                {actionLabel(t, entry.action)}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(entry.at)} · {entry.user?.name ?? t('history.system')}
              </Text>
              {entry.entityId !== null && entry.entityId !== recordId && (
                <Badge size="xs" variant="outline" color="gray" tt="none">
                  {t('history.fromMerged', { id: entry.entityId })}
                </Badge>
              )}
            </Group>
            {mergeDetails(t, entry.details).map((line) => (
              <Text key={line} size="sm" c="dimmed">
                {line}
              </Text>
            ))}
            {entry.changes.length > 0 && (
              <Table.ScrollContainer minWidth={480}>
                <Table fz="sm" verticalSpacing={4} withRowBorders={false} striped>
                  <TableHead
                    columns={[{ title: t('history.field'), w: '28%' }, t('history.before'), t('history.after')]}
                  />
                  <Table.Tbody>
                    {entry.changes.map((change) => (
                      <Table.Tr key={change.field}>
                        <Table.Td fw={500}>{fieldLabel(change.field)}</Table.Td>
                        <Table.Td c="dimmed" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                          {show(change.field, change.before)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                          {show(change.field, change.after)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
