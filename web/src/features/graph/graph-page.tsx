import type { GraphVertex } from '@anett/shared/schemas/graph';
import { EGO_MAX_NEIGHBOURS, egoGraphQuery, networkGraphQuery } from '@anett/shared/schemas/graph';
import { WZ_CODES } from '@anett/shared/vocab/wz2008';
import { Alert, Box, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPhoto } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { Core } from 'cytoscape';
import { useMemo, useRef } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { NodeSelect } from '../../components/filters/node-select.tsx';
import { foldedFilter } from '../../components/filters/vocab-select.tsx';
import { DayInput } from '../../components/forms/day-input.tsx';
import { SegmentedField } from '../../components/forms/segmented-field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-link.tsx';
import { saveBlob } from '../../lib/download.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import { egoGraphOptions, networkGraphOptions } from './api.ts';
import { CytoscapeGraph, Legend } from './graph-canvas.tsx';
import { GraphTable } from './graph-table.tsx';

const route = getRouteApi('/app/netzwerk/graph');

declare global {
  interface Window {
    /** The graph instance, for browser tests. */
    __cy?: Core;
  }
}

const SECTOR_DATA = WZ_CODES.filter((c) => c.level === 'section' || c.level === 'division').map((c) => ({
  value: c.code,
  label: `${c.code} ${c.label}`,
}));

export function GraphPage() {
  const { t } = useLabels();
  const search = route.useSearch();
  const navigate = useNavigate();
  const setSearch = route.useNavigate();
  const cyRef = useRef<Core | null>(null);
  const asTable = search.view === 'table';

  const ego = search.type && search.id ? { type: search.type, id: search.id, from: search.from, to: search.to } : null;
  const network = { nodeId: search.nodeId, sector: search.sector, from: search.from, to: search.to };
  const valid = ego ? egoGraphQuery.safeParse(ego).success : networkGraphQuery.safeParse(network).success;
  const networkQuery = useQuery({ ...networkGraphOptions(network), enabled: valid && !ego });
  const egoQuery = useQuery({ ...egoGraphOptions(ego ?? { type: 'person', id: 1 }), enabled: valid && !!ego });
  const query = ego ? egoQuery : networkQuery;
  const graph = query.data;
  const center = egoQuery.data && ego ? egoQuery.data.center : undefined;
  const centerName = useMemo(() => graph?.nodes.find((n) => n.id === center)?.label, [graph, center]);

  const set = (patch: Partial<typeof search>) =>
    void setSearch({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const open = (v: Pick<GraphVertex, 'kind' | 'entityId'>) => {
    if (v.kind === 'organization') void navigate({ to: '/organisationen/$id', params: { id: v.entityId } });
    else if (v.kind === 'person') void navigate({ to: '/personen/$id', params: { id: v.entityId } });
    else void navigate({ to: '/netzwerk' });
  };
  const showEgo = (v: Pick<GraphVertex, 'kind' | 'entityId'>) => {
    if (v.kind === 'organization' || v.kind === 'person')
      void setSearch({ search: (prev) => ({ ...prev, type: v.kind as 'person', id: v.entityId }) });
  };
  const exportPng = async () => {
    const cy = cyRef.current;
    if (!cy) return;
    const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
    const day = localDay(new Date());
    saveBlob(blob, ego ? `netzwerkgraph-${ego.type}-${ego.id}-${day}.png` : `netzwerkgraph-${day}.png`);
  };

  return (
    <>
      <PageHeader
        title={ego ? t('graph.egoTitle', { name: centerName ?? '…' }) : t('graph.title')}
        description={ego ? t('graph.egoDescription') : t('graph.description')}
        meta={
          graph && (
            <Text size="sm" c="dimmed">
              {t('graph.vertices', { count: graph.nodes.length })} · {t('graph.edges', { count: graph.edges.length })}
            </Text>
          )
        }
        actions={
          <>
            {ego && (
              <ButtonLink
                to="/netzwerk/graph"
                search={{
                  nodeId: search.nodeId,
                  sector: search.sector,
                  from: search.from,
                  to: search.to,
                  view: search.view,
                }}
                variant="default"
                leftSection={<IconArrowLeft size={16} />}
              >
                {t('graph.backToNetwork')}
              </ButtonLink>
            )}
            <Button
              leftSection={<IconPhoto size={16} />}
              variant="light"
              onClick={exportPng}
              disabled={!graph?.nodes.length || asTable}
            >
              {t('graph.exportPng')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            {!ego && (
              <NodeSelect
                label={t('graph.node')}
                placeholder={t('graph.allNodes')}
                value={search.nodeId}
                onChange={(nodeId) => set({ nodeId })}
              />
            )}
            {!ego && (
              <Select
                label={t('graph.sector')}
                placeholder={t('graph.allSectors')}
                data={SECTOR_DATA}
                filter={foldedFilter}
                searchable
                value={search.sector ?? null}
                onChange={(v) => set({ sector: v ?? undefined })}
                clearable
              />
            )}
            <DayInput
              label={t('graph.from')}
              value={search.from}
              onChange={(v) => set({ from: v ?? undefined })}
              clearable
            />
            <DayInput label={t('graph.to')} value={search.to} onChange={(v) => set({ to: v ?? undefined })} clearable />
          </SimpleGrid>
          <Box mt="md">
            <SegmentedField
              inline
              label={t('graph.view')}
              size="xs"
              value={asTable ? 'table' : 'graph'}
              onChange={(v) => set({ view: v === 'table' ? 'table' : undefined })}
              data={[
                { value: 'graph', label: t('graph.asGraph') },
                { value: 'table', label: t('graph.asTable') },
              ]}
            />
          </Box>
        </Paper>
        {query.isPending && valid ? (
          <Skeleton h={440} radius="md" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !graph || graph.nodes.length === 0 ? (
          <EmptyState icon={<IconPhoto size={28} />} title={t('graph.empty')} />
        ) : (
          <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
            {graph.truncated && (
              <Alert color="yellow" radius={0}>
                {ego ? t('graph.egoTruncated', { count: EGO_MAX_NEIGHBOURS }) : t('graph.truncated')}
              </Alert>
            )}
            {asTable ? (
              <GraphTable graph={graph} onEgo={showEgo} />
            ) : (
              <>
                <CytoscapeGraph graph={graph} center={center} onOpen={open} onEgo={showEgo} cyRef={cyRef} />
                <Group justify="space-between" p="sm" gap="xs">
                  <Legend graph={graph} />
                  <Text size="xs" c="dimmed">
                    {t('graph.hint')}
                  </Text>
                </Group>
              </>
            )}
          </Paper>
        )}
      </Stack>
    </>
  );
}
