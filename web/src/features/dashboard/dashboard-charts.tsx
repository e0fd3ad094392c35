import '@mantine/charts/styles.css';
import type { Dashboard } from '@anett/shared/schemas/dashboard';
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { SectionPanel } from '../../components/section-panel.tsx';
import { formatNumber } from '../../lib/format.ts';
import { type Language, useLabels } from '../../lib/i18n.ts';
import { FIGURES } from './dashboard-panels.tsx';

/** '2026-03' → 'Mär. 26' (de) / 'Mar 26' (en). */
export const monthLabel = (month: string, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { month: 'short', year: '2-digit' }).format(
    new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1),
  );

export function Charts({ data }: { data: Dashboard }) {
  const { t, lang } = useLabels();
  const months = data.attendancesPerMonth.map((m) => ({
    month: monthLabel(m.month, lang),
    attendances: m.attendances,
  }));
  const nodes = data.reachPerNode.map((n) => ({
    // The axis has little room: 'QTI-Knoten Gotha' → 'Gotha'.
    node: n.nodeName?.replace(/^QTI-Knoten\s+/, '') ?? t('dashboard.withoutNode'),
    organizations: n.organizations,
    smes: n.smes,
    persons: n.persons,
  }));
  const valueFormatter = (v: number) => formatNumber(v);
  // The bars as text, for screen readers (the drawing itself is an image).
  const monthsText = months.map((m) => `${m.month}: ${formatNumber(m.attendances)}`).join(', ');
  const nodesText = nodes
    .map(
      (n) =>
        `${n.node}: ${formatNumber(n.organizations)} ${t('dashboard.organizations')}, ${formatNumber(n.smes)} ${t('dashboard.smes')}, ${formatNumber(n.persons)} ${t('dashboard.persons')}`,
    )
    .join('; ');
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <SectionPanel title={t('dashboard.attendancesPerMonth')} hint={t('dashboard.attendancesPerMonthHint')}>
        <BarChart
          h={260}
          data={months}
          dataKey="month"
          valueFormatter={valueFormatter}
          series={[{ name: 'attendances', label: t('dashboard.attendances'), color: 'blue.6' }]}
          data-testid="chart-attendances"
          role="img"
          aria-label={`${t('dashboard.attendancesPerMonth')} – ${monthsText}`}
        />
      </SectionPanel>
      <SectionPanel
        title={t('dashboard.reachPerNode', { year: data.keyFigures.current.year })}
        hint={t('dashboard.reachPerNodeHint')}
        more={{ to: '/berichte/reichweite', label: t('dashboard.toReport') }}
      >
        {nodes.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.noData')}
          </Text>
        ) : (
          <BarChart
            h={260}
            data={nodes}
            dataKey="node"
            withLegend
            xAxisProps={{ interval: 0 }}
            valueFormatter={valueFormatter}
            series={[
              { name: 'organizations', label: t('dashboard.organizations'), color: 'blue.6' },
              { name: 'smes', label: t('dashboard.smes'), color: 'teal.6' },
              { name: 'persons', label: t('dashboard.persons'), color: 'orange.6' },
            ]}
            data-testid="chart-nodes"
            role="img"
            aria-label={`${t('dashboard.reachPerNode', { year: data.keyFigures.current.year })} – ${nodesText}`}
          />
        )}
      </SectionPanel>
    </SimpleGrid>
  );
}

export function DashboardSkeleton() {
  return (
    <Stack gap="md" aria-busy="true">
      <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="md">
        {FIGURES.map((f) => (
          <Skeleton key={f} h={98} radius="md" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Skeleton h={320} radius="md" />
        <Skeleton h={320} radius="md" />
      </SimpleGrid>
    </Stack>
  );
}
