import type { Graph, GraphVertex } from '@anett/shared/schemas/graph';
import { EGO_MAX_NEIGHBOURS, egoGraphQuery, networkGraphQuery } from '@anett/shared/schemas/graph';
import { ORGANIZATION_KIND } from '@anett/shared/vocab/enums';
import { WZ_CODES } from '@anett/shared/vocab/wz2008';
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconArrowLeft, IconPhoto } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { foldedFilter } from '../../components/filters/vocab-select.tsx';
import { DayInput } from '../../components/forms/day-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { saveBlob } from '../../lib/download.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import { nodeOptionsQuery, nodeSelectData } from '../../lib/reference-data.ts';
import { egoGraphOptions, networkGraphOptions } from './api.ts';

const route = getRouteApi('/app/netzwerk/graph');

declare global {
  interface Window {
    /** The graph instance, for browser tests. */
    __cy?: Core;
  }
}

/** Vertex colour per group: networks, nodes and persons, then organisation kinds. */
const COLORS: Record<string, string> = {
  own: '#1c7ed6',
  partner: '#74c0fc',
  node: '#f76707',
  person: '#ae3ec9',
  company: '#2f9e44',
  chamber: '#e8590c',
  university: '#7048e8',
  research: '#9c36b5',
  politics: '#c2255c',
  authority: '#868e96',
  education: '#0c8599',
  employment_agency: '#5c940d',
  economic_development: '#e67700',
  association: '#d6336c',
  network: '#4263eb',
  utility: '#66a80f',
  other: '#adb5bd',
};
const colorOf = (group: string) => COLORS[group] ?? COLORS.other!;

const SECTOR_DATA = WZ_CODES.filter((c) => c.level === 'section' || c.level === 'division').map((c) => ({
  value: c.code,
  label: `${c.code} ${c.label}`,
}));

function toElements(graph: Graph, center?: string): ElementDefinition[] {
  const max = Math.max(1, ...graph.nodes.map((n) => n.weight));
  return [
    ...graph.nodes.map((n) => ({
      data: {
        id: n.id,
        label: n.label,
        kind: n.kind,
        entityId: n.entityId,
        color: colorOf(n.group),
        size: n.id === center ? 48 : 18 + 30 * Math.sqrt(n.weight / max),
      },
    })),
    ...graph.edges.map((e, i) => ({
      data: {
        id: `e${i}`,
        source: e.source,
        target: e.target,
        kind: e.kind,
        width: Math.min(1 + Math.log2(1 + e.weight), 8),
      },
    })),
  ];
}

function CytoscapeGraph({
  graph,
  center,
  onOpen,
  onEgo,
  cyRef,
}: {
  graph: Graph;
  center?: string;
  onOpen: (v: Pick<GraphVertex, 'kind' | 'entityId'>) => void;
  onEgo: (v: Pick<GraphVertex, 'kind' | 'entityId'>) => void;
  cyRef: React.RefObject<Core | null>;
}) {
  const { t } = useLabels();
  const container = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onOpen, onEgo });
  handlers.current = { onOpen, onEgo };

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements: toElements(graph, center),
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            'font-size': 10,
            'font-family': 'system-ui, sans-serif',
            color: '#212529',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-wrap': 'ellipsis',
            'text-max-width': '120px',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.7,
            'border-width': 1,
            'border-color': '#ffffff',
          },
        },
        { selector: `node[kind = "network"], node[kind = "node"]`, style: { 'font-weight': 'bold', 'font-size': 12 } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#212529' } },
        {
          selector: 'edge',
          style: { width: 'data(width)', 'line-color': '#ced4da', 'curve-style': 'haystack', opacity: 0.8 },
        },
        { selector: 'edge[kind = "host"]', style: { 'line-color': '#f76707' } },
        { selector: 'edge[kind = "co_attendance"]', style: { 'line-style': 'dashed', 'line-color': '#b197fc' } },
        { selector: 'edge[kind = "interaction"]', style: { 'line-color': '#63e6be' } },
      ],
      layout: {
        name: 'cose',
        animate: false,
        randomize: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 70,
        padding: 20,
      },
    });
    const vertex = (target: cytoscape.NodeSingular) => ({
      kind: target.data('kind') as GraphVertex['kind'],
      entityId: target.data('entityId') as number,
    });
    cy.on('tap', 'node', (e) => handlers.current.onOpen(vertex(e.target)));
    cy.on('cxttap', 'node', (e) => handlers.current.onEgo(vertex(e.target)));
    cy.on('mouseover', 'node', () => {
      if (container.current) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      if (container.current) container.current.style.cursor = '';
    });
    cyRef.current = cy;
    window.__cy = cy;
    return () => {
      cy.destroy();
      cyRef.current = null;
      if (window.__cy === cy) delete window.__cy;
    };
  }, [graph, center, cyRef]);

  return (
    <div
      ref={container}
      data-testid="graph-canvas"
      role="img"
      aria-label={t('graph.canvasLabel', { vertices: graph.nodes.length, edges: graph.edges.length })}
      style={{ height: 'max(440px, calc(100vh - 330px))', width: '100%', background: 'var(--mantine-color-gray-0)' }}
    />
  );
}

