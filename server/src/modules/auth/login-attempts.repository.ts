import type { Db } from '@anett/db/client';
import { loginAttempts } from '@anett/db/schema';
import { and, count, eq, gt, lt, max, min, sql } from 'drizzle-orm';

export type AttemptKey = { account: string; address: string; device: string | null };
/** Failed and pending attempts in a window: how many, the oldest and the latest (ms). */
export type AttemptCount = { n: number; oldest: number | null; latest: number | null };

/** The attempt ledger behind login throttling (see login-throttle.ts). Call inside a write job. */
export function createLoginAttemptsRepository(db: Db) {
  const counted = (where: ReturnType<typeof and>): AttemptCount => {
    const row = db
      .select({ n: count(), oldest: min(loginAttempts.at), latest: max(loginAttempts.at) })
      .from(loginAttempts)
      .where(where)
      .get();
    return { n: row?.n ?? 0, oldest: row?.oldest ?? null, latest: row?.latest ?? null };
  };
  return {
    byPair: (key: AttemptKey, since: number) =>
      counted(
        and(
          eq(loginAttempts.account, key.account),
          eq(loginAttempts.address, key.address),
          gt(loginAttempts.at, since),
        ),
      ),
    byAccount: (account: string, since: number) =>
      counted(and(eq(loginAttempts.account, account), gt(loginAttempts.at, since))),
    byAddress: (address: string, since: number) =>
      counted(and(eq(loginAttempts.address, address), gt(loginAttempts.at, since))),
    byDevice: (account: string, device: string, since: number) =>
      counted(and(eq(loginAttempts.account, account), eq(loginAttempts.device, device), gt(loginAttempts.at, since))),
    reserve(key: AttemptKey, at: number): number {
      return db
        .insert(loginAttempts)
        .values({ ...key, state: 'pending', at })
        .returning({ id: loginAttempts.id })
        .get().id;
    },
    fail(id: number): void {
      db.update(loginAttempts).set({ state: 'failed' }).where(eq(loginAttempts.id, id)).run();
    },
    /** A success forgets the attempt and the earlier failures of the same address (and device) on the account. */
    succeed(id: number, key: AttemptKey): void {
      db.delete(loginAttempts).where(eq(loginAttempts.id, id)).run();
      db.delete(loginAttempts)
        .where(
          and(
            eq(loginAttempts.account, key.account),
            key.device
              ? sql`(${loginAttempts.address} = ${key.address} OR ${loginAttempts.device} = ${key.device})`
              : eq(loginAttempts.address, key.address),
          ),
        )
        .run();
    },
    prune(before: number): void {
      db.delete(loginAttempts).where(lt(loginAttempts.at, before)).run();
    },
  };
}
export type LoginAttemptsRepository = ReturnType<typeof createLoginAttemptsRepository>;
