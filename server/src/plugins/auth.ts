import type { UserRow } from '@anett/db/schema';
import { allows } from '@anett/shared/policy';
import { ACCESS_LEVELS, type AccessLevel, type SecondFactorState, type SessionUser } from '@anett/shared/schemas/auth';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import type { FactorsRepository } from '../modules/auth/factors.repository.ts';
import type { UsersRepository } from '../modules/users/users.repository.ts';

/** `fam`: the refresh-token family (login) the token belongs to; its end ends the access token too. */
export type AccessClaims = { sub: string; tv: number; fam?: string };

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: SessionUser;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every /api route must declare it; buildApp refuses one that does not. */
    access?: AccessLevel;
    /** Usable by a user who must enrol a second factor first ("enrol now"): own factors, password, logout. */
    enrolment?: boolean;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access level (the role matrix test walks it). */
    routeAccess: Array<{ method: string; url: string; access: AccessLevel }>;
  }
}

const unauthorized = (detail = 'Authentication required') =>
  AppError.of('UNAUTHORIZED', detail, { headers: { 'www-authenticate': 'Bearer' } });

/** Routes a plugin registers for itself (Swagger UI assets) and that stay public. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/') || url === '/api/openapi.json';

/**
 * Bearer-token authentication and role checks, declared per route via `config.access`.
 * The token is verified (HS256 only) and then checked against the user row: an inactive user or a
 * token version older than the user's current one is refused at once.
 */
/** Whether the user has a second factor, needs none, or must enrol one before using the app. */
export function secondFactorState(user: UserRow, factors: FactorsRepository): SecondFactorState {
  if (factors.hasSecondFactor(user.id)) return 'enrolled';
  return factors.requiredRoles().includes(user.role) ? 'required' : 'none';
}

export const toSessionUser = (user: UserRow, factors: FactorsRepository): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  secondFactor: secondFactorState(user, factors),
});

type AuthOptions = { config: Config; users: UsersRepository; factors: FactorsRepository };

export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: opts.config.jwtSecret,
    sign: { algorithm: 'HS256', expiresIn: opts.config.accessTokenTtl },
    verify: { algorithms: ['HS256'] },
  });

  app.decorate('routeAccess', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const access = route.config?.access ?? (isDocsRoute(route.url) ? 'public' : undefined);
    if (!access || !ACCESS_LEVELS.includes(access)) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no access level (config.access)`);
    }
    for (const method of methods) app.routeAccess.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    request.user = await authenticate(request, opts);
    if (!allows(request.user.role, access)) {
      throw AppError.of('FORBIDDEN', `This action needs the role ${access}`);
    }
    if (request.user.secondFactor === 'required' && !request.routeOptions.config?.enrolment) {
      throw AppError.of(
        'SECOND_FACTOR_REQUIRED',
        'Your role requires a second factor: set up an authenticator app or a passkey first',
      );
    }
  });
});

async function authenticate(request: FastifyRequest, { users, factors }: AuthOptions): Promise<SessionUser> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw unauthorized();
  let claims: AccessClaims;
  try {
    claims = await request.jwtVerify<AccessClaims>();
  } catch {
    throw unauthorized('Invalid or expired token');
  }
  const id = Number(claims.sub);
  const user = Number.isSafeInteger(id) ? users.findById(id) : undefined;
  const ended = !user?.active || user.tokenVersion !== claims.tv || (claims.fam && users.familyRevoked(claims.fam));
  if (!user || ended) throw unauthorized('Session ended; please log in again');
  return toSessionUser(user, factors);
}
