import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, type Db, openDatabase } from '@anett/db/client';
import { buildApp } from '@anett/server/app';
import type { Config } from '@anett/server/config';
import { createContext } from '@anett/server/context';
import { hashPassword } from '@anett/server/lib/passwords';
import type { Role } from '@anett/shared/schemas/auth';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach } from 'vitest';
import { testConfig } from './config.ts';

export const PASSWORD = 'correct horse battery';

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  config: Config;
  dir: string;
  /** Creates a user with PASSWORD and returns a bearer token for it. */
  login(role: Role, email?: string): Promise<{ token: string; userId: number; cookie: string }>;
  /** app.inject with a bearer token. */
  as(token: string, opts: InjectOptions): Promise<LightMyRequestResponse>;
};

const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) {
    await t.app.close();
    closeDatabase(t.db);
    rmSync(t.dir, { recursive: true, force: true });
  }
});

/** A fresh app on a fresh SQLite file; closed and deleted after the test. `logger`: Fastify's, e.g. to capture logs. */
export async function createTestApp(overrides: Partial<Config> = {}, logger: false | object = false): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'anett-test-'));
  const config = testConfig(dir, overrides);
  const db = openDatabase(config.databasePath);
  const app = await buildApp({ db, config, logger });
  const ctx = createContext(db, config);
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
  };
  open.push(t);
  return t;
}
