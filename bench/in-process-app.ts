import { join } from 'node:path';
import type { Db } from '@anett/db/client';
import { buildApp } from '@anett/server/app';
import { loadConfig } from '@anett/server/config';
import { hashPassword } from '@anett/server/lib/passwords';
import { createUsersRepository } from '@anett/server/modules/users/users.repository';

/**
 * The app as production builds it, on a copy of the bench database in `dir` (opened as `db`), with the user
 * `bench@anett.local` (made a manager: no second factor needed) and the `authorization` header of their login.
 */
export async function benchApp(db: Db, path: string, dir: string) {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_PATH: path,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'warn',
    WEB_DIST: join(dir, 'no-web'),
  });
  const users = createUsersRepository(db);
  const bench = users.findByEmail('bench@anett.local');
  const passwordHash = await hashPassword('bench-password');
  if (bench) users.update(bench.id, bench.version, { passwordHash, role: 'manager', active: true });
  else users.create({ email: 'bench@anett.local', name: 'Bench', role: 'manager', passwordHash });
  const app = await buildApp({ db, config, logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'bench@anett.local', password: 'bench-password' },
  });
  return { app, headers: { authorization: `Bearer ${login.json().accessToken}` } };
}
