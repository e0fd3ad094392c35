import {
  EGO_MAX_NEIGHBOURS,
  type EgoGraph,
  type EgoGraphParams,
  GRAPH_MAX_VERTICES,
  type Graph,
  type GraphEdge,
  type GraphEdgeKind,
  type GraphVertex,
  type NetworkGraphParams,
} from '@anett/shared/schemas/graph';
import { RELATION_TYPE, type RelationType } from '@anett/shared/vocab/enums';
import { fieldError, notFound } from '../../lib/errors.ts';
import type { Counted, GraphRepository } from './graph.repository.ts';

const vertexId = {
  network: (id: number) => `network:${id}`,
  node: (id: number) => `node:${id}`,
  organization: (id: number) => `org:${id}`,
  person: (id: number) => `person:${id}`,
};

const byName = new Intl.Collator('de');
const relationLabel = (type: string) => RELATION_TYPE[type as RelationType]?.de ?? type;

/** A neighbour of the ego: its tie (the strongest kind seen) and contact count. */
type Neighbour = {
  kind: 'network' | 'node' | 'organization' | 'person';
  entityId: number;
  edge: GraphEdgeKind;
  contacts: number;
  /** Formal ties first: relations and hosting, then (current) affiliations, then contacts by frequency. */
  rank: number;
};

const EDGE_STRENGTH: Record<GraphEdgeKind, number> = {
  host: 5,
  relation: 4,
  affiliation: 3,
  co_attendance: 2,
  interaction: 1,
};

