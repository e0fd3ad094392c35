#!/usr/bin/env node
// Builds the web app and starts the server on the embedded SQLite file (demo data on an empty database).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);

const build = spawnSync(join(root, 'web/node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
  cwd: join(root, 'web'),
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const env = { SEED_DEMO: '1', ADMIN_EMAIL: 'admin@anett.local', ...process.env };
const server = spawn(bin('tsx'), ['server/src/main.ts'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
