import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openDatabase } from '@anett/db/client';
import { buildApp } from '@anett/server/app';
import type { Config } from '@anett/server/config';
import { createContext } from '@anett/server/context';
import { hashPassword } from '@anett/server/lib/passwords';
import { createReadPool, type ReadPool } from '@anett/server/read-pool';
import type { Role } from '@anett/shared/schemas/auth';
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { testConfig } from './config.ts';
import { checkContract } from './contract.ts';

export const PASSWORD = 'correct horse battery';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are explored by the assertions themselves
export type Json = Record<string, any>;

/** The short request form of the tests that send many requests as one user: method, url, body, headers. */
export type Call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  config: Config;
  dir: string;
  /** Creates a user with PASSWORD and returns a bearer token for it. */
  login(role: Role, email?: string): Promise<{ token: string; userId: number; cookie: string }>;
  /** app.inject with a bearer token. */
  as(token: string, opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** The versioned update every domain answers: a JSON PATCH as `token`, with If-Match when it is given. */
  patch(token: string, url: string, payload: object, ifMatch?: string): Promise<LightMyRequestResponse>;
  /** A DELETE as `token`, with If-Match when it is given. */
  del(token: string, url: string, ifMatch?: string): Promise<LightMyRequestResponse>;
  /** A JSON POST as `token`: the create and action requests of most tests. */
  post(token: string, url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** `as(token, …)` as a Call. */
  caller(token: string): Call;
};

/** How many rows a table holds: what "writes nothing" is checked against. */
export const countRows = (db: Db, table: SQLiteTable) => db.select({ n: count() }).from(table).get()?.n ?? 0;

/** A password sign-in as the login form sends it, without a bearer token: the request the auth tests vary. */
export const passwordLogin = (t: TestApp, email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

/** A login whose JSON body is sent as written: how the body parser's refusals (malformed, too large) are tested. */
export const rawLogin = (t: TestApp, body: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: body,
  });

/** The fields a problem+json answer names, in its order. */
export const fields = (res: { json(): { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field);

/** A fresh app with one logged-in user per name, logged in in the order given: `{ manager: 'manager', other: 'manager' }`. */
export async function appWithUsers<K extends string>(roles: Record<K, Role>) {
  const t = await createTestApp();
  const users = {} as Record<K, Awaited<ReturnType<TestApp['login']>>>;
  for (const [name, role] of Object.entries(roles) as [K, Role][]) users[name] = await t.login(role);
  return { t, ...users };
}

/** A fresh app with a manager and a viewer: their tokens, the manager's id and the manager's requests as a Call. */
export async function managerApp() {
  const { t, manager, viewer } = await appWithUsers({ manager: 'manager', viewer: 'viewer' });
  return { t, manager: manager.token, viewer: viewer.token, managerId: manager.userId, call: t.caller(manager.token) };
}

/**
 * The soft delete of a record that stays restorable (persons, organisations): 428 without If-Match, 412 when stale,
 * then 200 with `deletedAt` for version 1. Returns that answer.
 */
export async function expectSoftDelete(t: TestApp, token: string, url: string) {
  expect((await t.del(token, url)).statusCode).toBe(428);
  expect((await t.del(token, url, '"7"')).statusCode).toBe(412);
  const res = await t.del(token, url, '"1"');
  expect(res.statusCode).toBe(200);
  expect(res.json().deletedAt).toEqual(expect.any(String));
  return res;
}

/** A refused write: 400 as problem+json naming `field`. */
export function expectRefused(res: LightMyRequestResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(fields(res)).toContain(field);
}

/**
 * The read threads of this test file, shared by its apps: a thread compiles the server code under tsx when it starts,
 * which would cost every test seconds. Apps with their own read settings start their own.
 */
let readPool: ReadPool | undefined;
beforeAll(async () => {
  const config = testConfig('');
  if (config.readWorkers === 0) return;
  readPool = createReadPool(config);
  // The heavy lane starts with the first export or document of the file: most files have none.
  await readPool.warm(['short']);
}, 120_000);
afterAll(async () => {
  await readPool?.destroy();
  readPool = undefined;
});

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) {
    await t.app.close();
    closeDatabase(t.db);
    rmSync(t.dir, { recursive: true, force: true });
  }
});

/**
 * A fresh app on a fresh SQLite file; closed and deleted after the test. `logger`: Fastify's, e.g. to capture logs;
 * `readPool`: read threads of the caller's (it ends them), else the file's shared ones.
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { logger?: false | object; readPool?: ReadPool } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'anett-test-'));
  const config = testConfig(dir, overrides);
  const db = openDatabase(config.databasePath);
  // Apps with read settings of their own start their own threads and end them when they close.
  const ownReads = overrides.readWorkers !== undefined || overrides.readQueue !== undefined;
  const pool = options.readPool ?? (ownReads ? undefined : readPool);
  const app = await buildApp({ db, config, logger: options.logger ?? false, readPool: pool });
  // Every answer of a described route is checked against its response schema, in every API test.
  const inject = app.inject.bind(app);
  app.inject = ((opts?: InjectOptions | string) => {
    if (opts === undefined) return inject();
    const o = typeof opts === 'string' ? { url: opts } : opts;
    return inject(o).then((res) => {
      checkContract(o.method ?? 'GET', String(o.url ?? o.path ?? ''), res);
      return res;
    });
  }) as typeof app.inject;
  // For logins only: it never reads through the pool.
  const ctx = createContext(db, config, pool);
  let n = 0;
  const t: TestApp = {
    app,
    db,
    config,
    dir,
    async login(role, email) {
      const address = email ?? `${role}${++n}@example.org`;
      const user = ctx.users.create({
        email: address,
        name: `${role} ${n}`,
        role,
        passwordHash: await hashPassword(PASSWORD),
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: address, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'anett_rt');
      return { token: res.json().accessToken, userId: user.id, cookie: `anett_rt=${cookie?.value}` };
    },
    as(token, opts) {
      return app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${token}` } });
    },
    caller(token) {
      return (method, url, payload, headers) =>
        t.as(token, { method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
    },
    del(token, url, ifMatch) {
      return t.as(token, { method: 'DELETE', url, ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}) });
    },
    post(token, url, payload) {
      return t.as(token, { method: 'POST', url, ...(payload ? { payload } : {}) });
    },
    patch(token, url, payload, ifMatch) {
      return t.as(token, { method: 'PATCH', url, payload, ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}) });
    },
  };
  open.push(t);
  return t;
}
