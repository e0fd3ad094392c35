import type { Db } from '@anett/db/client';
import { type NodeRow, networks, nodes, organizations, relations, users } from '@anett/db/schema';
import { searchFold } from '@anett/shared/normalize';
import type { EntityRef, Network, Node, networkInput, networkPatch, Relation } from '@anett/shared/schemas/network';
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { contains, countWhere, paged, pageOfTable } from '../../lib/listing.ts';
import { deleteAtVersion, updateAtVersion, viewedWrites } from '../../lib/rows.ts';

type Sort<F extends string> = { field: F; desc: boolean };
type Paging = { page: number; pageSize: number };

/** Every word of `q` must occur in the folded `doc` ("sommerda" and "Sömm" find "Sömmerda"); for short lists. */
function foldedContains(doc: SQL, q: string | undefined): SQL | undefined {
  const words = (q ?? '')
    .split(/\s+/)
    .map((w) => searchFold(w).split(' ')[0] ?? '')
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => contains(sql`anett_fold(${doc})`, w)));
}

const ref = (id: number | null, name: string | null): EntityRef | null =>
  id === null || name === null ? null : { id, name };

const hostOrg = alias(organizations, 'host_org');
const relOrg = alias(organizations, 'rel_org');
const relNode = alias(nodes, 'rel_node');
const relNetwork = alias(networks, 'rel_network');

// Plain SQL correlated on nodes.id: drizzle may leave column names unqualified inside a select list.
/** Organisations of a node: related to it by any relation, or hosting it (deleted ones left out). */
const nodeOrganizationIds = `SELECT o.id FROM organizations o WHERE o.deleted_at IS NULL AND o.id IN (
    SELECT r.organization_id FROM relations r WHERE r.node_id = nodes.id UNION SELECT nodes.host_organization_id)`;

const nodeCounts = {
  organizations: sql<number>`(SELECT count(*) FROM (${sql.raw(nodeOrganizationIds)}))`.mapWith(Number),
  persons: sql<number>`(SELECT count(DISTINCT a.person_id) FROM affiliations a JOIN persons p ON p.id = a.person_id
    WHERE p.deleted_at IS NULL
      AND (a.to_date IS NULL OR a.to_date >= date('now')) AND (a.from_date IS NULL OR a.from_date <= date('now'))
      AND a.organization_id IN (${sql.raw(nodeOrganizationIds)}))`.mapWith(Number),
  events: sql<number>`(SELECT count(*) FROM events e WHERE e.node_id = nodes.id AND e.deleted_at IS NULL)`.mapWith(
    Number,
  ),
};

const networkSort = {
  name: networks.name,
  region: networks.region,
  createdAt: networks.createdAt,
  updatedAt: networks.updatedAt,
};
const nodeSort = {
  name: nodes.name,
  district: nodes.district,
  openedOn: nodes.openedOn,
  createdAt: nodes.createdAt,
  updatedAt: nodes.updatedAt,
};

