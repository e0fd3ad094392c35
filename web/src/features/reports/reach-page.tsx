import type { ReachMetrics, ReachReport, ReachSnapshotSummary } from '@anett/shared/schemas/report';
import { REACH_SOURCES, type ReachQuery, type ReachSource, reachQuery } from '@anett/shared/schemas/report';
import { ORGANIZATION_KIND } from '@anett/shared/vocab/enums';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypePdf, IconSnowflake } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, Fragment, type ReactNode, useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { DayInput } from '../../components/forms/day-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { nodeOptionsQuery, nodeSelectData } from '../../lib/reference-data.ts';
import { useSessionUser } from '../auth/session.ts';
import {
  downloadReport,
  type ReportSource,
  reachReportOptions,
  reachSnapshotsOptions,
  useCreateSnapshot,
} from './api.ts';

const route = getRouteApi('/app/berichte/reichweite');

const METRICS = [
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

const QUARTERS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

/** '2024-Q1' → 'Q1 2024'. */
const quarterLabel = (key: string) => `${key.slice(5)} ${key.slice(0, 4)}`;

function Section({
  title,
  hint,
  actions,
  children,
}: {
  title: string;
  hint?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function MetricCells({ m, strong }: { m: ReachMetrics; strong?: boolean }) {
  return METRICS.map((k) => (
    <Table.Td key={k} ta="right" fw={strong ? 700 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatNumber(m[k], k === 'courseHours' ? { maximumFractionDigits: 1 } : undefined)}
    </Table.Td>
  ));
}

function NodeTable({ report }: { report: ReachReport }) {
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
function Breakdown({
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

function FreezeModal({ query, opened, onClose }: { query: ReachQuery; opened: boolean; onClose: () => void }) {
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

function FileButtons({ source }: { source: ReportSource }) {
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
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconDownload size={16} />}
        loading={busy === 'xlsx'}
        onClick={() => void download('xlsx')}
      >
        {t('reports.download')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} />}
        loading={busy === 'pdf'}
        onClick={() => void download('pdf')}
      >
        {t('reports.pdf')}
      </Button>
    </>
  );
}

function Snapshots() {
  const { t } = useLabels();
  const query = useQuery(reachSnapshotsOptions({ sort: '-createdAt', pageSize: 50 }));
  return (
    <Section
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
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.snapshotLabel')}</Table.Th>
                <Table.Th>{t('reports.snapshotPeriod')}</Table.Th>
                <Table.Th ta="right">{t('reports.metrics.organizations')}</Table.Th>
                <Table.Th ta="right">{t('reports.metrics.persons')}</Table.Th>
                <Table.Th>{t('reports.createdAt')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
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
    </Section>
  );
}

export function ReachPage() {
  const { t, label } = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSessionUser();
  const canFreeze = user?.role === 'admin' || user?.role === 'manager';
  const [freezing, setFreezing] = useState(false);
  const nodes = useQuery(nodeOptionsQuery());

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
            <Select
              w={220}
              label={t('reports.node')}
              placeholder={t('reports.allNodes')}
              data={nodeSelectData(nodes.data?.items)}
              value={query.nodeId ? String(query.nodeId) : null}
              onChange={(v) => set({ nodeId: v ? Number(v) : undefined })}
              clearable
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
            <Section
              title={t('reports.byNode')}
              hint={t('reports.byNodeHint')}
              actions={
                <Text size="xs" c="dimmed">
                  {t('reports.generatedAt', { date: formatDateTime(report.data.generatedAt) })}
                </Text>
              }
            >
              <NodeTable report={report.data} />
            </Section>
            <Section title={t('reports.breakdowns')} hint={t('reports.breakdownsHint')}>
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
                <Breakdown title={t('reports.district')} rows={report.data.breakdowns.district} />
                <Breakdown title={t('reports.wzSection')} rows={report.data.breakdowns.wzSection} />
                <Breakdown
                  title={t('reports.organizationKind')}
                  rows={report.data.breakdowns.organizationKind}
                  labelOf={(key) => label(ORGANIZATION_KIND, key)}
                />
              </SimpleGrid>
            </Section>
          </>
        )}
        <Snapshots />
      </Stack>
      {canFreeze && <FreezeModal query={query} opened={freezing} onClose={() => setFreezing(false)} />}
    </>
  );
}
