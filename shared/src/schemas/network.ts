import { z } from 'zod';
import { RELATION_TYPES } from '../vocab/enums.ts';
import {
  dated,
  datedInput,
  dateRangeIssue,
  districtCode,
  itemMeta,
  listQuery,
  multilineText,
  optionalDate,
  optionalText,
  orNull,
  page,
  queryBool,
  refId,
  repeated,
  requiredText,
} from './common.ts';

export const relationType = z.enum(RELATION_TYPES);

/** A referenced record as lists show it: id and display name. */
export const entityRef = z.object({ id: z.number().int(), name: z.string() });
export type EntityRef = z.infer<typeof entityRef>;

const optionalRefId = orNull(refId);

// Networks

export const network = z.object({
  ...itemMeta,
  name: z.string(),
  shortName: z.string().nullable(),
  region: z.string().nullable(),
  isOwn: z.boolean(),
  website: z.string().nullable(),
  description: z.string().nullable(),
});
export type Network = z.infer<typeof network>;

const networkFields = {
  name: requiredText(200),
  shortName: optionalText(60),
  region: optionalText(100),
  isOwn: z.boolean(),
  website: optionalText(300),
  description: multilineText(5000),
};
export const networkInput = z.object({ ...networkFields, isOwn: networkFields.isOwn.default(false) });
export type NetworkInput = z.input<typeof networkInput>;
export const networkPatch = z.object(networkFields).partial().strict();

export const networkListQuery = listQuery(['name', 'region', 'createdAt', 'updatedAt']).extend({
  isOwn: queryBool.optional(),
});
export type NetworkListQuery = z.input<typeof networkListQuery>;
export const networkPage = page(network);

// Relations: organisation ↔ network or node

export const relation = z.object({
  ...itemMeta,
  organizationId: z.number().int(),
  organization: entityRef,
  networkId: z.number().int().nullable(),
  network: entityRef.nullable(),
  nodeId: z.number().int().nullable(),
  node: entityRef.nullable(),
  type: relationType,
  responsibility: z.string().nullable(),
  ...dated,
});
export type Relation = z.infer<typeof relation>;

const relationFields = {
  networkId: optionalRefId,
  nodeId: optionalRefId,
  type: relationType,
  responsibility: optionalText(200),
  ...datedInput,
};

/** The rules a relation must keep after create and after every patch. */
export function relationIssues(r: {
  networkId: number | null;
  nodeId: number | null;
  fromDate: string | null;
  toDate: string | null;
}): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (r.networkId !== null && r.nodeId !== null) {
    issues.push({ field: 'nodeId', message: 'entweder networkId oder nodeId angeben, nicht beide' });
  } else if (r.networkId === null && r.nodeId === null) {
    issues.push({ field: 'networkId', message: 'networkId oder nodeId ist erforderlich' });
  }
  const range = dateRangeIssue(r);
  if (range) issues.push(range);
  return issues;
}

export const relationInput = z.object({ organizationId: refId, ...relationFields }).superRefine((r, ctx) => {
  for (const issue of relationIssues(r)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
});
export type RelationInput = z.input<typeof relationInput>;
/** The organisation of a relation is fixed; everything else may change. */
export const relationPatch = z.object(relationFields).partial().strict();
export const relationList = z.object({ items: z.array(relation) });

// QTI nodes

export const nodeCounts = z.object({
  organizations: z.number().int().describe('organisations related to the node, including its host'),
  persons: z.number().int().describe('persons currently affiliated to those organisations'),
  events: z.number().int().describe('events at the node'),
});

export const node = z.object({
  ...itemMeta,
  name: z.string(),
  district: z.string(),
  networkId: z.number().int().nullable(),
  network: entityRef.nullable(),
  hostOrganization: entityRef.nullable(),
  openedOn: z.string().nullable(),
  responsibleUser: entityRef.nullable(),
  description: z.string().nullable(),
  counts: nodeCounts,
});
export type Node = z.infer<typeof node>;

const nodeFields = {
  name: requiredText(120),
  district: districtCode,
  networkId: optionalRefId,
  hostOrganizationId: optionalRefId,
  openedOn: optionalDate,
  responsibleUserId: optionalRefId,
  description: multilineText(5000),
};
export const nodeInput = z.object(nodeFields);
export type NodeInput = z.input<typeof nodeInput>;
export const nodePatch = nodeInput.partial().strict();

export const nodeListQuery = listQuery(['name', 'district', 'openedOn', 'createdAt', 'updatedAt']).extend({
  district: repeated(districtCode),
  networkId: repeated(z.coerce.number().int().positive()),
});
export type NodeListQuery = z.input<typeof nodeListQuery>;
export const nodePage = page(node);

export const networkDetail = network.extend({ nodes: z.array(entityRef), relations: z.array(relation) });
export const nodeDetail = node.extend({ relations: z.array(relation) });

// The "Netzwerk" page

export const consortiumPartner = z.object({
  relationId: z.number().int(),
  organization: entityRef,
  responsibility: z.string().nullable(),
  ...dated,
});

export const networkOverview = z.object({
  /** ANeTT itself (the network with isOwn), null until it is recorded. */
  network: network.nullable(),
  consortium: z.array(consortiumPartner),
  nodes: z.array(node),
  partnerNetworks: z.array(network),
});
export type NetworkOverview = z.infer<typeof networkOverview>;
