import type { ReachMetrics, ReachReport } from '@anett/shared/schemas/report';
import { Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

export const METRICS = [
  'organizations',
  'smes',
  'persons',
  'events',
  'attendances',
  'courseParticipants',
  'courseHours',
  'interactions',
  'staff',
] as const satisfies readonly (keyof ReachMetrics)[];

/** '2024-Q1' → 'Q1 2024'. */
export const quarterLabel = (key: string) => `${key.slice(5)} ${key.slice(0, 4)}`;

export function MetricCells({ m, strong }: { m: ReachMetrics; strong?: boolean }) {
  return METRICS.map((k) => (
    <Table.Td key={k} ta="right" fw={strong ? 700 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatNumber(m[k], k === 'courseHours' ? { maximumFractionDigits: 1 } : undefined)}
    </Table.Td>
  ));
}

export function NodeTable({ report }: { report: ReachReport }) {
  const { t } = useLabels();
  const groups = [
    ...report.nodes.map((n) => ({
      key: String(n.nodeId),
      name: n.nodeName ?? t('reports.withoutNode'),
      quarters: n.quarters,
      total: n.total,
    })),
    ...(report.nodes.length > 1 || report.nodeId == null
      ? [{ key: 'all', name: t('reports.allNodesTotal'), quarters: report.quarterTotals, total: report.total }]
      : []),
  ];
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        horizontalSpacing={8}
        fz="sm"
        data-testid="reach-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.node')}</Table.Th>
            <Table.Th>{t('reports.quarter')}</Table.Th>
            {METRICS.map((k) => (
              <Table.Th key={k} ta="right" fz="xs">
                {t(`reports.metrics.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Fragment key={g.key}>
              {g.quarters.map((q, i) => (
                <Table.Tr key={q.quarter}>
                  {i === 0 && (
                    <Table.Th rowSpan={g.quarters.length + 1} scope="rowgroup" style={{ verticalAlign: 'top' }}>
                      {g.name}
                    </Table.Th>
                  )}
                  <Table.Td>{quarterLabel(q.quarter)}</Table.Td>
                  <MetricCells m={q} />
                </Table.Tr>
              ))}
              <Table.Tr bg="var(--mantine-color-gray-0)">
                {g.quarters.length === 0 && <Table.Th scope="row">{g.name}</Table.Th>}
                <Table.Td fw={700}>{t('reports.total')}</Table.Td>
                <MetricCells m={g.total} strong />
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `labelOf` names a group in the UI language (the API's labels are German). */
export function Breakdown({
  title,
  rows,
  labelOf,
}: {
  title: string;
  rows: ReachReport['breakdowns']['district'];
  labelOf?: (key: string) => string;
}) {
  const { t } = useLabels();
  return (
    <div>
      <Title order={3} fz="md" mb={6}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.noRows')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={3} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.group')}</Table.Th>
              <Table.Th ta="right">{t('reports.metrics.organizations')}</Table.Th>
              <Table.Th ta="right">{t('reports.metrics.smes')}</Table.Th>
              <Table.Th ta="right">{t('reports.metrics.persons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key ?? '∅'}>
                <Table.Td>{r.key === null ? t('reports.notRecorded') : (labelOf?.(r.key) ?? r.label)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.organizations)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.smes)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.persons)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
