import type { Graph, GraphVertex } from '@anett/shared/schemas/graph';
import { ORGANIZATION_KIND } from '@anett/shared/vocab/enums';
import { Button, Stack, Table } from '@mantine/core';
import { AnchorLink } from '../../components/router-link.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { useLabels } from '../../lib/i18n.ts';

/** The graph as a table: every vertex with what it is connected to (for screen readers and keyboard use). */
export function GraphTable({
  graph,
  onEgo,
}: {
  graph: Graph;
  onEgo: (v: Pick<GraphVertex, 'kind' | 'entityId'>) => void;
}) {
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
        <TableHead
          columns={[
            t('graph.name'),
            t('graph.kind'),
            { title: t('graph.connections'), ta: 'right' },
            t('graph.connectedWith'),
          ]}
        />
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

export function VertexName({ vertex }: { vertex: GraphVertex }) {
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
