import type { Db } from '@anett/db/client';
import { auditEntries } from '@anett/db/schema';
import { sql } from 'drizzle-orm';
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
