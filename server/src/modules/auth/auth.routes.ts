import type { UserRow } from '@anett/db/schema';
import { auth } from '@anett/shared/routes/auth';
import type { LoginResult, SecondFactorMethod } from '@anett/shared/schemas/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { assertAcceptablePassword, hashPassword, passwordRefused, verifyPassword } from '../../lib/passwords.ts';
import { actor, requestLanguage } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { createAuthService, type Session } from './auth.service.ts';
import { Challenges } from './challenges.ts';
import { accountKey, createDeviceCookies, DEVICE_COOKIE, DEVICE_TTL_SECONDS } from './device-cookie.ts';
import { factorsRoutes } from './factors.routes.ts';
import { createFactorsService, webAuthnSite } from './factors.service.ts';
import { LOGIN_POLICY, type Reservation, SESSION_CHECK_POLICY } from './login-throttle.ts';

export const REFRESH_COOKIE = 'anett_rt';
const AUTH_PATH = '/api/auth';
/** A login waits this long for its second factor; five wrong codes end it. */
const SECOND_FACTOR_TTL = 5 * 60_000;
const SECOND_FACTOR_TRIES = 5;

type PendingLogin = { userId: number; tokenVersion: number; failures: number; method: string };
type Ceremony = { challenge: string; pendingLogin?: string };

const tooMany = (retryAfter: number) =>
  AppError.of('TOO_MANY_ATTEMPTS', `Too many attempts; try again in ${retryAfter} seconds`, {
    headers: { 'retry-after': String(retryAfter) },
  });
const invalidCredentials = () => AppError.of('INVALID_CREDENTIALS', 'E-mail or password is wrong');
const secondFactorExpired = () =>
  AppError.of('SECOND_FACTOR_EXPIRED', 'The login has expired; please enter your password again');

