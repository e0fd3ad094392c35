import type { UserRow } from '@anett/db/schema';
import { auth } from '@anett/shared/routes/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError, notFound, orNotFound } from '../../lib/errors.ts';
import { actor, requestLanguage } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { secondFactorState } from '../../plugins/auth.ts';
import { Challenges } from './challenges.ts';
import type { FactorsService } from './factors.service.ts';
import { webAuthnSite } from './factors.service.ts';

type Options = {
  ctx: AppContext;
  factorService: FactorsService;
  checkCurrentPassword: (request: FastifyRequest, user: UserRow, password: string) => Promise<void>;
  startSession: (reply: FastifyReply, user: UserRow) => Promise<unknown>;
};

/** A change of the user's own factors, filed in the user's history. */
const factorEntry = (user: UserRow, action: string, diff?: Record<string, unknown>) => ({
  entity: 'user',
  entityId: user.id,
  action,
  ...(diff ? { diff } : {}),
});

/** The user's own second factors (authenticator app, recovery codes, passkeys) and the admins' policy. */
export async function factorsRoutes(
  fastify: FastifyInstance,
  { ctx, factorService, checkCurrentPassword, startSession }: Options,
) {
  const route = describedRoutes(fastify);
  const registrations = new Challenges<{ challenge: string; userId: number }>(5 * 60_000);

  const me = (request: FastifyRequest) => orNotFound(ctx.users.findById(request.user.id), 'user');
  const overview = (user: UserRow) => {
    const totp = ctx.factors.totp(user.id);
    return {
      state: secondFactorState(user, ctx.factors),
      required: ctx.factors.requiredRoles().includes(user.role),
      totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt } : null,
      recoveryCodesLeft: ctx.factors.recoveryCodesLeft(user.id),
      passkeys: ctx.factors.passkeys(user.id).map((p) => ({
        id: p.id,
        name: p.name,
        createdAt: p.createdAt,
        lastUsedAt: p.lastUsedAt,
        backedUp: p.backedUp,
      })),
    };
  };

  /**
   * Adds a factor (`add` writes it; it may throw to refuse) with its audit entry in one transaction: the user's other
   * sessions end (they were opened without it), this browser gets a fresh one, and the first factor comes with
   * recovery codes.
   */
  const enrolled = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    method: string,
    add: () => void,
  ) => {
    const recoveryCodes = await ctx.change(
      actor(request),
      () => {
        add();
        const codes =
          ctx.factors.recoveryCodesLeft(user.id) === 0 ? factorService.newRecoveryCodes(user.id) : undefined;
        ctx.users.revokeSessions(user.id);
        return codes;
      },
      () => factorEntry(user, 'second_factor_added', { method }),
    );
    const fresh = me(request);
    const session = (await startSession(reply, fresh)) as { accessToken: string };
    return { session, ...(recoveryCodes ? { recoveryCodes } : {}) } as never;
  };

  /** Removing the last factor of a role that needs one would lock the user into "enrol now". */
  const assertNotLast = (user: UserRow, remaining: number) => {
    if (remaining === 0 && ctx.factors.requiredRoles().includes(user.role)) {
      throw AppError.of('LAST_SECOND_FACTOR', 'Your role requires a second factor; add another one first');
    }
  };
  /**
   * Removing a factor: the current password again, never the last one a role requires; the user's history records
   * which kind went.
   */
  const removeFactor = async (
    request: FastifyRequest,
    user: UserRow,
    currentPassword: string,
    method: 'totp' | 'passkey',
    remove: () => void,
  ) => {
    await checkCurrentPassword(request, user, currentPassword);
    assertNotLast(user, factorCount(user.id) - 1);
    await ctx.change(actor(request), remove, () => factorEntry(user, 'second_factor_removed', { method }));
    return overview(user);
  };
  const factorCount = (userId: number) =>
    (ctx.factors.totp(userId)?.confirmedAt ? 1 : 0) + ctx.factors.passkeys(userId).length;

  route(auth.factors, 'viewer', async (request) => overview(me(request)));

  route(auth.totpStart, 'viewer', async (request) => {
    const user = me(request);
    if (ctx.factors.totp(user.id)?.confirmedAt) {
      throw AppError.of('TOTP_ALREADY_SET', 'An authenticator app is already set up; remove it first');
    }
    return factorService.startTotp(user);
  });

  route(auth.totpConfirm, 'viewer', async (request, reply) => {
    const user = me(request);
    return enrolled(request, reply, user, 'totp', () => {
      if (!factorService.confirmTotp(user.id, request.body.code)) {
        throw AppError.of('INVALID_CODE', 'The code is wrong; check the time on the phone', {
          errors: [{ field: 'code', message: requestLanguage(request) === 'en' ? 'is wrong' : 'ist falsch' }],
        });
      }
    });
  });

  route(auth.totpDelete, 'viewer', async (request) => {
    const user = me(request);
    if (!ctx.factors.totp(user.id)?.confirmedAt) throw notFound('totp');
    return removeFactor(request, user, request.body.currentPassword, 'totp', () => ctx.factors.deleteTotp(user.id));
  });

  route(auth.recoveryCodes, 'viewer', async (request) => {
    const user = me(request);
    if (factorCount(user.id) === 0) {
      throw AppError.of('NO_SECOND_FACTOR', 'Recovery codes come with a second factor; set one up first');
    }
    await checkCurrentPassword(request, user, request.body.currentPassword);
    const recoveryCodes = await ctx.change(
      actor(request),
      () => factorService.newRecoveryCodes(user.id),
      () => factorEntry(user, 'recovery_codes_renewed'),
    );
    return { recoveryCodes };
  });

  route(auth.passkeyAddOptions, 'viewer', async (request) => {
    const user = me(request);
    const options = await factorService.registrationOptions(user, webAuthnSite(request, ctx.config));
    const ceremony = registrations.create({ challenge: options.challenge, userId: user.id });
    return { ceremony, options: options as unknown as Record<string, unknown> };
  });

  route(auth.passkeyAdd, 'viewer', async (request, reply) => {
    const user = me(request);
    const ceremony = registrations.take(request.body.ceremony);
    if (!ceremony || ceremony.userId !== user.id) {
      throw AppError.of('PASSKEY_CEREMONY_EXPIRED', 'Adding the passkey took too long; please try again', {
        errors: [{ field: 'ceremony', message: 'expired' }],
      });
    }
    const credential = await factorService.verifyRegistration(
      request.body.response,
      ceremony.challenge,
      webAuthnSite(request, ctx.config),
    );
    if (!credential) {
      throw new AppError('PASSKEY_NOT_ACCEPTED', 400, 'The passkey could not be verified', {
        errors: [{ field: 'response', message: 'was not accepted' }],
      });
    }
    if (ctx.factors.passkeyByCredential(credential.credentialId)) {
      throw AppError.of('PASSKEY_EXISTS', 'This passkey is already registered');
    }
    return enrolled(request, reply, user, 'passkey', () =>
      ctx.factors.addPasskey({ ...credential, userId: user.id, name: request.body.name }),
    );
  });

  route(auth.passkeyDelete, 'viewer', async (request) => {
    const user = me(request);
    if (!ctx.factors.passkeys(user.id).some((p) => p.id === request.params.id)) throw notFound('passkey');
    return removeFactor(request, user, request.body.currentPassword, 'passkey', () =>
      ctx.factors.deletePasskey(user.id, request.params.id),
    );
  });

  route(auth.policy, 'admin', async () => ({ secondFactorRoles: ctx.factors.requiredRoles() }));

  route(auth.setPolicy, 'admin', async (request) => {
    const before = ctx.factors.requiredRoles();
    const roles = [...new Set(request.body.secondFactorRoles)];
    await ctx.change(
      actor(request),
      () => ctx.factors.setRequiredRoles(roles),
      () => ({ entity: 'auth_policy', action: 'update', diff: { secondFactorRoles: [before, roles] } }),
    );
    return { secondFactorRoles: roles };
  });
}
