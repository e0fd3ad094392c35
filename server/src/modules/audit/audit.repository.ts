import type { Db } from '@anett/db/client';
import { auditEntries, users } from '@anett/db/schema';
import type { HistoryEntry } from '@anett/shared/schemas/history';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { nowIso } from '../../lib/time.ts';

export type AuditInput = {
  userId: number | null;
  entity: string;
  entityId?: number | null;
  action: string;
  diff?: unknown;
  requestId?: string;
  ip?: string;
};

/** Who did it (the user, or null for the system; the request it came with), for every audit entry. */
export type Actor = Omit<AuditInput, 'entity' | 'entityId' | 'action' | 'diff'>;
/** An actor that is a logged-in user (imports and e-mail drops belong to one). */
export type UserActor = Actor & { userId: number };
/** What one audit entry says about a change (the actor is added by `ctx.change`). */
export type AuditEntry = Pick<AuditInput, 'entity' | 'entityId' | 'action' | 'diff'>;

/** Field-by-field difference of two records as {field: [before, after]}; unchanged fields are left out. */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  const skip = new Set(['version', 'updatedAt', 'createdAt']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    if (skip.has(k)) continue;
    const a = before?.[k] ?? null;
    const b = after?.[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) diff[k] = [a, b];
  }
  return diff;
}

export function createAuditRepository(db: Db) {
  const insert = db
    .insert(auditEntries)
    .values({
      at: sql.placeholder('at'),
      userId: sql.placeholder('userId'),
      entity: sql.placeholder('entity'),
      entityId: sql.placeholder('entityId'),
      action: sql.placeholder('action'),
      diff: sql.placeholder('diff'),
      requestId: sql.placeholder('requestId'),
      ip: sql.placeholder('ip'),
    })
    .prepare();
  return {
    record(entry: AuditInput): void {
      insert.run({
        at: nowIso(),
        userId: entry.userId,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        action: entry.action,
        diff: entry.diff ?? null,
        requestId: entry.requestId ?? null,
        ip: entry.ip ?? null,
      });
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** A table whose rows can be merged into another row of it (persons, organisations). */
type Mergeable = SQLiteTable & { id: AnySQLiteColumn; mergedIntoId: AnySQLiteColumn };

/**
 * The change history of a record and of every record merged into it (followed through any number of merges), newest
 * first: `{field: [before, after]}` pairs of the audit diff become changes, anything else stays as details.
 */
export function readHistory(db: Db, entity: string, table: Mergeable, id: number, limit = 500): HistoryEntry[] {
  const ids = sql`(WITH RECURSIVE merged(id) AS (
      SELECT ${id} UNION SELECT ${table.id} FROM ${table} JOIN merged ON ${table.mergedIntoId} = merged.id
    ) SELECT id FROM merged)`;
  return db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      action: auditEntries.action,
      entityId: auditEntries.entityId,
      diff: auditEntries.diff,
      userId: auditEntries.userId,
      userName: users.name,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .where(and(eq(auditEntries.entity, entity), inArray(auditEntries.entityId, ids)))
    .orderBy(desc(auditEntries.id))
    .limit(limit)
    .all()
    .map((row) => {
      const changes: HistoryEntry['changes'] = [];
      const details: Record<string, unknown> = {};
      if (row.diff && typeof row.diff === 'object' && !Array.isArray(row.diff)) {
        for (const [field, value] of Object.entries(row.diff)) {
          if (Array.isArray(value) && value.length === 2) changes.push({ field, before: value[0], after: value[1] });
          else details[field] = value;
        }
      }
      return {
        id: row.id,
        at: row.at,
        action: row.action,
        entityId: row.entityId,
        user: row.userId === null || row.userName === null ? null : { id: row.userId, name: row.userName },
        changes,
        ...(Object.keys(details).length ? { details } : {}),
      };
    });
}
