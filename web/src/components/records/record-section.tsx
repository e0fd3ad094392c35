import { Card, DataList, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

/** A card of a record page with its heading and optional actions on the right. */
export function RecordSection({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="md">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

/** Label/value pairs; empty values are left out so the card shows only what is known. */
export function RecordFacts({ items, labelWidth = 110 }: { items: [string, ReactNode][]; labelWidth?: number }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false);
  if (shown.length === 0) return <Text c="dimmed">–</Text>;
  return (
    <DataList labelWidth={labelWidth} gap="xs">
      {shown.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** The foot of a record's overview: when it was created and last changed (`<ns>.createdAt`, `<ns>.updatedAt`). */
export function RecordStamps({
  ns,
  record,
}: {
  ns: 'persons' | 'organizations';
  record: { createdAt: string; updatedAt: string };
}) {
  const { t } = useLabels();
  return (
    <Text size="xs" c="dimmed">
      {t(`${ns}.createdAt`)}: {formatDateTime(record.createdAt)} · {t(`${ns}.updatedAt`)}:{' '}
      {formatDateTime(record.updatedAt)}
    </Text>
  );
}

/** '01.01.2023 – 31.12.2024', 'seit 01.01.2023', 'bis …' or nothing. */
export function usePeriod() {
  const { t } = useLabels();
  return (from: string | null, to: string | null) =>
    from && to
      ? t('common.fromTo', { from: formatDate(from), to: formatDate(to) })
      : from
        ? t('common.sinceDate', { date: formatDate(from) })
        : to
          ? t('common.untilDate', { date: formatDate(to) })
          : '';
}