export function createNetworkRepository(db: Db) {
  function selectNodes(where: SQL | undefined) {
    return db
      .select({
        node: nodes,
        networkName: networks.name,
        hostName: hostOrg.name,
        userName: users.name,
        counts: nodeCounts,
      })
      .from(nodes)
      .leftJoin(networks, eq(networks.id, nodes.networkId))
      .leftJoin(hostOrg, eq(hostOrg.id, nodes.hostOrganizationId))
      .leftJoin(users, eq(users.id, nodes.responsibleUserId))
      .where(where)
      .$dynamic();
  }
  type NodeSelection = Awaited<ReturnType<ReturnType<typeof selectNodes>['all']>>[number];
  const nodeView = ({ node, networkName, hostName, userName, counts }: NodeSelection): Node => {
    const { hostOrganizationId, responsibleUserId, ...rest } = node;
    return {
      ...rest,
      network: ref(node.networkId, networkName),
      hostOrganization: ref(hostOrganizationId, hostName),
      responsibleUser: ref(responsibleUserId, userName),
      counts,
    };
  };

  function selectRelations(where: SQL | undefined) {
    return db
      .select({
        relation: relations,
        organizationName: relOrg.name,
        networkName: relNetwork.name,
        nodeName: relNode.name,
      })
      .from(relations)
      .innerJoin(relOrg, eq(relOrg.id, relations.organizationId))
      .leftJoin(relNetwork, eq(relNetwork.id, relations.networkId))
      .leftJoin(relNode, eq(relNode.id, relations.nodeId))
      .where(where)
      .orderBy(asc(relations.type), asc(relOrg.name), asc(relations.id))
      .all()
      .map(
        ({ relation, organizationName, networkName, nodeName }): Relation => ({
          ...relation,
          type: relation.type as Relation['type'],
          organization: { id: relation.organizationId, name: organizationName },
          network: ref(relation.networkId, networkName),
          node: ref(relation.nodeId, nodeName),
        }),
      );
  }

  const getNode = (id: number) => {
    const row = selectNodes(eq(nodes.id, id)).get();
    return row ? nodeView(row) : undefined;
  };
  const getRelation = (id: number) => selectRelations(eq(relations.id, id))[0];
  const nodeWrites = viewedWrites(db, nodes, getNode);
  const relationWrites = viewedWrites(db, relations, getRelation);

  return {
    // Networks

    findNetwork(id: number): Network | undefined {
      return db.select().from(networks).where(eq(networks.id, id)).get();
    },

    ownNetwork(): Network | undefined {
      return db.select().from(networks).where(eq(networks.isOwn, true)).orderBy(asc(networks.id)).get();
    },

    listNetworks(query: Paging & { sort?: Sort<keyof typeof networkSort>; q?: string; isOwn?: boolean }) {
      const where = and(
        query.isOwn === undefined ? undefined : eq(networks.isOwn, query.isOwn),
        foldedContains(
          sql`${networks.name} || ' ' || coalesce(${networks.shortName}, '') || ' ' || coalesce(${networks.region}, '')`,
          query.q,
        ),
      );
      const column = networkSort[query.sort?.field ?? 'name'];
      const direction = query.sort?.desc ? desc : asc;
      const { rows, total } = pageOfTable(db, networks, where, [direction(column), direction(networks.id)], query);
      return { items: rows, total };
    },

    networkNodes(id: number): EntityRef[] {
      return db
        .select({ id: nodes.id, name: nodes.name })
        .from(nodes)
        .where(eq(nodes.networkId, id))
        .orderBy(asc(nodes.name))
        .all();
    },

    createNetwork(values: z.output<typeof networkInput>): Network {
      return db.insert(networks).values(values).returning().get();
    },

    updateNetwork(id: number, version: number, changes: z.output<typeof networkPatch>): Network | undefined {
      return updateAtVersion(db, networks, id, version, changes);
    },

    // Nodes

    findNode(id: number): NodeRow | undefined {
      return db.select().from(nodes).where(eq(nodes.id, id)).get();
    },

    getNode,

    listNodes(
      query: Paging & { sort?: Sort<keyof typeof nodeSort>; q?: string; district?: string[]; networkId?: number[] },
    ) {
      const where = and(
        query.district?.length ? inArray(nodes.district, query.district) : undefined,
        query.networkId?.length ? inArray(nodes.networkId, query.networkId) : undefined,
        foldedContains(sql`${nodes.name}`, query.q),
      );
      const column = nodeSort[query.sort?.field ?? 'name'];
      const direction = query.sort?.desc ? desc : asc;
      const items = paged(selectNodes(where).orderBy(direction(column), direction(nodes.id)), query)
        .all()
        .map(nodeView);
      return { items, total: countWhere(db, nodes, where) };
    },

    createNode: nodeWrites.create,
    updateNode: nodeWrites.update,

    // Relations

    getRelation,

    relationsOf(by: { organizationId?: number; networkId?: number; nodeId?: number }): Relation[] {
      return selectRelations(
        and(
          by.organizationId === undefined ? undefined : eq(relations.organizationId, by.organizationId),
          by.networkId === undefined ? undefined : eq(relations.networkId, by.networkId),
          by.nodeId === undefined ? undefined : eq(relations.nodeId, by.nodeId),
        ),
      );
    },

    createRelation: relationWrites.create,
    updateRelation: relationWrites.update,

    /** Relations are removed for good (the audit entry keeps what they were); false on a version conflict. */
    deleteRelation(id: number, version: number): boolean {
      return deleteAtVersion(db, relations, id, version) !== undefined;
    },

    // The "Netzwerk" page

    overview() {
      const own = db.select().from(networks).where(eq(networks.isOwn, true)).orderBy(asc(networks.id)).get();
      const consortium = own
        ? db
            .select({
              relationId: relations.id,
              organizationId: organizations.id,
              organizationName: organizations.name,
              responsibility: relations.responsibility,
              fromDate: relations.fromDate,
              toDate: relations.toDate,
            })
            .from(relations)
            .innerJoin(organizations, eq(organizations.id, relations.organizationId))
            .where(
              and(
                eq(relations.networkId, own.id),
                eq(relations.type, 'consortium_partner'),
                isNull(organizations.deletedAt),
              ),
            )
            .orderBy(asc(organizations.sortKey))
            .all()
            .map(({ organizationId, organizationName, ...r }) => ({
              ...r,
              organization: { id: organizationId, name: organizationName },
            }))
        : [];
      return {
        network: own ?? null,
        consortium,
        nodes: selectNodes(undefined).orderBy(asc(nodes.name), asc(nodes.id)).all().map(nodeView),
        partnerNetworks: db.select().from(networks).where(eq(networks.isOwn, false)).orderBy(asc(networks.name)).all(),
      };
    },
  };
}
export type NetworkRepository = ReturnType<typeof createNetworkRepository>;
