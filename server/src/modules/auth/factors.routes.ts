import {
  authPolicy,
  currentPasswordBody,
  enrolmentResult,
  factorsOverview,
  passkeyOptionsResponse,
  passkeyRegisterBody,
  recoveryCodesResult,
  totpConfirmBody,
  totpSetup,
} from '@anett/shared/schemas/auth';
import { idParams } from '@anett/shared/schemas/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { actor, requestLanguage } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { secondFactorState } from '../../plugins/auth.ts';
import type { UserRow } from '../users/users.repository.ts';
import { Challenges } from './challenges.ts';
import type { FactorsService } from './factors.service.ts';
import { webAuthnSite } from './factors.service.ts';

type Options = {
  ctx: AppContext;
  factorService: FactorsService;
  checkCurrentPassword: (request: FastifyRequest, user: UserRow, password: string) => Promise<void>;
  startSession: (reply: FastifyReply, user: UserRow) => Promise<unknown>;
};

const tags = ['auth'];
/** Usable in the "enrol now" state: the user's own factors. */
const own = { access: 'viewer', enrolment: true } as const;

/** The user's own second factors (authenticator app, recovery codes, passkeys) and the admins' policy. */
export async function factorsRoutes(
  fastify: FastifyInstance,
  { ctx, factorService, checkCurrentPassword, startSession }: Options,
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const registrations = new Challenges<{ challenge: string; userId: number }>(5 * 60_000);

  const me = (request: FastifyRequest) => {
    const user = ctx.users.findById(request.user.id);
    if (!user) throw notFound('user');
    return user;
  };
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
   * A factor was added: the user's other sessions end (they were opened without it), this browser gets a fresh one,
   * and the first factor comes with recovery codes.
   */
  const enrolled = async (request: FastifyRequest, reply: FastifyReply, user: UserRow, method: string) => {
    const recoveryCodes = await ctx.write(() => {
      const codes = ctx.factors.recoveryCodesLeft(user.id) === 0 ? factorService.newRecoveryCodes(user.id) : undefined;
      ctx.users.revokeSessions(user.id);
      ctx.audit.record({
        ...actor(request),
        entity: 'user',
        entityId: user.id,
        action: 'second_factor_added',
        diff: { method },
      });
      return codes;
    });
    const fresh = me(request);
    const session = (await startSession(reply, fresh)) as { accessToken: string };
    return { session, ...(recoveryCodes ? { recoveryCodes } : {}) } as never;
  };

  /** Removing the last factor of a role that needs one would lock the user into "enrol now". */
  const assertNotLast = (user: UserRow, remaining: number) => {
    if (remaining === 0 && ctx.factors.requiredRoles().includes(user.role)) {
      throw new AppError('LAST_SECOND_FACTOR', 409, 'Your role requires a second factor; add another one first');
    }
  };
  const factorCount = (userId: number) =>
    (ctx.factors.totp(userId)?.confirmedAt ? 1 : 0) + ctx.factors.passkeys(userId).length;

  app.get(
    '/api/auth/factors',
    {
      config: own,
      schema: { tags, summary: 'The own second factors', response: { 200: factorsOverview, ...errorResponses(401) } },
    },
    async (request) => overview(me(request)),
  );

  app.post(
    '/api/auth/factors/totp',
    {
      config: own,
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a secret and its QR code (confirm with a first code)',
        response: { 200: totpSetup, ...errorResponses(401, 409) },
      },
    },
    async (request) => {
      const user = me(request);
      if (ctx.factors.totp(user.id)?.confirmedAt) {
        throw new AppError('TOTP_ALREADY_SET', 409, 'An authenticator app is already set up; remove it first');
      }
      return factorService.startTotp(user);
    },
  );

  app.post(
    '/api/auth/factors/totp/confirm',
    {
      config: own,
      schema: {
        tags,
        summary: 'Confirm the authenticator app with its current code; ends other sessions, returns a new one',
        body: totpConfirmBody,
        response: { 200: enrolmentResult, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const user = me(request);
      const ok = await ctx.write(() => factorService.confirmTotp(user.id, request.body.code));
      if (!ok) {
        throw new AppError('INVALID_CODE', 400, 'The code is wrong; check the time on the phone', {
          errors: [{ field: 'code', message: requestLanguage(request) === 'en' ? 'is wrong' : 'ist falsch' }],
        });
      }
      return enrolled(request, reply, user, 'totp');
    },
  );

  app.post(
    '/api/auth/factors/totp/delete',
    {
      config: own,
      schema: {
        tags,
        summary: 'Remove the authenticator app (needs the current password)',
        body: currentPasswordBody,
        response: { 200: factorsOverview, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request) => {
      const user = me(request);
      if (!ctx.factors.totp(user.id)?.confirmedAt) throw notFound('totp');
      await checkCurrentPassword(request, user, request.body.currentPassword);
      assertNotLast(user, factorCount(user.id) - 1);
      await ctx.write(() => {
        ctx.factors.deleteTotp(user.id);
        ctx.audit.record({
          ...actor(request),
          entity: 'user',
          entityId: user.id,
          action: 'second_factor_removed',
          diff: { method: 'totp' },
        });
      });
      return overview(user);
    },
  );

  app.post(
    '/api/auth/factors/recovery-codes',
    {
      config: own,
      schema: {
        tags,
        summary: 'Ten new recovery codes (the old ones stop working; needs the current password)',
        body: currentPasswordBody,
        response: { 200: recoveryCodesResult, ...errorResponses(400, 401, 409, 429) },
      },
    },
    async (request) => {
      const user = me(request);
      if (factorCount(user.id) === 0) {
        throw new AppError('NO_SECOND_FACTOR', 409, 'Recovery codes come with a second factor; set one up first');
      }
      await checkCurrentPassword(request, user, request.body.currentPassword);
      const recoveryCodes = await ctx.write(() => {
        ctx.audit.record({ ...actor(request), entity: 'user', entityId: user.id, action: 'recovery_codes_renewed' });
        return factorService.newRecoveryCodes(user.id);
      });
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/auth/factors/passkeys/options',
    {
      config: own,
      schema: {
        tags,
        summary: 'Start adding a passkey: options for navigator.credentials.create()',
        response: { 200: passkeyOptionsResponse, ...errorResponses(401) },
      },
    },
    async (request) => {
      const user = me(request);
      const options = await factorService.registrationOptions(user, webAuthnSite(request, ctx.config));
      const ceremony = registrations.create({ challenge: options.challenge, userId: user.id });
      return { ceremony, options: options as unknown as Record<string, unknown> };
    },
  );

  app.post(
    '/api/auth/factors/passkeys',
    {
      config: own,
      schema: {
        tags,
        summary: 'Finish adding a passkey; ends other sessions, returns a new one',
        body: passkeyRegisterBody,
        response: { 200: enrolmentResult, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const user = me(request);
      const ceremony = registrations.take(request.body.ceremony);
      if (!ceremony || ceremony.userId !== user.id) {
        throw new AppError('PASSKEY_CEREMONY_EXPIRED', 400, 'Adding the passkey took too long; please try again', {
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
        throw new AppError('PASSKEY_EXISTS', 409, 'This passkey is already registered');
      }
      await ctx.write(() => ctx.factors.addPasskey({ ...credential, userId: user.id, name: request.body.name }));
      return enrolled(request, reply, user, 'passkey');
    },
  );

  app.post(
    '/api/auth/factors/passkeys/:id/delete',
    {
      config: own,
      schema: {
        tags,
        summary: 'Remove a passkey (needs the current password)',
        params: idParams,
        body: currentPasswordBody,
        response: { 200: factorsOverview, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request) => {
      const user = me(request);
      if (!ctx.factors.passkeys(user.id).some((p) => p.id === request.params.id)) throw notFound('passkey');
      await checkCurrentPassword(request, user, request.body.currentPassword);
      assertNotLast(user, factorCount(user.id) - 1);
      await ctx.write(() => {
        ctx.factors.deletePasskey(user.id, request.params.id);
        ctx.audit.record({
          ...actor(request),
          entity: 'user',
          entityId: user.id,
          action: 'second_factor_removed',
          diff: { method: 'passkey' },
        });
      });
      return overview(user);
    },
  );

  app.get(
    '/api/auth/policy',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Which roles must use a second factor',
        response: { 200: authPolicy, ...errorResponses(401, 403) },
      },
    },
    async () => ({ secondFactorRoles: ctx.factors.requiredRoles() }),
  );

  app.put(
    '/api/auth/policy',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set which roles must use a second factor (their members without one are led to set one up)',
        body: authPolicy,
        response: { 200: authPolicy, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const before = ctx.factors.requiredRoles();
      const roles = [...new Set(request.body.secondFactorRoles)];
      await ctx.write(() => {
        ctx.factors.setRequiredRoles(roles);
        ctx.audit.record({
          ...actor(request),
          entity: 'auth_policy',
          action: 'update',
          diff: { secondFactorRoles: [before, roles] },
        });
      });
      return { secondFactorRoles: roles };
    },
  );
}
