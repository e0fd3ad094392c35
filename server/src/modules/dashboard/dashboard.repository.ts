import type { Db } from '@anett/db/client';
import { auditEntries, users } from '@anett/db/schema';
import { desc, eq, notInArray } from 'drizzle-orm';

/** Display name of a record per audited entity, as SQL over the row `r` (joined tables as named). */
const LABEL_SQL: Record<string, string> = {
  person: `SELECT r.id, trim(coalesce(r.title || ' ', '') || r.first_name || ' ' || r.last_name) AS label FROM persons r`,
  organization: 'SELECT r.id, r.name AS label FROM organizations r',
  event: 'SELECT r.id, r.title AS label FROM events r',
  interaction: 'SELECT r.id, r.subject AS label FROM interactions r',
  node: 'SELECT r.id, r.name AS label FROM nodes r',
  network: 'SELECT r.id, r.name AS label FROM networks r',
  relation: 'SELECT r.id, o.name AS label FROM relations r JOIN organizations o ON o.id = r.organization_id',
  attendance: `SELECT r.id, trim(coalesce(p.title || ' ', '') || p.first_name || ' ' || p.last_name) || ' – ' || e.title AS label
    FROM attendances r JOIN persons p ON p.id = r.person_id JOIN events e ON e.id = r.event_id`,
  event_session: `SELECT r.id, e.title || coalesce(' – ' || r.title, '') AS label
    FROM event_sessions r JOIN events e ON e.id = r.event_id`,
  tag: 'SELECT r.id, r.name AS label FROM tags r',
  topic: 'SELECT r.id, r.label AS label FROM topics r',
  segment: 'SELECT r.id, r.name AS label FROM segments r',
  report_snapshot: 'SELECT r.id, r.label AS label FROM report_snapshots r',
};

/** Audit entries that are not activity in the network: sign-ins and user administration. */
const NOT_ACTIVITY = ['auth', 'user'];

export function createDashboardRepository(db: Db) {
  const client = db.$client;
  return {
    /** The latest audit entries of the network's records, newest first, with the user's name. */
    recentAudit(limit: number) {
      return db
        .select({
          id: auditEntries.id,
          at: auditEntries.at,
          userId: auditEntries.userId,
          userName: users.name,
          entity: auditEntries.entity,
          entityId: auditEntries.entityId,
          action: auditEntries.action,
        })
        .from(auditEntries)
        .leftJoin(users, eq(users.id, auditEntries.userId))
        .where(notInArray(auditEntries.entity, NOT_ACTIVITY))
        .orderBy(desc(auditEntries.id))
        .limit(limit)
        .all();
    },

    /** Display names of records of one entity (ids not found or of unknown entities are left out). */
    labels(entity: string, ids: number[]): Map<number, string> {
      const select = LABEL_SQL[entity];
      if (!select || ids.length === 0) return new Map();
      const rows = client
        .prepare(`${select} WHERE r.id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids)) as { id: number; label: string | null }[];
      return new Map(rows.filter((r) => r.label !== null).map((r) => [r.id, r.label as string]));
    },

    /** Events (not deleted) starting in [from, toExclusive). */
    countEvents(from: string, toExclusive: string): number {
      return client
        .prepare('SELECT count(*) FROM events WHERE deleted_at IS NULL AND starts_at >= ? AND starts_at < ?')
        .pluck()
        .get(from, toExclusive) as number;
    },

    /** Interactions (not deleted) in [from, toExclusive). */
    countInteractions(from: string, toExclusive: string): number {
      return client
        .prepare('SELECT count(*) FROM interactions WHERE deleted_at IS NULL AND occurred_at >= ? AND occurred_at < ?')
        .pluck()
        .get(from, toExclusive) as number;
    },
  };
}
export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
