#!/usr/bin/env node
// API with restart on change (tsx watch) and Vite with hot reload; Vite proxies /api to the API.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = { SEED_DEMO: '1', ADMIN_EMAIL: 'admin@anett.local', ...process.env };

const children = [
  spawn(bin('tsx'), ['watch', 'server/src/main.ts'], { cwd: root, stdio: 'inherit', env }),
  spawn(join(root, 'web/node_modules/.bin/vite'), [], { cwd: join(root, 'web'), stdio: 'inherit', env }),
];
const stop = (signal) => {
  for (const c of children) c.kill(signal);
  process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const c of children) c.on('exit', (code) => code && stop('SIGTERM'));