/** The graph as a table: every vertex with what it is connected to (for screen readers and keyboard use). */
function GraphTable({ graph, onEgo }: { graph: Graph; onEgo: (v: Pick<GraphVertex, 'kind' | 'entityId'>) => void }) {
  const { t, label } = useLabels();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, { vertex: GraphVertex; kind: string }[]>();
  for (const e of graph.edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) continue;
    const kind = e.label ?? t(`graph.edgeKinds.${e.kind}`);
    neighbours.set(a.id, [...(neighbours.get(a.id) ?? []), { vertex: b, kind }]);
    neighbours.set(b.id, [...(neighbours.get(b.id) ?? []), { vertex: a, kind }]);
  }
  const groupLabel = (g: string) =>
    g in ORGANIZATION_KIND ? label(ORGANIZATION_KIND, g) : t(`graph.groups.${g as 'own'}`, { defaultValue: g });
  const rows = [...graph.nodes].sort((x, y) => x.label.localeCompare(y.label, 'de'));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" data-testid="graph-table">
        <Table.Caption>{t('graph.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('graph.name')}</Table.Th>
            <Table.Th>{t('graph.kind')}</Table.Th>
            <Table.Th ta="right">{t('graph.connections')}</Table.Th>
            <Table.Th>{t('graph.connectedWith')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => {
            const links = (neighbours.get(v.id) ?? []).sort((x, y) =>
              x.vertex.label.localeCompare(y.vertex.label, 'de'),
            );
            const egoable = v.kind === 'person' || v.kind === 'organization';
            return (
              <Table.Tr key={v.id}>
                <Table.Th scope="row" fw={500}>
                  <Stack gap={2} align="flex-start">
                    <VertexName vertex={v} />
                    {egoable && (
                      <Button variant="subtle" size="compact-xs" px={4} onClick={() => onEgo(v)}>
                        {t('graph.showRelations')}
                        <span className="visually-hidden"> – {v.label}</span>
                      </Button>
                    )}
                  </Stack>
                </Table.Th>
                <Table.Td>{groupLabel(v.group)}</Table.Td>
                <Table.Td ta="right">{links.length}</Table.Td>
                <Table.Td>
                  {links.map((l, i) => (
                    <span key={`${l.vertex.id}-${l.kind}`}>
                      {i > 0 && ', '}
                      {l.vertex.label} ({l.kind})
                    </span>
                  ))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function VertexName({ vertex }: { vertex: GraphVertex }) {
  if (vertex.kind === 'organization')
    return (
      <AnchorLink to="/organisationen/$id" params={{ id: vertex.entityId }}>
        {vertex.label}
      </AnchorLink>
    );
  if (vertex.kind === 'person')
    return (
      <AnchorLink to="/personen/$id" params={{ id: vertex.entityId }}>
        {vertex.label}
      </AnchorLink>
    );
  return <>{vertex.label}</>;
}

function Legend({ graph }: { graph: Graph }) {
  const { t, label } = useLabels();
  const groups = [...new Set(graph.nodes.map((n) => n.group))];
  const groupLabel = (g: string) =>
    g in ORGANIZATION_KIND ? label(ORGANIZATION_KIND, g) : t(`graph.groups.${g as 'own'}`, { defaultValue: g });
  return (
    <Group gap="xs" role="group" aria-label={t('graph.legend')}>
      {groups.map((g) => (
        <Badge
          key={g}
          variant="outline"
          color="gray"
          tt="none"
          leftSection={
            <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: colorOf(g) }} />
          }
        >
          {groupLabel(g)}
        </Badge>
      ))}
    </Group>
  );
}

export function GraphPage() {
  const { t } = useLabels();
  const search = route.useSearch();
  const navigate = useNavigate();
  const setSearch = route.useNavigate();
  const cyRef = useRef<Core | null>(null);
  const nodes = useQuery(nodeOptionsQuery());
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
              <Select
                label={t('graph.node')}
                placeholder={t('graph.allNodes')}
                data={nodeSelectData(nodes.data?.items)}
                value={search.nodeId ? String(search.nodeId) : null}
                onChange={(v) => set({ nodeId: v ? Number(v) : undefined })}
                clearable
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
          <Group mt="md" gap="xs">
            <Text size="sm" fw={500} id="graph-view-label">
              {t('graph.view')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="graph-view-label"
              value={asTable ? 'table' : 'graph'}
              onChange={(v) => set({ view: v === 'table' ? 'table' : undefined })}
              data={[
                { value: 'graph', label: t('graph.asGraph') },
                { value: 'table', label: t('graph.asTable') },
              ]}
            />
          </Group>
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
