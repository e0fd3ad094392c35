import type { Db } from '@anett/db/client';
import { refreshTokens, type UserRow, users } from '@anett/db/schema';
import type { Role } from '@anett/shared/schemas/auth';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { contains, countWhere, pageOfTable } from '../../lib/listing.ts';
import { updateAtVersion } from '../../lib/rows.ts';
import { nowIso } from '../../lib/time.ts';

const sortColumns = {
  name: users.name,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
} as const;

export function createUsersRepository(db: Db) {
  const byId = db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, sql.placeholder('id')) }).prepare();
  return {
    findById(id: number): UserRow | undefined {
      return byId.get({ id });
    },
    findByEmail(email: string): UserRow | undefined {
      return db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).get();
    },
    count(): number {
      return countWhere(db, users, undefined);
    },
    list(query: { page: number; pageSize: number; sort?: { field: string; desc: boolean }; q?: string; role?: Role }) {
      const conditions = [];
      if (query.role) conditions.push(eq(users.role, query.role));
      if (query.q) {
        conditions.push(or(contains(users.name, query.q), contains(users.email, query.q)));
      }
      const where = conditions.length ? and(...conditions) : undefined;
      const column = sortColumns[(query.sort?.field ?? 'name') as keyof typeof sortColumns];
      const order = [query.sort?.desc ? desc(column) : asc(column), asc(users.id)];
      const { rows, total } = pageOfTable(db, users, where, order, query);
      return { items: rows, total };
    },
    create(values: { email: string; name: string; role: Role; passwordHash: string }): UserRow {
      return db.insert(users).values(values).returning().get();
    },
    /** Optimistic update: returns undefined when the version no longer matches. */
    update(id: number, version: number, values: Partial<Pick<UserRow, 'name' | 'role' | 'active' | 'passwordHash'>>) {
      return updateAtVersion(db, users, id, version, values);
    },
    /** Ends every session of the user: access tokens by version, refresh tokens by revocation. */
    revokeSessions(id: number, extra: Partial<Pick<UserRow, 'passwordHash'>> = {}) {
      const at = nowIso();
      db.transaction((tx) => {
        tx.update(users)
          .set({ ...extra, tokenVersion: sql`${users.tokenVersion} + 1` })
          .where(eq(users.id, id))
          .run();
        tx.update(refreshTokens)
          .set({ revokedAt: at })
          .where(and(eq(refreshTokens.userId, id), sql`${refreshTokens.revokedAt} IS NULL`))
          .run();
      });
    },
    /** A refresh-token family ended by logout, theft detection or a security change: its access tokens end too. */
    familyRevoked(familyId: string): boolean {
      return (
        db.$client
          .prepare('SELECT 1 FROM refresh_tokens WHERE family_id = ? AND revoked_at IS NOT NULL LIMIT 1')
          .get(familyId) !== undefined
      );
    },
    /** A refresh token is stored as its SHA-256 only. */
    addRefreshToken(values: Omit<typeof refreshTokens.$inferInsert, 'id'>) {
      db.insert(refreshTokens).values(values).run();
    },
    refreshTokenByHash(tokenHash: string) {
      return db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).get();
    },
    markRefreshTokenUsed(id: number) {
      db.update(refreshTokens).set({ usedAt: nowIso() }).where(eq(refreshTokens.id, id)).run();
    },
    revokeFamily(familyId: string) {
      db.update(refreshTokens)
        .set({ revokedAt: nowIso() })
        .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
        .run();
    },
    touchLogin(id: number) {
      db.update(users).set({ lastLoginAt: nowIso() }).where(eq(users.id, id)).run();
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
