import { changePasswordBody, loginBody, loginResponse, sessionUser } from '@anett/shared/schemas/auth';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { Throttle } from '../../lib/throttle.ts';
import { createAuthService, type Session } from './auth.service.ts';

const REFRESH_COOKIE = 'anett_rt';

export async function authRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const sessions = createAuthService(fastify, ctx);
  // Failed logins per account and per client address (successful logins are no attack and never count).
  const perAccount = new Throttle(5, 15 * 60_000);
  const perIp = new Throttle(30, 15 * 60_000);

  const sendSession = (reply: FastifyReply, session: Session) => {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.cookieSecure,
      path: '/api/auth',
      maxAge: ctx.config.refreshTokenTtl,
    });
    const { refreshToken: _, ...body } = session;
    return body;
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password',
        body: loginBody,
        response: { 200: loginResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const accountKey = `acct:${email}`;
      const ipKey = `ip:${request.ip}`;
      const wait = Math.max(perAccount.blockedFor(accountKey), perIp.blockedFor(ipKey));
      if (wait > 0) {
        throw new AppError('TOO_MANY_ATTEMPTS', 429, `Too many login attempts; try again in ${wait} seconds`, {
          headers: { 'retry-after': String(wait) },
        });
      }
      const user = ctx.users.findByEmail(email);
      const ok = await verifyPassword(user?.passwordHash, password);
      if (!ok || !user?.active) {
        perAccount.hit(accountKey);
        perIp.hit(ipKey);
        ctx.audit.record({ ...actor(request), entity: 'auth', action: 'login_failed', diff: { email } });
        throw new AppError('INVALID_CREDENTIALS', 401, 'E-mail or password is wrong');
      }
      perAccount.reset(accountKey);
      ctx.users.touchLogin(user.id);
      ctx.audit.record({ ...actor(request), userId: user.id, entity: 'auth', entityId: user.id, action: 'login' });
      return sendSession(reply, sessions.startSession(user));
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
        response: { 200: loginResponse, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      try {
        return sendSession(reply, sessions.refresh(request.cookies[REFRESH_COOKIE]));
      } catch (err) {
        reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
        throw err;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['auth'],
        summary: 'End all sessions of the current user',
        response: { 204: z.null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      ctx.users.revokeSessions(request.user.id);
      ctx.audit.record({ ...actor(request), entity: 'auth', entityId: request.user.id, action: 'logout' });
      reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'viewer' },
      schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: sessionUser, ...errorResponses(401) } },
    },
    async (request) => request.user,
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['auth'],
        summary: 'Change own password; ends all other sessions and returns a new one',
        body: changePasswordBody,
        response: { 200: loginResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const user = ctx.users.findById(request.user.id);
      if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError('WRONG_PASSWORD', 400, 'The current password is wrong', {
          errors: [{ field: 'currentPassword', message: 'is wrong' }],
        });
      }
      ctx.users.revokeSessions(user.id, { passwordHash: await hashPassword(request.body.newPassword) });
      ctx.audit.record({ ...actor(request), entity: 'user', entityId: user.id, action: 'password_changed' });
      const fresh = ctx.users.findById(user.id);
      if (!fresh) throw new AppError('USER_NOT_FOUND', 404);
      return sendSession(reply, sessions.startSession(fresh));
    },
  );
}