export function createGraphService(repo: GraphRepository) {
  function networkGraph(q: NetworkGraphParams): Graph {
    const period = { from: q.from, to: q.to };
    const nodes = repo.nodes().filter((n) => q.nodeId === undefined || n.id === q.nodeId);
    if (q.nodeId !== undefined && nodes.length === 0) throw fieldError('nodeId', 'unbekannter Knoten');
    const networks = repo
      .networks()
      .filter((n) => q.nodeId === undefined || nodes.some((node) => node.networkId === n.id));
    const relations = repo.relations(
      nodes.map((n) => n.id),
      networks.map((n) => n.id),
      period,
      q.sector,
    );

    const edges = new Map<string, GraphEdge>();
    const addEdge = (source: string, target: string, kind: GraphEdgeKind) => {
      const key = `${source}|${target}|${kind}`;
      const edge = edges.get(key);
      if (edge) edge.weight += 1;
      else edges.set(key, { source, target, kind, weight: 1 });
    };
    for (const n of nodes)
      if (n.networkId !== null && networks.some((x) => x.id === n.networkId)) {
        addEdge(vertexId.node(n.id), vertexId.network(n.networkId), 'relation');
      }
    const hosts = new Set<number>();
    for (const n of nodes) {
      if (n.hostOrganizationId === null) continue;
      hosts.add(n.hostOrganizationId);
      addEdge(vertexId.organization(n.hostOrganizationId), vertexId.node(n.id), 'host');
    }
    const typesOf = new Map<string, string[]>();
    for (const r of relations) {
      const target = r.nodeId !== null ? vertexId.node(r.nodeId) : vertexId.network(r.networkId as number);
      addEdge(vertexId.organization(r.organizationId), target, 'relation');
      const key = `${r.organizationId}|${target}`;
      typesOf.set(key, [...(typesOf.get(key) ?? []), r.type]);
    }

    const organizationIds = [...new Set([...hosts, ...relations.map((r) => r.organizationId)])];
    const organizations = repo.organizations(organizationIds);
    const degree = new Map<string, number>();
    for (const e of edges.values()) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }

    // Networks, nodes and hosts always; then the most connected organisations up to the cap.
    const budget = Math.max(0, GRAPH_MAX_VERTICES - networks.length - nodes.length - hosts.size);
    const ranked = organizations
      .filter((o) => !hosts.has(o.id))
      .sort(
        (a, b) =>
          (degree.get(vertexId.organization(b.id)) ?? 0) - (degree.get(vertexId.organization(a.id)) ?? 0) ||
          byName.compare(a.name, b.name),
      );
    const kept = [...organizations.filter((o) => hosts.has(o.id)), ...ranked.slice(0, budget)];
    const activity = new Map(
      repo
        .organizationActivity(
          kept.map((o) => o.id),
          period,
          q.nodeId,
        )
        .map((a) => [a.id, a.n]),
    );

    const nodeEvents = new Map(repo.nodeEvents(period).map((c) => [c.id, c.n]));
    const vertices: GraphVertex[] = [
      ...networks.map((n) => ({
        id: vertexId.network(n.id),
        entityId: n.id,
        label: n.name,
        kind: 'network' as const,
        group: n.isOwn ? 'own' : 'partner',
        weight: Math.max(1, degree.get(vertexId.network(n.id)) ?? 0),
      })),
      ...nodes.map((n) => ({
        id: vertexId.node(n.id),
        entityId: n.id,
        label: n.name,
        kind: 'node' as const,
        group: 'node',
        weight: Math.max(1, nodeEvents.get(n.id) ?? 0),
      })),
      ...kept.map((o) => ({
        id: vertexId.organization(o.id),
        entityId: o.id,
        label: o.name,
        kind: 'organization' as const,
        group: o.kind,
        weight: 1 + (activity.get(o.id) ?? 0),
      })),
    ];
    const present = new Set(vertices.map((v) => v.id));
    const labelOf = (e: GraphEdge) => {
      if (e.kind === 'host') return RELATION_TYPE.node_host.de;
      const types = typesOf.get(`${e.source.slice('org:'.length)}|${e.target}`);
      return types ? [...new Set(types)].map(relationLabel).join(', ') : undefined;
    };
    return {
      nodes: vertices,
      edges: [...edges.values()]
        .filter((e) => present.has(e.source) && present.has(e.target))
        .map((e) => {
          const label = labelOf(e);
          return label ? { ...e, label } : e;
        }),
      truncated: ranked.length > budget,
    };
  }

  /** Neighbours → the capped ego graph, with labels of live records only. */
  function egoOf(
    of: { kind: 'person' | 'organization'; entityId: number; label: string; group: string },
    neighbours: Map<string, Neighbour>,
  ): EgoGraph {
    const center = {
      id: vertexId[of.kind](of.entityId),
      entityId: of.entityId,
      label: of.label,
      kind: of.kind,
      group: of.group,
    };
    const ids = (kind: Neighbour['kind']) =>
      [...neighbours.values()].filter((n) => n.kind === kind).map((n) => n.entityId);
    const labels = new Map<string, { label: string; group: string }>();
    for (const p of repo.persons(ids('person'))) labels.set(vertexId.person(p.id), { label: p.name, group: 'person' });
    for (const o of repo.organizations(ids('organization')))
      labels.set(vertexId.organization(o.id), { label: o.name, group: o.kind });
    for (const n of repo.nodes()) labels.set(vertexId.node(n.id), { label: n.name, group: 'node' });
    for (const n of repo.networks())
      labels.set(vertexId.network(n.id), { label: n.name, group: n.isOwn ? 'own' : 'partner' });

    const live = [...neighbours.entries()].filter(([id]) => labels.has(id) && id !== center.id);
    live.sort(([a, x], [b, y]) => y.rank - x.rank || y.contacts - x.contacts || a.localeCompare(b));
    const kept = live.slice(0, EGO_MAX_NEIGHBOURS);
    const weightOf = (n: Neighbour) => Math.max(1, n.contacts);
    return {
      center: center.id,
      nodes: [
        {
          ...center,
          weight: Math.max(
            1,
            kept.reduce((sum, [, n]) => sum + n.contacts, 0),
          ),
        },
        ...kept.map(([id, n]) => ({
          id,
          entityId: n.entityId,
          label: (labels.get(id) as { label: string }).label,
          kind: n.kind,
          group: (labels.get(id) as { group: string }).group,
          weight: weightOf(n),
        })),
      ],
      edges: kept.map(([id, n]) =>
        n.edge === 'host' || n.edge === 'relation'
          ? { source: center.id, target: id, kind: n.edge, weight: 1 }
          : { source: center.id, target: id, kind: n.edge, weight: weightOf(n) },
      ),
      truncated: live.length > kept.length,
    };
  }

  /** Adds a tie to a neighbour: the strongest kind wins, contacts add up. */
  function tie(
    neighbours: Map<string, Neighbour>,
    kind: Neighbour['kind'],
    entityId: number,
    edge: GraphEdgeKind,
    contacts: number,
    rank = 0,
  ) {
    const id = vertexId[kind](entityId);
    const n = neighbours.get(id);
    if (!n) {
      neighbours.set(id, { kind, entityId, edge, contacts, rank });
      return;
    }
    if (EDGE_STRENGTH[edge] > EDGE_STRENGTH[n.edge]) n.edge = edge;
    n.contacts += contacts;
    n.rank = Math.max(n.rank, rank);
  }
  const ties = (
    neighbours: Map<string, Neighbour>,
    kind: Neighbour['kind'],
    rows: Counted[],
    edge: GraphEdgeKind,
    rank = 0,
  ) => {
    for (const r of rows) tie(neighbours, kind, r.id, edge, r.n, rank);
  };

  function personEgo(id: number, period: { from?: string; to?: string }): EgoGraph {
    const [person] = repo.persons([id]);
    if (!person) throw notFound('person');
    const neighbours = new Map<string, Neighbour>();
    for (const a of repo.personAffiliations(id, period))
      tie(neighbours, 'organization', a.id, 'affiliation', 0, a.current ? 2 : 1);
    ties(neighbours, 'person', repo.coAttendees(id, period), 'co_attendance');
    ties(neighbours, 'person', repo.interactionContacts('person', 'person', id, period), 'interaction');
    ties(neighbours, 'organization', repo.interactionContacts('person', 'organization', id, period), 'interaction');
    return egoOf({ kind: 'person', entityId: id, label: person.name, group: 'person' }, neighbours);
  }

  function organizationEgo(id: number, period: { from?: string; to?: string }): EgoGraph {
    const [organization] = repo.organizations([id]);
    if (!organization) throw notFound('organization');
    const neighbours = new Map<string, Neighbour>();
    for (const r of repo.organizationRelations(id, period)) {
      if (r.nodeId !== null) tie(neighbours, 'node', r.nodeId, 'relation', 0, 3);
      else if (r.networkId !== null) tie(neighbours, 'network', r.networkId, 'relation', 0, 3);
    }
    for (const nodeId of repo.hostedNodes(id)) tie(neighbours, 'node', nodeId, 'host', 0, 3);
    for (const personId of repo.members(id, period)) tie(neighbours, 'person', personId, 'affiliation', 0, 1);
    ties(neighbours, 'person', repo.representatives(id, period), 'affiliation', 1);
    ties(neighbours, 'person', repo.interactionContacts('organization', 'person', id, period), 'interaction');
    ties(neighbours, 'organization', repo.coAttendingOrganizations(id, period), 'co_attendance');
    ties(
      neighbours,
      'organization',
      repo.interactionContacts('organization', 'organization', id, period),
      'interaction',
    );
    return egoOf(
      { kind: 'organization', entityId: id, label: organization.name, group: organization.kind },
      neighbours,
    );
  }

  return {
    networkGraph,
    egoGraph(q: EgoGraphParams): EgoGraph {
      const period = { from: q.from, to: q.to };
      return q.type === 'person' ? personEgo(q.id, period) : organizationEgo(q.id, period);
    },
  };
}
