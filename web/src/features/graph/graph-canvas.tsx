import type { Graph, GraphVertex } from '@anett/shared/schemas/graph';
import { ORGANIZATION_KIND } from '@anett/shared/vocab/enums';
import { Badge, Group } from '@mantine/core';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useLabels } from '../../lib/i18n.ts';

/** Vertex colour per group: networks, nodes and persons, then organisation kinds. */
export const COLORS: Record<string, string> = {
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

export const colorOf = (group: string) => COLORS[group] ?? COLORS.other!;

export function toElements(graph: Graph, center?: string): ElementDefinition[] {
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

export function CytoscapeGraph({
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

export function Legend({ graph }: { graph: Graph }) {
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
