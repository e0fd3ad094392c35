import type { Db } from '@anett/db/client';
import { nodes, reportSnapshots, users } from '@anett/db/schema';
import type { ReachReport, ReachSource } from '@anett/shared/schemas/report';
import { PARTICIPANT_ROLES } from '@anett/shared/vocab/enums';
import { asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { countWhere, paged } from '../../lib/listing.ts';

/**
 * How a period is cut into cells for counting: a cell is (node, bucket) with cell = nodeKey * buckets + bucket,
 * nodeKey = 1 + the node's index in `nodeIds` or 0 for "no node", bucket = quarter or month number counted from the
 * first one of the period.
 */
export type FactGrid = {
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** The day after the last day. */
  toExclusive: string;
  nodeId?: number;
  bucket: 'quarter' | 'month';
  /** Bucket number (year * 4 + quarter - 1, or year * 12 + month - 1) of `from`. */
  firstBucket: number;
  buckets: number;
  /** Every node, in report order. */
  nodeIds: number[];
  /** nodeIds.length + 1 */
  nodeSpan: number;
  /** Max person id + 1. */
  personSpan: number;
  /** Max organisation id + 1: facts pack person, organisation and cell into one number. */
  organizationSpan: number;
};

/** Bucket number of an ISO date or instant column, as `FactGrid.firstBucket` counts. */
const bucketSql = (grid: FactGrid, column: string) =>
  grid.bucket === 'quarter'
    ? `(CAST(substr(${column}, 1, 4) AS INTEGER) * 4 + (CAST(substr(${column}, 6, 2) AS INTEGER) - 1) / 3)`
    : `(CAST(substr(${column}, 1, 4) AS INTEGER) * 12 + CAST(substr(${column}, 6, 2) AS INTEGER) - 1)`;

/** The node key of a node id column: dense, so that the counting arrays stay small whatever the ids. */
const nodeKeySql = (grid: FactGrid, column: string) =>
  grid.nodeIds.length === 0
    ? '0'
    : `CASE ${column} ${grid.nodeIds.map((id, i) => `WHEN ${Math.trunc(id)} THEN ${i + 1}`).join(' ')} ELSE 0 END`;

const cellSql = (grid: FactGrid, nodeColumn: string, dateColumn: string) =>
  `((${nodeKeySql(grid, nodeColumn)}) * @buckets + ${bucketSql(grid, dateColumn)} - @firstBucket)`;

const gridParams = (grid: FactGrid) => ({
  from: grid.from,
  toExclusive: grid.toExclusive,
  nodeId: grid.nodeId ?? null,
  buckets: grid.buckets,
  firstBucket: grid.firstBucket,
  cells: grid.nodeSpan * grid.buckets,
  organizationSpan: grid.organizationSpan,
});

/** Attendances in a participant role: staff (trainers, organisers, speakers …) are counted apart. */
const PARTICIPANT_SQL = `a.role IN (${PARTICIPANT_ROLES.map((r) => `'${r}'`).join(', ')})`;

/** What a fact stands for: a way of being reached, or `staff`, an attendance in another role. */
export type FactSource = ReachSource | 'staff';

/**
 * One number per fact: ((personId * organizationSpan + organizationId) * cells + cell) * 2 + isCourse, with 0 for a
 * missing person or organisation. Single numbers come out of SQLite several times faster than rows of columns. The
 * service counts distinct persons and organisations per node, quarter and in total in one pass over them: SQLite has
 * no hash aggregation, and COUNT(DISTINCT …) per level sorts the year once per level (measured ~4× slower).
 */
function factSql(grid: FactGrid, source: FactSource): string {
  const pack = (person: string, organization: string, cell: string) =>
    `((coalesce(${person}, 0) * @organizationSpan + coalesce(${organization}, 0)) * @cells + ${cell})`;
  switch (source) {
    case 'attended':
    case 'staff':
      // The cell is computed once per event, not once per attendance.
      return `WITH ev AS MATERIALIZED (
          SELECT e.id, ${cellSql(grid, 'e.node_id', 'e.starts_at')} * 2 + (e.kind = 'course') AS cell FROM events e
          WHERE e.deleted_at IS NULL AND e.starts_at >= @from AND e.starts_at < @toExclusive
            AND (@nodeId IS NULL OR e.node_id = @nodeId))
        SELECT ${pack('a.person_id', 'a.organization_id', '0')} * 2 + ev.cell
        FROM ev JOIN attendances a ON a.event_id = ev.id AND a.status = 'attended'
          AND ${source === 'attended' ? PARTICIPANT_SQL : `NOT ${PARTICIPANT_SQL}`}`;
    case 'course_completed':
      return `WITH ev AS MATERIALIZED (
          SELECT e.id, ${cellSql(grid, 'e.node_id', 'coalesce(e.ends_at, e.starts_at)')} AS cell FROM events e
          WHERE e.deleted_at IS NULL AND e.kind = 'course'
            AND coalesce(e.ends_at, e.starts_at) >= @from AND coalesce(e.ends_at, e.starts_at) < @toExclusive
            AND (@nodeId IS NULL OR e.node_id = @nodeId))
        SELECT ${pack('a.person_id', 'a.organization_id', 'ev.cell')} * 2
        FROM ev JOIN attendances a ON a.event_id = ev.id AND a.status = 'attended' AND ${PARTICIPANT_SQL}`;
    case 'interaction':
      // Every person of an interaction with every organisation of it (usually one of each).
      return `SELECT ${pack('ip.person_id', 'io.organization_id', cellSql(grid, 'i.node_id', 'i.occurred_at'))} * 2
        FROM interactions i
        LEFT JOIN interaction_persons ip ON ip.interaction_id = i.id
        LEFT JOIN interaction_organizations io ON io.interaction_id = i.id
        WHERE i.deleted_at IS NULL AND i.occurred_at >= @from AND i.occurred_at < @toExclusive
          AND (@nodeId IS NULL OR i.node_id = @nodeId)
          AND (ip.person_id IS NOT NULL OR io.organization_id IS NOT NULL)`;
  }
}

/** The EU SME test on an organisation `o`: size class micro to medium, or fewer than 250 employees without one. */
const SME_SQL = "(o.size_class IN ('micro', 'small', 'medium') OR (o.size_class IS NULL AND o.employees < 250))";

export type OrganizationTraits = { id: number; kind: string; district: string | null; sme: boolean; sectors: string[] };

export type SnapshotRow = typeof reportSnapshots.$inferSelect & { createdByName: string | null };
export type SnapshotSummaryRow = Omit<SnapshotRow, 'report'> & { total: ReachReport['total'] };

const snapshotSort = {
  createdAt: reportSnapshots.createdAt,
  label: reportSnapshots.label,
  from: reportSnapshots.fromDate,
} as const;

export function createReportsRepository(db: Db) {
  const client = db.$client;

  const selectSnapshot = () =>
    db
      .select({ snapshot: reportSnapshots, createdByName: users.name })
      .from(reportSnapshots)
      .leftJoin(users, eq(users.id, reportSnapshots.createdById));
  const flat = (r: { snapshot: typeof reportSnapshots.$inferSelect; createdByName: string | null }): SnapshotRow => ({
    ...r.snapshot,
    createdByName: r.createdByName,
  });

  const findSnapshot = (id: number): SnapshotRow | undefined => {
    const row = selectSnapshot().where(eq(reportSnapshots.id, id)).get();
    return row ? flat(row) : undefined;
  };

  return {
    /** Largest ids in use (0 when empty): the spans of the fact packing. */
    idSpans(): { persons: number; organizations: number } {
      return client
        .prepare(
          `SELECT (SELECT coalesce(max(id), 0) FROM persons) AS persons,
            (SELECT coalesce(max(id), 0) FROM organizations) AS organizations`,
        )
        .get() as { persons: number; organizations: number };
    },

    nodes(): { id: number; name: string }[] {
      return db.select({ id: nodes.id, name: nodes.name }).from(nodes).orderBy(asc(nodes.name), asc(nodes.id)).all();
    },

    nodeExists(id: number): boolean {
      return db.select({ id: nodes.id }).from(nodes).where(eq(nodes.id, id)).get() !== undefined;
    },

    /** Packed facts (see factSql) of one way of being reached (or of staff), in no particular order. */
    facts(grid: FactGrid, source: FactSource): number[] {
      // all() rather than iterate(): iterating costs twice as much per row.
      return client.prepare(factSql(grid, source)).pluck().all(gridParams(grid)) as number[];
    },

    /** Events (not deleted) by start date: count per cell and kind. */
    eventCounts(grid: FactGrid): { cell: number; kind: string; n: number }[] {
      return client
        .prepare(
          `SELECT ${cellSql(grid, 'node_id', 'starts_at')} AS cell, kind, count(*) AS n FROM events
          WHERE deleted_at IS NULL AND starts_at >= @from AND starts_at < @toExclusive
            AND (@nodeId IS NULL OR node_id = @nodeId)
          GROUP BY cell, kind`,
        )
        .all(gridParams(grid)) as { cell: number; kind: string; n: number }[];
    },

    /**
     * Hours credited to participants for sessions held in the period, per cell of the session's date and its event's
     * node (a trainer's hours are teaching, not training received).
     */
    courseHours(grid: FactGrid): { cell: number; hours: number }[] {
      return client
        .prepare(
          `SELECT ${cellSql(grid, 'e.node_id', 's.starts_at')} AS cell, sum(sa.hours) AS hours
          FROM event_sessions s
          JOIN events e ON e.id = s.event_id AND e.deleted_at IS NULL
          JOIN session_attendances sa ON sa.session_id = s.id
          JOIN attendances a ON a.event_id = e.id AND a.person_id = sa.person_id AND ${PARTICIPANT_SQL}
          WHERE s.starts_at >= @from AND s.starts_at < @toExclusive AND (@nodeId IS NULL OR e.node_id = @nodeId)
          GROUP BY cell`,
        )
        .all(gridParams(grid)) as { cell: number; hours: number }[];
    },

    /** The cell of every interaction (not deleted): counting them in memory spares SQLite a sort of the period. */
    interactionCells(grid: FactGrid): number[] {
      return client
        .prepare(
          `SELECT ${cellSql(grid, 'node_id', 'occurred_at')} FROM interactions
          WHERE deleted_at IS NULL AND occurred_at >= @from AND occurred_at < @toExclusive
            AND (@nodeId IS NULL OR node_id = @nodeId)`,
        )
        .pluck()
        .all(gridParams(grid)) as number[];
    },

    /** Those of the given organisations that are SMEs. */
    smeIds(ids: number[]): number[] {
      if (ids.length === 0) return [];
      return client
        .prepare(`SELECT o.id FROM json_each(?) j JOIN organizations o ON o.id = j.value WHERE ${SME_SQL}`)
        .pluck()
        .all(JSON.stringify(ids)) as number[];
    },

    /** Kind, district, SME status and WZ codes of the given organisations. */
    organizationTraits(ids: number[]): OrganizationTraits[] {
      if (ids.length === 0) return [];
      const list = JSON.stringify(ids);
      const rows = client
        .prepare(
          `SELECT o.id, o.kind, o.district, ${SME_SQL} FROM json_each(?) j JOIN organizations o ON o.id = j.value`,
        )
        .raw()
        .all(list) as [number, string, string | null, number | null][];
      const traits = rows.map(([id, kind, district, sme]) => ({
        id,
        kind,
        district,
        sme: sme === 1,
        sectors: [] as string[],
      }));
      const byId = new Map(traits.map((t) => [t.id, t]));
      const sectors = client
        .prepare(
          'SELECT s.organization_id, s.wz_code FROM json_each(?) j JOIN organization_sectors s ON s.organization_id = j.value',
        )
        .raw()
        .all(list) as [number, string][];
      for (const [id, code] of sectors) byId.get(id)?.sectors.push(code);
      return traits;
    },

    // Snapshots

    createSnapshot(values: {
      label: string;
      from: string;
      to: string;
      nodeId: number | null;
      reachedBy: ReachSource[];
      report: ReachReport;
      createdById: number;
    }): SnapshotRow {
      const row = db
        .insert(reportSnapshots)
        .values({
          label: values.label,
          fromDate: values.from,
          toDate: values.to,
          nodeId: values.nodeId,
          reachedBy: values.reachedBy,
          report: values.report,
          createdById: values.createdById,
        })
        .returning({ id: reportSnapshots.id })
        .get();
      return findSnapshot(row.id) as SnapshotRow;
    },

    findSnapshot,

    /** Snapshots without their reports, but with the reports' totals. */
    listSnapshots(query: {
      page: number;
      pageSize: number;
      sort?: { field: keyof typeof snapshotSort; desc: boolean };
    }): { items: SnapshotSummaryRow[]; total: number } {
      const sort = query.sort ?? { field: 'createdAt', desc: true };
      const column = snapshotSort[sort.field];
      const { report: _, ...columns } = getTableColumns(reportSnapshots);
      const snapshots = db
        .select({
          ...columns,
          total: sql<string>`json_extract(${reportSnapshots.report}, '$.total')`,
          createdByName: users.name,
        })
        .from(reportSnapshots)
        .leftJoin(users, eq(users.id, reportSnapshots.createdById))
        .orderBy(sort.desc ? desc(column) : asc(column), desc(reportSnapshots.id))
        .$dynamic();
      const items = paged(snapshots, query)
        .all()
        .map(({ total, ...row }) => ({ ...row, total: JSON.parse(total) as ReachReport['total'] }));
      return { items, total: countWhere(db, reportSnapshots, undefined) };
    },
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
