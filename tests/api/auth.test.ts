import { createHmac } from 'node:crypto';
import { auditEntries, users } from '@anett/db/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, passwordLogin, rawLogin, type TestApp } from '../support/app.ts';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const signHs256 = (payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }) => {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
};
/** A concrete URL for a route pattern (ids → 1). */
/** POST /api/auth/refresh as a browser sends it: the refresh cookie, maybe more headers and a body. */
const refreshWith = (t: TestApp, cookie: string, headers = {}, payload?: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    headers: { cookie, ...headers },
    payload: payload as object,
  });
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

describe('POST /api/auth/login', () => {
  it('returns a token and the user for correct credentials, and logs it', async () => {
    const t = await createTestApp();
    await t.login('manager', 'anna@example.org');
    const res = await passwordLogin(t, 'ANNA@example.org');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.user).toEqual({
      id: expect.any(Number),
      email: 'anna@example.org',
      name: expect.any(String),
      role: 'manager',
      secondFactor: 'none',
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie =
      ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('anett_rt=')) ?? '';
    expect(cookie).toMatch(/anett_rt=/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const logins = t.db.select().from(auditEntries).where(eq(auditEntries.action, 'login')).all();
    expect(logins.length).toBe(2);
  });

  it('answers 401 alike for a wrong password and an unknown user, and logs the failure', async () => {
    const t = await createTestApp();
    await t.login('viewer', 'vera@example.org');
    const wrong = await passwordLogin(t, 'vera@example.org', 'nope-nope-nope');
    const unknown = await passwordLogin(t, 'nobody@example.org', 'nope-nope-nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect({ ...wrong.json(), requestId: 0 }).toEqual({ ...unknown.json(), requestId: 0 });
    const failures = t.db.select().from(auditEntries).where(eq(auditEntries.action, 'login_failed')).all();
    expect(failures.length).toBe(2);
  });

  it('slows one address guessing an account down and stops it after 5 failures, without locking the owner out', async () => {
    const t = await createTestApp();
    await t.login('viewer', 'vera@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await passwordLogin(t, 'vera@example.org', 'wrong-password');
      statuses.push(r.statusCode);
      if (r.statusCode === 429) {
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        expect(r.json().code).toBe('TOO_MANY_ATTEMPTS');
      }
    }
    // Two guesses are checked (a typo costs nothing), the next ones come too fast (waits of 1, 2, 4 s).
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses.slice(2)).toEqual(Array(6).fill(429));
  });

  it('throttles one client address trying many accounts: 30 checked, then 429, also when sent at once', async () => {
    const t = await createTestApp();
    const responses = await Promise.all(
      Array.from({ length: 31 }, (_, i) => passwordLogin(t, `u${i}@example.org`, 'whatever-it-is')),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  }, 30_000);

  it.each([
    ['no body', undefined, 'body'],
    ['missing password', { email: 'a@b.de' }, 'password'],
    ['wrong type', { email: 42, password: 'x' }, 'email'],
    ['oversized e-mail', { email: `${'a'.repeat(300)}@b.de`, password: 'x' }, 'email'],
  ])('answers 400 naming the field for %s', async (_, payload, field) => {
    const t = await createTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: payload as object });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 for malformed JSON', async () => {
    const t = await createTestApp();
    const res = await rawLogin(t, '{"email": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, code: 'MALFORMED_JSON', errors: [{ field: 'body' }] });
  });
});

describe('protected routes', () => {
  it('every /api route declares an access level, and only the login steps, refresh, health, docs and the self-service pages (signed links) are public', async () => {
    const t = await createTestApp();
    const routes = t.app.routeAccess;
    expect(routes.length).toBeGreaterThan(8);
    const publicRoutes = routes.filter((r) => r.access === 'public' && !r.url.startsWith('/api/docs'));
    expect(publicRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/public/events/:slug',
      'GET /api/public/preferences',
      'GET /api/public/registrations/cancel',
      'POST /api/auth/login',
      'POST /api/auth/login/second-factor',
      'POST /api/auth/passkey/login',
      'POST /api/auth/passkey/options',
      'POST /api/auth/refresh',
      'POST /api/public/events/:slug/registrations',
      'POST /api/public/preferences',
      'POST /api/public/registrations/cancel',
      'POST /api/public/registrations/confirm',
      'POST /api/public/unsubscribe',
    ]);
  });

  it('refuses no, expired, tampered, alg:none and wrong-key tokens with 401 on every protected route', async () => {
    const t = await createTestApp();
    const { token, userId } = await t.login('admin');
    const secret = t.config.jwtSecret;
    const now = Math.floor(Date.now() / 1000);
    const [h, p, s] = token.split('.');
    const badTokens: Record<string, string | undefined> = {
      none: undefined,
      expired: signHs256({ sub: String(userId), tv: 1, iat: now - 3600, exp: now - 60 }, secret),
      tampered: `${h}.${b64({ ...JSON.parse(Buffer.from(p ?? '', 'base64url').toString()), sub: '999' })}.${s}`,
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: String(userId), tv: 1, iat: now, exp: now + 600 })}.`,
      wrongKey: signHs256(
        { sub: String(userId), tv: 1, iat: now, exp: now + 600 },
        'another-secret-that-is-long-enough-xxxxx',
      ),
      garbage: 'not-a-jwt',
    };
    const protectedRoutes = t.app.routeAccess.filter((r) => r.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(5);
    for (const route of protectedRoutes) {
      for (const [name, bad] of Object.entries(badTokens)) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: bad ? { authorization: `Bearer ${bad}` } : {},
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect(res.statusCode, `${name} ${route.method} ${route.url}`).toBe(401);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
  });

  it('enforces roles on every route: viewers cannot write, managers cannot administrate', async () => {
    const t = await createTestApp();
    const viewer = await t.login('viewer');
    const manager = await t.login('manager');
    const rank = { public: 0, viewer: 1, manager: 2, admin: 3 } as const;
    const checked: string[] = [];
    for (const route of t.app.routeAccess) {
      for (const [role, who, level] of [
        ['viewer', viewer, 1],
        ['manager', manager, 2],
      ] as const) {
        if (rank[route.access] <= level) continue;
        const res = await t.as(who.token, {
          method: route.method as 'GET',
          url: concrete(route.url),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect(res.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        checked.push(`${role} ${route.method} ${route.url}`);
      }
    }
    // every write route is closed to viewers
    for (const r of t.app.routeAccess.filter(
      (r) => r.method !== 'GET' && r.access !== 'public' && !r.url.startsWith('/api/auth'),
    )) {
      expect(r.access, `${r.method} ${r.url}`).not.toBe('viewer');
    }
    expect(checked).toContain('manager GET /api/users');
    expect(checked).toContain('viewer POST /api/users');
  });
});

describe('session lifecycle', () => {
  it('GET /api/auth/me returns the user', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer', 'me@example.org');
    const res = await t.as(token, { method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'me@example.org', role: 'viewer' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('logout revokes the access token and the refresh token at once', async () => {
    const t = await createTestApp();
    const { token, cookie } = await t.login('viewer');
    expect((await t.post(token, '/api/auth/logout')).statusCode).toBe(204);
    expect((await t.as(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const refresh = await refreshWith(t, cookie, {}, {});
    expect(refresh.statusCode).toBe(401);
  });

  it('changing the password revokes old tokens and returns a working new session', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer', 'pw@example.org');
    const wrong = await t.post(token, '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a-new-password-123',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const short = await t.post(token, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('newPassword');
    const ok = await t.post(token, '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-password-123',
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.as(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.as(ok.json().accessToken, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const login = await passwordLogin(t, 'pw@example.org', 'a-new-password-123');
    expect(login.statusCode).toBe(200);
  });

  it('deactivating or demoting a user revokes their token at once', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const alice = await t.login('manager');
    const bob = await t.login('manager');
    const etag = (await t.as(admin.token, { method: 'GET', url: `/api/users/${alice.userId}` })).headers.etag as string;
    const del = await t.as(admin.token, {
      method: 'DELETE',
      url: `/api/users/${alice.userId}`,
      headers: { 'if-match': etag },
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().active).toBe(false);
    expect((await t.as(alice.token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const relogin = await passwordLogin(t, 'manager2@example.org');
    expect(relogin.statusCode).toBe(401);

    const bobTag = (await t.as(admin.token, { method: 'GET', url: `/api/users/${bob.userId}` })).headers.etag as string;
    const demote = await t.patch(admin.token, `/api/users/${bob.userId}`, { role: 'viewer' }, bobTag);
    expect(demote.statusCode).toBe(200);
    expect((await t.as(bob.token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('rotates the refresh token on every use; replaying an old one revokes the whole chain', async () => {
    const t = await createTestApp();
    const { cookie: first } = await t.login('viewer');
    const r1 = await refreshWith(t, first, {}, {});
    expect(r1.statusCode).toBe(200);
    const second = `anett_rt=${r1.cookies.find((c) => c.name === 'anett_rt')?.value}`;
    expect(second).not.toBe(first);
    expect((await t.as(r1.json().accessToken, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

    const replay = await refreshWith(t, first, {}, {});
    expect(replay.statusCode).toBe(401);
    // the thief's replay also killed the legitimate successor
    const after = await refreshWith(t, second, {}, {});
    expect(after.statusCode).toBe(401);
  });

  it('refuses refresh without a cookie', async () => {
    const t = await createTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: {} });
    expect(res.statusCode).toBe(401);
  });
});

describe('admin user management', () => {
  it('creates a user with a generated password shown once, lists and finds them', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const res = await t.post(admin.token, '/api/users', { email: 'New@Example.org', name: 'Neu', role: 'manager' });
    expect(res.statusCode).toBe(201);
    const { user, password } = res.json();
    expect(user).toMatchObject({ email: 'new@example.org', role: 'manager', active: true, version: 1 });
    expect(password).toHaveLength(16);
    const login = await passwordLogin(t, 'new@example.org', password);
    expect(login.statusCode).toBe(200);
    const list = await t.as(admin.token, { method: 'GET', url: '/api/users?q=neu&sort=-createdAt' });
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 50, items: [{ email: 'new@example.org' }] });
    const dup = await t.post(admin.token, '/api/users', { email: 'new@example.org', name: 'X', role: 'viewer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('email');
  });

  it('finds users by what was typed: % and _ in the search are letters, not wildcards', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    await t.post(admin.token, '/api/users', { email: 'team_qti@example.org', name: 'Team_QTI', role: 'viewer' });
    await t.post(admin.token, '/api/users', { email: 'teamaqti@example.org', name: 'TeamAQTI', role: 'viewer' });
    const search = async (q: string) =>
      (await t.as(admin.token, { method: 'GET', url: `/api/users?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((u: { email: string }) => u.email);
    expect(await search('team_')).toEqual(['team_qti@example.org']);
    expect(await search('100%')).toEqual([]);
  });

  it('rejects bad input with the field named and writes nothing', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const before = t.db.select().from(users).all().length;
    for (const [payload, field] of [
      [{ email: 'not-an-email', name: 'X', role: 'viewer' }, 'email'],
      [{ email: 'a@b.de', name: 'X', role: 'king' }, 'role'],
      [{ email: 'a@b.de', name: 'x'.repeat(201), role: 'viewer' }, 'name'],
      [{ email: 'a@b.de', name: 'X', role: 'viewer', password: 'short' }, 'password'],
      [{ email: 'a@b.de', role: 'viewer' }, 'name'],
    ] as const) {
      const res = await t.post(admin.token, '/api/users', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(t.db.select().from(users).all().length).toBe(before);
  });

  it('needs If-Match to change a user: 428 without, 412 when stale', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const other = await t.login('viewer');
    const url = `/api/users/${other.userId}`;
    expect((await t.patch(admin.token, url, { name: 'A' })).statusCode).toBe(428);
    const ok = await t.patch(admin.token, url, { name: 'A' }, '"1"');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.patch(admin.token, url, { name: 'B' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current.name).toBe('A');
    expect(t.db.select().from(users).where(eq(users.id, other.userId)).get()?.name).toBe('A');
    const unknownField = await t.patch(admin.token, url, { passwordHash: 'x' }, '"2"');
    expect(unknownField.statusCode).toBe(400);
  });

  it('refuses an admin removing their own admin role or deactivating themselves (409), and changes nothing', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const url = `/api/users/${admin.userId}`;
    const audited = () => t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'user')).all().length;
    const before = audited();
    const demote = await t.patch(admin.token, url, { role: 'manager' }, '"1"');
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('CANNOT_DEMOTE_SELF');
    const inactive = await t.patch(admin.token, url, { active: false }, '"1"');
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().code).toBe('CANNOT_DEMOTE_SELF');
    const del = await t.as(admin.token, { method: 'DELETE', url, headers: { 'if-match': '"1"' } });
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('CANNOT_DEMOTE_SELF');
    const row = t.db.select().from(users).where(eq(users.id, admin.userId)).get();
    expect(row).toMatchObject({ role: 'admin', active: true, version: 1 });
    expect(audited()).toBe(before);
    expect((await t.as(admin.token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const rename = await t.patch(admin.token, url, { name: 'Anna Admin' }, '"1"');
    expect(rename.statusCode).toBe(200);
    expect(rename.json()).toMatchObject({ name: 'Anna Admin', role: 'admin', active: true });
  });

  it('resets a password and ends the user’s sessions', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const other = await t.login('viewer', 'reset@example.org');
    const res = await t.post(admin.token, `/api/users/${other.userId}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    expect((await t.as(other.token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await passwordLogin(t, 'reset@example.org', res.json().password);
    expect(login.statusCode).toBe(200);
  });
});

describe('refresh and cookies', () => {
  it('refuses a cross-site or non-JSON refresh and leaves the cookie alone', async () => {
    const t = await createTestApp();
    const { cookie } = await t.login('viewer');
    const attempts = [
      // A plain HTML form from another site: no JSON.
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        payload: 'a=1',
      },
      { headers: { 'content-type': 'text/plain' }, payload: '{}' },
      { headers: { origin: 'https://evil.example' }, payload: {} },
      { headers: { 'sec-fetch-site': 'cross-site' }, payload: {} },
      { headers: { 'sec-fetch-site': 'same-site' }, payload: {} },
    ];
    for (const { headers, payload } of attempts) {
      const res = await refreshWith(t, cookie, headers, payload);
      expect([403, 415], JSON.stringify(headers)).toContain(res.statusCode);
      expect(res.headers['set-cookie'], JSON.stringify(headers)).toBeUndefined();
    }
    // The cookie still works from the app itself.
    const ok = await refreshWith(t, cookie, { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' }, {});
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('ends the access tokens of a family whose refresh token was replayed', async () => {
    const t = await createTestApp();
    const { token, cookie } = await t.login('viewer');
    const other = await passwordLogin(t, 'viewer1@example.org');
    const rotated = await refreshWith(t, cookie, {}, {});
    const thiefToken = rotated.json().accessToken;
    expect((await t.as(thiefToken, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    // The old cookie comes back: theft. The whole family ends, its access tokens included.
    expect((await refreshWith(t, cookie, {}, {})).statusCode).toBe(401);
    expect((await t.as(thiefToken, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.as(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    // Another login (another family) of the same user is not affected.
    expect((await t.as(other.json().accessToken, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('sets Secure with COOKIE_SECURE, and behind a trusted TLS proxy', async () => {
    const secureCookie = (res: { cookies: { name: string; secure?: boolean }[] }) =>
      res.cookies.find((c) => c.name === 'anett_rt')?.secure ?? false;
    const forced = await createTestApp({ cookieSecure: true });
    await forced.login('viewer');
    const always = await passwordLogin(forced, 'viewer1@example.org');
    expect(secureCookie(always)).toBe(true);
    const proxied = await createTestApp({ trustProxy: 1 });
    await proxied.login('viewer');
    const viaTls = await passwordLogin(proxied, 'viewer1@example.org', PASSWORD, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '198.51.100.3',
    });
    expect(secureCookie(viaTls)).toBe(true);
    const plain = await createTestApp();
    await plain.login('viewer');
    // Without a trusted proxy, a client's X-Forwarded-Proto means nothing.
    const spoofed = await passwordLogin(plain, 'viewer1@example.org', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(secureCookie(spoofed)).toBe(false);
    const { loadConfig } = await import('@anett/server/config');
    expect(loadConfig({ DATABASE_PATH: ':memory:', COOKIE_SECURE: '1' }).cookieSecure).toBe(true);
  });
});