export async function authRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
  const sessions = createAuthService(fastify, ctx);
  const factorService = createFactorsService(ctx.factors, ctx.config);
  const devices = createDeviceCookies(ctx.config.jwtSecret);
  const pendingLogins = new Challenges<PendingLogin>(SECOND_FACTOR_TTL);
  const ceremonies = new Challenges<Ceremony>(SECOND_FACTOR_TTL);
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure ?? 'auto',
    path: AUTH_PATH,
  };

  const sendSession = (reply: FastifyReply, session: Session) => {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, { ...cookieOptions, maxAge: ctx.config.refreshTokenTtl });
    const { refreshToken: _, ...body } = session;
    return body;
  };

  /** Reserves a check in the attempt ledger (one transaction), or refuses with 429. */
  const reserve = async (key: Parameters<AppContext['loginThrottle']['reserve']>[0], policy = LOGIN_POLICY) => {
    const reservation: Reservation = await ctx.write(() => ctx.loginThrottle.reserve(key, policy));
    if (!reservation.ok) throw tooMany(reservation.retryAfter);
    return reservation;
  };

  /** The full login: a session, the device remembered, the login audited. */
  const finishLogin = async (request: FastifyRequest, reply: FastifyReply, user: UserRow, method: string) => {
    const session = await ctx.write(() => {
      ctx.users.touchLogin(user.id);
      ctx.audit.record({
        ...actor(request),
        userId: user.id,
        entity: 'auth',
        entityId: user.id,
        action: 'login',
        diff: { method },
      });
      return sessions.startSession(user);
    });
    reply.setCookie(DEVICE_COOKIE, devices.issue(accountKey(user.email)), {
      ...cookieOptions,
      path: `${AUTH_PATH}/login`,
      maxAge: DEVICE_TTL_SECONDS,
    });
    return sendSession(reply, session);
  };

  const methodsOf = (userId: number): SecondFactorMethod[] => [
    ...(ctx.factors.totp(userId)?.confirmedAt ? (['totp'] as const) : []),
    ...(ctx.factors.passkeys(userId).length ? (['passkey'] as const) : []),
    ...(ctx.factors.recoveryCodesLeft(userId) ? (['recovery'] as const) : []),
  ];

  const pendingUser = (challenge: string | undefined) => {
    const pending = pendingLogins.get(challenge);
    const user = pending && ctx.users.findById(pending.userId);
    if (!pending || !user?.active || user.tokenVersion !== pending.tokenVersion) throw secondFactorExpired();
    return { pending, user };
  };

  route(auth.login, 'public', async (request, reply): Promise<LoginResult> => {
    const { email, password } = request.body;
    const account = accountKey(email);
    const device = devices.deviceFor(request.cookies[DEVICE_COOKIE], account);
    const reservation = await reserve({ account, address: request.ip, device });
    const user = ctx.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash, password).catch(() => false);
    if (!ok || !user?.active) {
      await ctx.write(() => {
        ctx.loginThrottle.fail(reservation);
        ctx.audit.record({ ...actor(request), entity: 'auth', action: 'login_failed', diff: { email } });
      });
      throw invalidCredentials();
    }
    await ctx.write(() => ctx.loginThrottle.succeed(reservation));
    const methods = methodsOf(user.id);
    if (methods.length === 0) return finishLogin(request, reply, user, 'password');
    const challenge = pendingLogins.create({
      userId: user.id,
      tokenVersion: user.tokenVersion,
      failures: 0,
      method: 'password',
    });
    return { secondFactor: { challenge, methods, expiresIn: SECOND_FACTOR_TTL / 1000 } };
  });

  route(auth.secondFactor, 'public', async (request, reply) => {
    const { challenge, method, code } = request.body;
    const { pending, user } = pendingUser(challenge);
    const reservation = await reserve(
      { account: `2fa:${user.id}`, address: request.ip, device: null },
      SESSION_CHECK_POLICY,
    );
    const ok = await ctx.write(() => {
      const valid =
        method === 'totp' ? factorService.verifyTotp(user.id, code) : factorService.useRecoveryCode(user.id, code);
      if (valid) ctx.loginThrottle.succeed(reservation);
      else {
        ctx.loginThrottle.fail(reservation);
        ctx.audit.record({
          ...actor(request),
          userId: user.id,
          entity: 'auth',
          entityId: user.id,
          action: 'second_factor_failed',
          diff: { method },
        });
      }
      return valid;
    });
    if (!ok) {
      if (++pending.failures >= SECOND_FACTOR_TRIES) pendingLogins.delete(challenge);
      throw AppError.of('INVALID_CODE', 'The code is wrong or was already used', {
        errors: [{ field: 'code', message: requestLanguage(request) === 'en' ? 'is wrong' : 'ist falsch' }],
      });
    }
    pendingLogins.delete(challenge);
    return finishLogin(request, reply, user, `${pending.method}+${method}`);
  });

  route(auth.passkeyOptions, 'public', async (request) => {
    const forUser = request.body.challenge === undefined ? undefined : pendingUser(request.body.challenge).user.id;
    const options = await factorService.authenticationOptions(webAuthnSite(request, ctx.config), forUser);
    const ceremony = ceremonies.create({ challenge: options.challenge, pendingLogin: request.body.challenge });
    return { ceremony, options: options as unknown as Record<string, unknown> };
  });

  route(auth.passkeyLogin, 'public', async (request, reply) => {
    const ceremony = ceremonies.take(request.body.ceremony);
    if (!ceremony || ceremony.pendingLogin !== request.body.challenge) throw secondFactorExpired();
    const pending = ceremony.pendingLogin === undefined ? undefined : pendingUser(ceremony.pendingLogin);
    // Alone, the passkey must have verified the user (PIN, fingerprint): it is then two factors in one.
    const result = await factorService.verifyAuthentication(
      request.body.response,
      ceremony.challenge,
      webAuthnSite(request, ctx.config),
      pending === undefined,
    );
    const user = result && ctx.users.findById(result.passkey.userId);
    if (!result || !user?.active || (pending && pending.user.id !== user.id)) {
      ctx.audit.record({ ...actor(request), entity: 'auth', action: 'passkey_failed' });
      throw new AppError('PASSKEY_NOT_ACCEPTED', 401, 'The passkey was not accepted');
    }
    await ctx.write(() => ctx.factors.usePasskey(result.passkey.id, result.counter));
    if (pending) pendingLogins.delete(ceremony.pendingLogin as string);
    return finishLogin(request, reply, user, pending ? `${pending.pending.method}+passkey` : 'passkey');
  });

  route(auth.refresh, 'public', async (request, reply) => {
    assertSameSite(request, ctx.config.publicOrigin);
    try {
      return sendSession(reply, sessions.refresh(request.cookies[REFRESH_COOKIE]));
    } catch (err) {
      reply.clearCookie(REFRESH_COOKIE, { path: AUTH_PATH });
      throw err;
    }
  });

  route(auth.logout, 'viewer', async (request, reply) => {
    await ctx.write(() => {
      ctx.users.revokeSessions(request.user.id);
      ctx.audit.record({ ...actor(request), entity: 'auth', entityId: request.user.id, action: 'logout' });
    });
    reply.clearCookie(REFRESH_COOKIE, { path: AUTH_PATH });
    return reply.code(204).send(null);
  });

  route(auth.me, 'viewer', async (request) => request.user);

  route(auth.changePassword, 'viewer', async (request, reply) => {
    const user = ctx.users.findById(request.user.id);
    if (!user) throw AppError.of('USER_NOT_FOUND');
    const { currentPassword, newPassword } = request.body;
    await checkCurrentPassword(request, user, currentPassword);
    const language = requestLanguage(request);
    const hasSecondFactor = ctx.factors.hasSecondFactor(user.id);
    await assertAcceptablePassword(newPassword, { ...user, hasSecondFactor, field: 'newPassword', language });
    if (await verifyPassword(user.passwordHash, newPassword)) {
      throw passwordRefused('sameAsCurrent', 0, 'newPassword', language);
    }
    const passwordHash = await hashPassword(newPassword);
    const session = await ctx.write(() => {
      ctx.users.revokeSessions(user.id, { passwordHash });
      ctx.audit.record({ ...actor(request), entity: 'user', entityId: user.id, action: 'password_changed' });
      const fresh = ctx.users.findById(user.id);
      if (!fresh) throw AppError.of('USER_NOT_FOUND');
      return sessions.startSession(fresh);
    });
    return sendSession(reply, session);
  });

  /** The current password before a security change, throttled (someone may hold a stolen session). */
  async function checkCurrentPassword(request: FastifyRequest, user: UserRow, password: string) {
    const reservation = await reserve(
      { account: `user:${user.id}`, address: request.ip, device: null },
      SESSION_CHECK_POLICY,
    );
    const ok = await verifyPassword(user.passwordHash, password).catch(() => false);
    await ctx.write(() => (ok ? ctx.loginThrottle.succeed(reservation) : ctx.loginThrottle.fail(reservation)));
    if (!ok) {
      throw AppError.of('WRONG_PASSWORD', 'The current password is wrong', {
        errors: [
          {
            field: 'currentPassword',
            message: requestLanguage(request) === 'en' ? 'is wrong' : 'ist falsch',
          },
        ],
      });
    }
  }

  await fastify.register(factorsRoutes, {
    ctx,
    factorService,
    checkCurrentPassword,
    // After a security change that ended the user's other sessions: a fresh one for this browser.
    startSession: (reply: FastifyReply, user: UserRow) =>
      ctx.write(() => sessions.startSession(user)).then((s) => sendSession(reply, s)),
  });
}

/**
 * The refresh cookie is SameSite=Strict, but a refresh that fails clears it: a cross-site form post could log a victim
 * out. Only a JSON request from this site is served (a cross-site JSON post needs CORS, which is not granted).
 */
function assertSameSite(request: FastifyRequest, publicOrigin: string | undefined) {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw AppError.of('JSON_REQUIRED', 'Refresh expects a JSON request', {
      errors: [{ field: 'content-type', message: 'must be application/json' }],
    });
  }
  const origin = request.headers.origin;
  const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
  const site = request.headers['sec-fetch-site'];
  if ((origin !== undefined && origin !== expected) || (site !== undefined && site !== 'same-origin')) {
    throw AppError.of('CROSS_SITE_REQUEST', 'Refresh is only accepted from the app itself');
  }
}
