import type { Db } from '@anett/db/client';
import { type PasskeyRow, passkeys, recoveryCodes, settings, type TotpRow, totpFactors } from '@anett/db/schema';
import type { Role } from '@anett/shared/schemas/auth';
import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { nowIso } from '../../lib/time.ts';

const SECOND_FACTOR_ROLES = 'secondFactorRoles';

/** Second factors (TOTP, recovery codes, passkeys) and the policy which roles need one. */
export function createFactorsRepository(db: Db, defaultRoles: Role[]) {
  const hasFactorSql = `SELECT EXISTS (SELECT 1 FROM totp_factors WHERE user_id = ? AND confirmed_at IS NOT NULL)
    OR EXISTS (SELECT 1 FROM passkeys WHERE user_id = ?) AS yes`;
  const policy = db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, SECOND_FACTOR_ROLES))
    .prepare();

  return {
    /** A confirmed authenticator app or a passkey. */
    hasSecondFactor(userId: number): boolean {
      const row = db.$client.prepare(hasFactorSql).get(userId, userId) as { yes: number } | undefined;
      return row?.yes === 1;
    },
    requiredRoles(): Role[] {
      return (policy.get()?.value as Role[] | undefined) ?? defaultRoles;
    },
    setRequiredRoles(roles: Role[]): void {
      const at = nowIso();
      db.insert(settings)
        .values({ key: SECOND_FACTOR_ROLES, value: roles, updatedAt: at })
        .onConflictDoUpdate({ target: settings.key, set: { value: roles, updatedAt: at } })
        .run();
    },

    totp(userId: number): TotpRow | undefined {
      return db.select().from(totpFactors).where(eq(totpFactors.userId, userId)).get();
    },
    /** Starts (or restarts) an enrolment; only an unconfirmed secret is replaced. */
    startTotp(userId: number, secret: string): void {
      db.delete(totpFactors)
        .where(and(eq(totpFactors.userId, userId), isNull(totpFactors.confirmedAt)))
        .run();
      db.insert(totpFactors).values({ userId, secret, createdAt: nowIso() }).run();
    },
    confirmTotp(userId: number, step: number): void {
      db.update(totpFactors).set({ confirmedAt: nowIso(), lastStep: step }).where(eq(totpFactors.userId, userId)).run();
    },
    /** Records the time step a code was accepted for; false when it was already used (a replay). */
    useTotpStep(userId: number, step: number): boolean {
      const res = db
        .update(totpFactors)
        .set({ lastStep: step })
        .where(
          and(
            eq(totpFactors.userId, userId),
            isNotNull(totpFactors.confirmedAt),
            sql`coalesce(${totpFactors.lastStep}, -1) < ${step}`,
          ),
        )
        .run();
      return res.changes === 1;
    },
    deleteTotp(userId: number): void {
      db.delete(totpFactors).where(eq(totpFactors.userId, userId)).run();
    },

    unusedRecoveryCodes(userId: number) {
      return db
        .select()
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
        .all();
    },
    recoveryCodesLeft(userId: number): number {
      return (
        db
          .select({ n: count() })
          .from(recoveryCodes)
          .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
          .get()?.n ?? 0
      );
    },
    replaceRecoveryCodes(userId: number, codes: { salt: string; codeHash: string }[]): void {
      db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
      const at = nowIso();
      if (codes.length)
        db.insert(recoveryCodes)
          .values(codes.map((c) => ({ ...c, userId, createdAt: at })))
          .run();
    },
    /** Marks a code used; false when it was used in the meantime. */
    useRecoveryCode(id: number): boolean {
      return (
        db
          .update(recoveryCodes)
          .set({ usedAt: nowIso() })
          .where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt)))
          .run().changes === 1
      );
    },

    passkeys(userId: number): PasskeyRow[] {
      return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.id)).all();
    },
    passkeyByCredential(credentialId: string): PasskeyRow | undefined {
      return db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId)).get();
    },
    addPasskey(values: Omit<typeof passkeys.$inferInsert, 'id' | 'createdAt'>): PasskeyRow {
      return db
        .insert(passkeys)
        .values({ ...values, createdAt: nowIso() })
        .returning()
        .get();
    },
    usePasskey(id: number, counter: number): void {
      db.update(passkeys).set({ counter, lastUsedAt: nowIso() }).where(eq(passkeys.id, id)).run();
    },
    deletePasskey(userId: number, id: number): boolean {
      return (
        db
          .delete(passkeys)
          .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
          .run().changes === 1
      );
    },

    /** An admin's reset: every factor and recovery code of the user goes. */
    resetAll(userId: number): void {
      db.delete(totpFactors).where(eq(totpFactors.userId, userId)).run();
      db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
      db.delete(passkeys).where(eq(passkeys.userId, userId)).run();
    },
  };
}
export type FactorsRepository = ReturnType<typeof createFactorsRepository>;
