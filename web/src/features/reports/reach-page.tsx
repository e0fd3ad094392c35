import { REACH_SOURCES, type ReachQuery, type ReachSource, reachQuery } from '@anett/shared/schemas/report';
import { ORGANIZATION_KIND } from '@anett/shared/vocab/enums';
import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconSnowflake } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { NodeSelect } from '../../components/filters/node-select.tsx';
import { DayInput } from '../../components/forms/day-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SectionPanel } from '../../components/section-panel.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { reachReportOptions } from './api.ts';
import { FileButtons, FreezeModal, Snapshots } from './reach-snapshots.tsx';
import { Breakdown, NodeTable } from './reach-tables.tsx';

const route = getRouteApi('/app/berichte/reichweite');

const QUARTERS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

export function ReachPage() {
  const { t, label } = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canFreeze = useCan().write;
  const [freezing, setFreezing] = useState(false);

  const reachedBy = (search.reachedBy ?? ['attended']).filter((s): s is ReachSource =>
    (REACH_SOURCES as readonly string[]).includes(s),
  );
  const query: ReachQuery = {
    from: search.from ?? `${thisYear}-01-01`,
    to: search.to ?? `${thisYear}-12-31`,
    nodeId: search.nodeId,
    reachedBy: reachedBy.length ? reachedBy : ['attended'],
  };
  const valid = reachQuery.safeParse(query).success;
  const report = useQuery({ ...reachReportOptions(query), enabled: valid });

  const set = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const year = query.from.slice(0, 4);
  const quarter = QUARTERS.findIndex(([a, b]) => query.from === `${year}-${a}` && query.to === `${year}-${b}`);
  const wholeYear = query.from === `${year}-01-01` && query.to === `${year}-12-31`;
  const setYearPart = (y: string, part: number | 'year') => {
    const [a, b] = part === 'year' ? ['01-01', '12-31'] : QUARTERS[part]!;
    set({ from: `${y}-${a}`, to: `${y}-${b}` });
  };

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          valid && (
            <>
              <FileButtons source={{ query }} />
              {canFreeze && (
                <Button leftSection={<IconSnowflake size={16} />} onClick={() => setFreezing(true)}>
                  {t('reports.freeze')}
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Group align="flex-start" gap="lg" wrap="wrap">
            <Stack gap={6} w={240}>
              <Select
                label={t('reports.year')}
                data={YEARS.includes(year) ? YEARS : [year, ...YEARS]}
                value={year}
                allowDeselect={false}
                onChange={(y) => y && setYearPart(y, quarter >= 0 ? quarter : 'year')}
              />
              <Button.Group aria-label={t('reports.quickChoice')}>
                <Button
                  size="compact-sm"
                  variant={wholeYear ? 'filled' : 'default'}
                  onClick={() => setYearPart(year, 'year')}
                >
                  {t('reports.wholeYear')}
                </Button>
                {QUARTERS.map((_, i) => (
                  <Button
                    key={QUARTERS[i]?.[0]}
                    size="compact-sm"
                    variant={quarter === i ? 'filled' : 'default'}
                    onClick={() => setYearPart(year, i)}
                  >
                    Q{i + 1}
                  </Button>
                ))}
              </Button.Group>
            </Stack>
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <DayInput w={150} label={t('reports.from')} value={query.from} onChange={(v) => v && set({ from: v })} />
              <DayInput w={150} label={t('reports.to')} value={query.to} onChange={(v) => v && set({ to: v })} />
            </Group>
            <NodeSelect
              w={220}
              label={t('reports.node')}
              placeholder={t('reports.allNodes')}
              value={search.nodeId}
              onChange={(nodeId) => set({ nodeId })}
            />
            <Checkbox.Group
              label={t('reports.reachedBy')}
              description={t('reports.reachedByHint')}
              value={query.reachedBy as string[]}
              onChange={(v) => v.length && set({ reachedBy: v.length === 1 && v[0] === 'attended' ? undefined : v })}
            >
              <Stack gap={4} mt={6}>
                {REACH_SOURCES.map((s) => (
                  <Checkbox key={s} value={s} label={t(`reports.sources.${s}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Group>
        </Paper>

        {!valid ? (
          <EmptyState icon={<IconSnowflake size={28} />} title={t('reports.invalidPeriod')} />
        ) : report.isPending ? (
          <Skeleton h={320} radius="md" />
        ) : report.isError ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <>
            <SectionPanel
              title={t('reports.byNode')}
              hint={t('reports.byNodeHint')}
              actions={
                <Text size="xs" c="dimmed">
                  {t('reports.generatedAt', { date: formatDateTime(report.data.generatedAt) })}
                </Text>
              }
            >
              <NodeTable report={report.data} />
            </SectionPanel>
            <SectionPanel title={t('reports.breakdowns')} hint={t('reports.breakdownsHint')}>
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
                <Breakdown title={t('reports.district')} rows={report.data.breakdowns.district} />
                <Breakdown title={t('reports.wzSection')} rows={report.data.breakdowns.wzSection} />
                <Breakdown
                  title={t('reports.organizationKind')}
                  rows={report.data.breakdowns.organizationKind}
                  labelOf={(key) => label(ORGANIZATION_KIND, key)}
                />
              </SimpleGrid>
            </SectionPanel>
          </>
        )}
        <Snapshots />
      </Stack>
      {canFreeze && <FreezeModal query={query} opened={freezing} onClose={() => setFreezing(false)} />}
    </>
  );
}
