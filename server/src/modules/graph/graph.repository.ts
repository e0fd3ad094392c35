import type { Db } from '@anett/db/client';
import { organizationSectors, organizations, relations } from '@anett/db/schema';
import { and, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import { wzPrefixCondition } from '../../lib/wz-filter.ts';

export type Period = { from?: string; to?: string };

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Bind values of a period: open ends become far dates so one statement serves every case. */
const bounds = (p: Period) => ({ from: p.from ?? '0000-01-01', toExclusive: p.to ? nextDay(p.to) : '9999-12-31' });

/** A dated tie (relation, affiliation) overlaps the period. */
const overlaps = (alias: string) =>
  `(${alias}.from_date IS NULL OR ${alias}.from_date < @toExclusive) AND (${alias}.to_date IS NULL OR ${alias}.to_date >= @from)`;

/** The attendance's event is live and starts in the period. */
const eventInPeriod = (attendance: string) =>
  `JOIN events e ON e.id = ${attendance}.event_id AND e.deleted_at IS NULL AND e.starts_at >= @from AND e.starts_at < @toExclusive`;

const interactionLinks = { person: 'interaction_persons', organization: 'interaction_organizations' } as const;
type Party = keyof typeof interactionLinks;
/** Persons or organisations (`other`) logged in the same live interactions of the period as @id, with their number. */
const sharedInteractionsSql = (subject: Party, other: Party) =>
  `SELECT q.${other}_id AS id, count(*) AS n FROM ${interactionLinks[subject]} p
  JOIN interactions i ON i.id = p.interaction_id AND i.deleted_at IS NULL
    AND i.occurred_at >= @from AND i.occurred_at < @toExclusive
  JOIN ${interactionLinks[other]} q ON q.interaction_id = p.interaction_id${subject === other ? ` AND q.${other}_id <> p.${subject}_id` : ''}
  WHERE p.${subject}_id = @id
  GROUP BY q.${other}_id`;

const personName = (alias: string) =>
  `trim(coalesce(${alias}.title || ' ', '') || ${alias}.first_name || ' ' || ${alias}.last_name)`;
const livePerson = (alias: string) => `${alias}.deleted_at IS NULL AND ${alias}.erased_at IS NULL`;

export type Named = { id: number; name: string };
export type OrganizationVertex = Named & { kind: string };
export type PersonVertex = Named;
export type Counted = { id: number; n: number };

export function createGraphRepository(db: Db) {
  const client = db.$client;
  const all = <T>(source: string, params: Record<string, unknown>) => client.prepare(source).all(params) as T[];

  return {
    networks(): (Named & { isOwn: boolean })[] {
      return (
        all<{ id: number; name: string; isOwn: number }>(
          'SELECT id, coalesce(short_name, name) AS name, is_own AS isOwn FROM networks ORDER BY is_own DESC, name',
          {},
        ) as { id: number; name: string; isOwn: number }[]
      ).map((r) => ({ ...r, isOwn: r.isOwn === 1 }));
    },

    nodes(): (Named & { networkId: number | null; hostOrganizationId: number | null })[] {
      return all(
        `SELECT n.id, n.name, n.network_id AS networkId,
          CASE WHEN o.deleted_at IS NULL THEN n.host_organization_id END AS hostOrganizationId
        FROM nodes n LEFT JOIN organizations o ON o.id = n.host_organization_id ORDER BY n.name, n.id`,
        {},
      );
    },

    /** Relations of live organisations (in the sector, when given) to the nodes and networks, overlapping the period. */
    relations(nodeIds: number[], networkIds: number[], period: Period, sector: string | undefined) {
      const { from, toExclusive } = bounds(period);
      const r = relations;
      return db
        .select({ organizationId: r.organizationId, nodeId: r.nodeId, networkId: r.networkId, type: r.type })
        .from(r)
        .innerJoin(organizations, and(eq(organizations.id, r.organizationId), isNull(organizations.deletedAt)))
        .where(
          and(
            or(inArray(r.nodeId, nodeIds), inArray(r.networkId, networkIds)),
            or(isNull(r.fromDate), lt(r.fromDate, toExclusive)),
            or(isNull(r.toDate), gte(r.toDate, from)),
            sector
              ? inArray(
                  r.organizationId,
                  db
                    .select({ id: organizationSectors.organizationId })
                    .from(organizationSectors)
                    .where(wzPrefixCondition(organizationSectors.wzCode, [sector])),
                )
              : undefined,
          ),
        )
        .all();
    },

    organizations(ids: number[]): OrganizationVertex[] {
      if (ids.length === 0) return [];
      return all(
        'SELECT id, name, kind FROM organizations WHERE id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL',
        { ids: JSON.stringify(ids) },
      );
    },

    persons(ids: number[]): PersonVertex[] {
      if (ids.length === 0) return [];
      return all(
        `SELECT p.id, ${personName('p')} AS name FROM persons p
        WHERE p.id IN (SELECT value FROM json_each(@ids)) AND ${livePerson('p')}`,
        { ids: JSON.stringify(ids) },
      );
    },

    livePerson(id: number): boolean {
      return client.prepare(`SELECT 1 FROM persons p WHERE p.id = ? AND ${livePerson('p')}`).get(id) !== undefined;
    },

    liveOrganization(id: number): boolean {
      return client.prepare('SELECT 1 FROM organizations WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
    },

    /** Attendances (attended) with the organisation snapshot plus interactions linking the organisation, per organisation. */
    organizationActivity(ids: number[], period: Period, nodeId: number | undefined): Counted[] {
      if (ids.length === 0) return [];
      return all(
        `SELECT id, sum(n) AS n FROM (
          SELECT a.organization_id AS id, count(*) AS n FROM attendances a
          JOIN events e ON e.id = a.event_id AND e.deleted_at IS NULL
          WHERE a.organization_id IN (SELECT value FROM json_each(@ids)) AND a.status = 'attended'
            AND e.starts_at >= @from AND e.starts_at < @toExclusive AND (@nodeId IS NULL OR e.node_id = @nodeId)
          GROUP BY a.organization_id
          UNION ALL
          SELECT io.organization_id, count(*) FROM interaction_organizations io
          JOIN interactions i ON i.id = io.interaction_id AND i.deleted_at IS NULL
          WHERE io.organization_id IN (SELECT value FROM json_each(@ids))
            AND i.occurred_at >= @from AND i.occurred_at < @toExclusive AND (@nodeId IS NULL OR i.node_id = @nodeId)
          GROUP BY io.organization_id)
        GROUP BY id`,
        { ids: JSON.stringify(ids), nodeId: nodeId ?? null, ...bounds(period) },
      );
    },

    /** Events (not deleted) per node in the period. */
    nodeEvents(period: Period): Counted[] {
      return all(
        `SELECT node_id AS id, count(*) AS n FROM events
        WHERE deleted_at IS NULL AND node_id IS NOT NULL AND starts_at >= @from AND starts_at < @toExclusive
        GROUP BY node_id`,
        bounds(period),
      );
    },

    // Ego of a person

    personAffiliations(personId: number, period: Period): { id: number; current: boolean }[] {
      return all<{ id: number; current: number }>(
        `SELECT a.organization_id AS id, max(a.to_date IS NULL OR a.to_date >= date('now')) AS current
        FROM affiliations a JOIN organizations o ON o.id = a.organization_id AND o.deleted_at IS NULL
        WHERE a.person_id = @personId AND ${overlaps('a')}
        GROUP BY a.organization_id`,
        { personId, ...bounds(period) },
      ).map((r) => ({ id: r.id, current: r.current === 1 }));
    },

    /** Persons who attended the same events (both attended), with the number of shared events. */
    coAttendees(personId: number, period: Period): Counted[] {
      return all(
        `SELECT b.person_id AS id, count(*) AS n FROM attendances a
        ${eventInPeriod('a')}
        JOIN attendances b ON b.event_id = a.event_id AND b.status = 'attended' AND b.person_id <> a.person_id
        WHERE a.person_id = @personId AND a.status = 'attended'
        GROUP BY b.person_id`,
        { personId, ...bounds(period) },
      );
    },

    /** Persons or organisations (`other`) logged in the same interactions as the subject, with the number of them. */
    interactionContacts(subject: Party, other: Party, id: number, period: Period): Counted[] {
      return all(sharedInteractionsSql(subject, other), { id, ...bounds(period) });
    },

    // Ego of an organisation

    organizationRelations(
      organizationId: number,
      period: Period,
    ): { nodeId: number | null; networkId: number | null; type: string }[] {
      return all(
        `SELECT r.node_id AS nodeId, r.network_id AS networkId, r.type FROM relations r
        WHERE r.organization_id = @organizationId AND ${overlaps('r')}`,
        { organizationId, ...bounds(period) },
      );
    },

    hostedNodes(organizationId: number): number[] {
      return client
        .prepare('SELECT id FROM nodes WHERE host_organization_id = ?')
        .pluck()
        .all(organizationId) as number[];
    },

    /** Persons affiliated with the organisation in the period. */
    members(organizationId: number, period: Period): number[] {
      return client
        .prepare(
          `SELECT DISTINCT a.person_id FROM affiliations a WHERE a.organization_id = @organizationId AND ${overlaps('a')}`,
        )
        .pluck()
        .all({ organizationId, ...bounds(period) }) as number[];
    },

    /** Persons who attended events for the organisation (its snapshot), with the number of events. */
    representatives(organizationId: number, period: Period): Counted[] {
      return all(
        `SELECT a.person_id AS id, count(*) AS n FROM attendances a
        ${eventInPeriod('a')}
        WHERE a.organization_id = @organizationId AND a.status = 'attended'
        GROUP BY a.person_id`,
        { organizationId, ...bounds(period) },
      );
    },

    /** Other organisations whose people attended the same events, with the number of shared events. */
    coAttendingOrganizations(organizationId: number, period: Period): Counted[] {
      return all(
        `WITH mine AS (SELECT DISTINCT a.event_id FROM attendances a
          ${eventInPeriod('a')}
          WHERE a.organization_id = @organizationId AND a.status = 'attended')
        SELECT b.organization_id AS id, count(DISTINCT b.event_id) AS n FROM mine
        JOIN attendances b ON b.event_id = mine.event_id AND b.status = 'attended'
        WHERE b.organization_id IS NOT NULL AND b.organization_id <> @organizationId
        GROUP BY b.organization_id`,
        { organizationId, ...bounds(period) },
      );
    },
  };
}
export type GraphRepository = ReturnType<typeof createGraphRepository>;
