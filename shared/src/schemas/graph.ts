import { z } from 'zod';
import { isValidWzCode } from '../vocab/wz2008.ts';
import { isoDate, queryId } from './common.ts';

export const GRAPH_VERTEX_KINDS = ['network', 'node', 'organization', 'person'] as const;
export type GraphVertexKind = (typeof GRAPH_VERTEX_KINDS)[number];

export const GRAPH_EDGE_KINDS = ['relation', 'host', 'affiliation', 'co_attendance', 'interaction'] as const;
export type GraphEdgeKind = (typeof GRAPH_EDGE_KINDS)[number];

/** The network graph holds at most this many vertices; the ego graph at most this many neighbours. */
export const GRAPH_MAX_VERTICES = 300;
export const EGO_MAX_NEIGHBOURS = 50;

export const graphVertex = z.object({
  /** 'network:1', 'node:3', 'org:12', 'person:5' */
  id: z.string(),
  /** The record's id, to open it. */
  entityId: z.number().int(),
  label: z.string(),
  kind: z.enum(GRAPH_VERTEX_KINDS),
  /** For colouring: organisation kind, 'own'/'partner' for networks, 'node', 'person'. */
  group: z.string(),
  /** Activity in the period (attendances and interactions; events for nodes), at least 1. */
  weight: z.number(),
});
export type GraphVertex = z.infer<typeof graphVertex>;

export const graphEdge = z.object({
  source: z.string(),
  target: z.string(),
  kind: z.enum(GRAPH_EDGE_KINDS),
  /** 1 for formal ties; shared events and interactions for contacts. */
  weight: z.number(),
  /** German label of a formal tie, e.g. 'Mitglied', 'Träger QTI-Knoten'. */
  label: z.string().optional(),
});
export type GraphEdge = z.infer<typeof graphEdge>;

export const graph = z.object({
  nodes: z.array(graphVertex),
  edges: z.array(graphEdge),
  /** Vertices were left out to stay within the cap (the least connected ones). */
  truncated: z.boolean(),
});
export type Graph = z.infer<typeof graph>;

export const egoGraph = graph.extend({ center: z.string() });
export type EgoGraph = z.infer<typeof egoGraph>;

const period = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const checkPeriod = (r: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (r.from && r.to && r.to < r.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'darf nicht vor from liegen' });
};

export const networkGraphQuery = z
  .object({
    nodeId: queryId.optional(),
    /** WZ 2008 code or section letter used as a prefix ('29', 'C'). */
    sector: z.string().trim().max(10).refine(isValidWzCode, 'unbekannter WZ-2008-Code').optional(),
    ...period,
  })
  .superRefine(checkPeriod);
export type NetworkGraphQuery = z.input<typeof networkGraphQuery>;
export type NetworkGraphParams = z.output<typeof networkGraphQuery>;

export const egoGraphQuery = z
  .object({ type: z.enum(['person', 'organization']), id: queryId, ...period })
  .superRefine(checkPeriod);
export type EgoGraphQuery = z.input<typeof egoGraphQuery>;
export type EgoGraphParams = z.output<typeof egoGraphQuery>;
