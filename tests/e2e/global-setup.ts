import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '@anett/db/client';
import { buildApp } from '@anett/server/app';
import { ensureFirstAdmin } from '@anett/server/bootstrap';
import { createContext } from '@anett/server/context';
import { seedDemo } from '@anett/server/seed/demo';
import type { TestProject } from 'vitest/node';
import { testConfig } from '../support/config.ts';

export const ADMIN = { email: 'admin@anett.local', password: 'Herbstlaub am Rennsteig 2024' };

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    admin: { email: string; password: string };
    /** The demo database the server runs on, for tests that compute an expected answer from the raw rows. */
    databasePath: string;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One real server on a real SQLite file with the demo data, serving the built SPA, for all browser tests. */
export default async function setup(project: TestProject) {
  const webDist = join(root, 'web/dist');
  if (!existsSync(join(webDist, 'index.html'))) {
    const build = spawnSync(join(root, 'web/node_modules/.bin/vite'), ['build'], {
      cwd: join(root, 'web'),
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('web build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'anett-e2e-'));
  const config = testConfig(dir, { webDist, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
  const db = openDatabase(config.databasePath);
  const ctx = createContext(db, config);
  const admin = await ensureFirstAdmin(ctx, config, () => {});
  await seedDemo(ctx, { adminId: admin?.user.id });
  const app = await buildApp({ db, config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  project.provide('admin', ADMIN);
  project.provide('databasePath', config.databasePath);
  return async () => {
    await app.close();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  };
}
