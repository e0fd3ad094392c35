import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { UserRow } from '@anett/db/schema';
import type { LoginResponse } from '@anett/shared/schemas/auth';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { nowIso } from '../../lib/time.ts';
import { toSessionUser } from '../../plugins/auth.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type Session = LoginResponse & { refreshToken: string };

/** Access tokens (short JWT carrying the user's token version) and rotating refresh tokens. */
export function createAuthService(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx;

  function issue(user: UserRow, familyId: string): Session {
    const refreshToken = randomBytes(32).toString('base64url');
    ctx.users.addRefreshToken({
      userId: user.id,
      tokenHash: sha256(refreshToken),
      familyId,
      expiresAt: new Date(Date.now() + config.refreshTokenTtl * 1000).toISOString(),
      createdAt: nowIso(),
    });
    const accessToken = app.jwt.sign({ sub: String(user.id), tv: user.tokenVersion, fam: familyId });
    return {
      accessToken,
      expiresIn: config.accessTokenTtl,
      refreshToken,
      user: toSessionUser(user, ctx.factors),
    };
  }

  return {
    startSession(user: UserRow): Session {
      return issue(user, randomUUID());
    },

    /**
     * Rotates a refresh token. A token used twice means it was stolen: the whole family is revoked, and with it the
     * family's access tokens (they carry the family id).
     */
    refresh(token: string | undefined): Session {
      const invalid = AppError.of('INVALID_REFRESH_TOKEN', 'Session expired; please log in again');
      if (!token || token.length > 200) throw invalid;
      // Returning instead of throwing inside the transaction keeps a replay's revocation committed.
      const session = db.transaction(
        () => {
          const row = ctx.users.refreshTokenByHash(sha256(token));
          if (!row) return undefined;
          if (row.usedAt || row.revokedAt) {
            ctx.users.revokeFamily(row.familyId);
            return undefined;
          }
          const user = ctx.users.findById(row.userId);
          if (row.expiresAt <= nowIso() || !user?.active) return undefined;
          ctx.users.markRefreshTokenUsed(row.id);
          return issue(user, row.familyId);
        },
        { behavior: 'immediate' },
      );
      if (!session) throw invalid;
      return session;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
