#!/usr/bin/env node
// The whole test suite: lint, type check, web build, then every vitest project (unit, API, browser).
// Ends with the plain line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const extraArgs = process.argv.slice(2);

function run(label, cmd, args, opts = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  process.stdout.write(
    `  ${label}: ${res.status === 0 ? 'ok' : `failed (exit ${res.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return res.status === 0;
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return true;
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`,
    );
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get update', 'apt-get', ['update', '-qq'], { env }) &&
    run('install chromium', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env })
  );
}

/** Debian's LibreOffice Calc (headless), with which the tests open the exported files as users do. */
function ensureLibreOffice() {
  const path = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
  if (existsSync(path)) return true;
  if (process.getuid?.() !== 0) {
    process.stdout.write(
      `LibreOffice not found at ${path}: the LibreOffice tests are skipped. Install it (apt-get install -y libreoffice-calc-nogui) or set SOFFICE_PATH.\n`,
    );
    return true;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get update', 'apt-get', ['update', '-qq'], { env }) &&
    run('install libreoffice-calc-nogui', 'apt-get', ['install', '-y', '-qq', 'libreoffice-calc-nogui'], { env })
  );
}

const checks = [];
checks.push(['lint (biome)', run('lint (biome)', bin('biome'), ['ci', '.'])]);
checks.push(['type check (tsc)', run('type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])]);
checks.push([
  'web build (vite)',
  run('web build (vite)', join(root, 'web/node_modules/.bin/vite'), ['build'], { cwd: join(root, 'web') }),
]);
checks.push(['chromium', ensureChromium()]);
checks.push(['libreoffice', ensureLibreOffice()]);

mkdirSync(join(root, '.tmp'), { recursive: true });
const report = join(root, '.tmp/vitest.json');
run(
  'tests (vitest)',
  join(root, 'tests/node_modules/.bin/vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
  {
    cwd: join(root, 'tests'),
  },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  // A file that fails to load counts as a failure even when it ran no test.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  );
  failed = (r.numFailedTests ?? 0) + brokenFiles.length;
} else {
  failed += 1;
}
// Each failed check (lint, types, build) counts as one failed test.
for (const [label, ok] of checks) {
  if (ok) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`✗ ${label} failed\n`);
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
