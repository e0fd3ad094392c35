#!/usr/bin/env node
// The whole test suite: lint, type check, build, every vitest project (unit, API, browser), the API tests once more on
// Node 24 LTS, and a check that no process started by the run is still alive.
// Ends with the plain line "N passed, N failed" that CI reads.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const extraArgs = process.argv.slice(2);
const isRoot = process.getuid?.() === 0;

// Every step runs in a session of its own, marked in its environment: whatever it leaves running is found at the end.
const runId = randomUUID();
const childEnv = { ...process.env, ANETT_TEST_RUN: runId };
const sessions = [];
/** Steps running now (the Node 24 API run goes on beside the main one). */
const running = new Set();
let aborted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    aborted = true;
    for (const child of running) {
      try {
        process.kill(-child.pid, signal);
      } catch {}
    }
  });
}

function run(label, cmd, args, opts = {}) {
  // A step with a log of its own (one that runs beside another) writes there; the log is printed when it is done.
  const out = opts.log ? { write: (text) => appendFileSync(opts.log, text) } : process.stdout;
  out.write(`\n▶ ${label}\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    let child;
    const finish = (ok, how) => {
      running.delete(child);
      out.write(`  ${label}: ${ok ? 'ok' : `failed (${how})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      resolve(ok);
    };
    if (aborted) return finish(false, 'aborted');
    const logFd = opts.log ? openSync(opts.log, 'a') : undefined;
    child = spawn(cmd, args, {
      stdio: logFd === undefined ? 'inherit' : ['ignore', logFd, logFd],
      cwd: root,
      ...opts,
      env: { ...childEnv, ...opts.env },
      detached: true,
    });
    if (logFd !== undefined) closeSync(logFd);
    running.add(child);
    if (child.pid) sessions.push(child.pid);
    child.once('error', (err) => finish(false, err.message));
    child.once('exit', (code, signal) => finish(code === 0, signal ? `signal ${signal}` : `exit ${code}`));
  });
}

/** Chromium for the browser tests, nginx (with brotli) for the proxy test: installed with apt-get when root. */
async function ensureSystemPackages() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const wanted = [
    [chromium, 'chromium'],
    ['/usr/sbin/nginx', 'nginx'],
    ['/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so', 'libnginx-mod-http-brotli-filter'],
  ].filter(([path]) => !existsSync(path));
  if (wanted.length === 0) return true;
  const names = wanted.map(([, pkg]) => pkg);
  if (!isRoot) {
    process.stderr.write(`Not installed: ${names.join(', ')} (apt-get install -y ${names.join(' ')}; needs root).\n`);
    if (!existsSync(chromium)) process.stderr.write(`Chromium not found at ${chromium}: set CHROMIUM_PATH.\n`);
    // Without nginx the proxy test skips itself and says why; without Chromium the browser tests cannot run.
    return existsSync(chromium);
  }
  const serviceBefore = existsSync('/run/nginx.pid');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    (await run('apt-get update', 'apt-get', ['update', '-qq'], { env })) &&
    (await run(
      `install ${names.join(', ')}`,
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', ...names],
      {
        env,
      },
    ));
  // Where no policy keeps a package from starting its service, nginx now runs on port 80: the tests start their own.
  if (!serviceBefore && existsSync('/run/nginx.pid'))
    await run('stop the nginx service apt started', '/usr/sbin/nginx', ['-s', 'quit']);
  return ok;
}

/** Debian's LibreOffice Calc (headless), with which the tests open the exported files as users do. */
async function ensureLibreOffice() {
  const path = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
  if (existsSync(path)) return true;
  if (!isRoot) {
    process.stdout.write(
      `LibreOffice not found at ${path}: the LibreOffice tests are skipped. Install it (apt-get install -y libreoffice-calc-nogui) or set SOFFICE_PATH.\n`,
    );
    return true;
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  return run('install libreoffice-calc-nogui', 'apt-get', ['install', '-y', '-qq', 'libreoffice-calc-nogui'], { env });
}

/** vitest's JSON report as [passed, failed]; a file that fails to load counts as a failure even with no test run. */
function countReport(report) {
  if (!existsSync(report)) return [0, 1];
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  );
  return [r.numPassedTests ?? 0, (r.numFailedTests ?? 0) + brokenFiles.length];
}

function vitest(label, cwd, report, args, env = {}, log = undefined) {
  rmSync(report, { force: true });
  return run(
    label,
    join(cwd, 'tests/node_modules/.bin/vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    { cwd: join(cwd, 'tests'), env, log },
  );
}

/** The files of the working tree (tracked and new, without ignored ones such as node_modules and builds). */
function sourceFiles() {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (git.status !== 0) throw new Error('git ls-files failed: the Node 24 run copies the working tree with git');
  return git.stdout.split('\0').filter((f) => f && existsSync(join(root, f)));
}

/**
 * The API tests on Node 24 LTS, in a copy of the working tree (.tmp/node24) with its own node_modules: the native
 * addon (better-sqlite3) is compiled for each Node version. Node 24 comes from npm's `node` package, which ships
 * the headers, so nothing else is downloaded. ANETT_NODE24=0 leaves it out.
 */
async function node24ApiTests(report, log) {
  const say = (text) => appendFileSync(log, text);
  if (process.env.ANETT_NODE24 === '0') {
    process.stdout.write('\n▶ API tests on Node 24: left out (ANETT_NODE24=0)\n');
    return undefined;
  }
  if (process.versions.node.startsWith('24.')) {
    process.stdout.write('\n▶ API tests on Node 24: this run is on Node 24 already\n');
    return undefined;
  }
  // npm's `node` package (what `npx node@24` runs) installs this platform package; taken directly it keeps its headers,
  // which a later npx call prunes from npx's cache.
  const runtime = join(root, '.tmp/node24-runtime');
  const pkg = join(runtime, 'node_modules', `node-${process.platform}-${process.arch}`);
  const node = join(pkg, 'bin/node');
  const versionOf = () => (existsSync(node) ? spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim() : '');
  if (!versionOf().startsWith('v24.') || !existsSync(join(pkg, 'include/node/node.h'))) {
    const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', runtime];
    if (!(await run('Node 24 from npm', 'npm', [...args, `node-${process.platform}-${process.arch}@24`], { log })))
      return false;
  }
  const version = versionOf();
  if (!version.startsWith('v24.')) {
    say(`  no Node 24 at ${node}\n`);
    return false;
  }
  say(`\n▶ Node ${version} (${node})\n`);

  const copy = join(root, '.tmp/node24');
  mkdirSync(copy, { recursive: true });
  // Fresh sources each run; node_modules stays (pnpm brings it up to date in seconds).
  for (const entry of readdirSync(copy)) if (entry !== 'node_modules') rmSync(join(copy, entry), { recursive: true });
  for (const file of sourceFiles()) cpSync(join(root, file), join(copy, file), { recursive: true });
  // The SPA build does not depend on the Node version: reused (checked against the sources by scripts/build.mjs).
  if (existsSync(join(root, 'web/dist'))) cpSync(join(root, 'web/dist'), join(copy, 'web/dist'), { recursive: true });

  const env = {
    PATH: `${dirname(node)}${delimiter}${process.env.PATH}`,
    npm_config_nodedir: pkg,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };
  const pnpm = process.env.npm_execpath?.includes('pnpm')
    ? [node, [process.env.npm_execpath]]
    : ['npx', ['-y', 'pnpm@10.34.9']];
  const installed = await run(`install on ${version}`, pnpm[0], [...pnpm[1], 'install', '--frozen-lockfile'], {
    cwd: copy,
    env,
    log,
  });
  if (!installed) return false;
  const built = await run(`build on ${version}`, node, ['scripts/build.mjs'], { cwd: copy, env, log });
  if (!built) return false;
  return vitest(`API tests on ${version}`, copy, report, ['--project', 'api'], env, log);
}

const stateOf = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the parenthesised command name: state, ppid, process group, session.
    const [state, , , session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, session: Number(session) };
  } catch {
    return undefined;
  }
};

/** Processes still alive that a step started: in a step's session, or carrying this run's mark (a daemon). */
function leftovers() {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const s = stateOf(entry);
    if (!s || s.state === 'Z') continue;
    let marked = sessions.includes(s.session);
    if (!marked) {
      try {
        marked = readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`ANETT_TEST_RUN=${runId}`);
      } catch {}
    }
    if (!marked) continue;
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {}
    found.push({ pid: Number(entry), cmd });
  }
  return found;
}

async function orphanCheck() {
  process.stdout.write('\n▶ orphan check: processes started by this run that are still alive\n');
  if (!existsSync('/proc/self/stat')) {
    process.stdout.write('  no /proc on this system: not checked\n');
    return true;
  }
  // A process that was just told to stop gets a moment.
  let left = leftovers();
  for (let i = 0; i < 30 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = leftovers();
  }
  if (left.length === 0) {
    process.stdout.write(`  none (${sessions.length} step sessions and the run's mark checked)\n`);
    return true;
  }
  for (const { pid, cmd } of left) {
    process.stdout.write(`  still running: pid ${pid} ${cmd.slice(0, 160)}\n`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  process.stdout.write(`  ${left.length} process(es) left behind (now killed)\n`);
  return false;
}

const checks = [];
const check = async (label, work) => {
  const ok = await work();
  if (ok !== undefined) checks.push([label, ok]);
};
await check('lint (biome)', () => run('lint (biome)', bin('biome'), ['ci', '.']));
await check('type check (tsc)', () => run('type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']));
await check('build (web + server)', () => run('build (web + server)', process.execPath, ['scripts/build.mjs']));
await check('system packages', ensureSystemPackages);
await check('libreoffice', ensureLibreOffice);

mkdirSync(join(root, '.tmp'), { recursive: true });
// Each vitest run with how it ended: a run that exits with an error counts as failed even when its report shows no
// failed test (a global setup that crashed reports nothing at all).
const reports = [];
const main = join(root, '.tmp/vitest.json');
// The API tests on Node 24 run beside the main run (which keeps one core busy here; its browser tests mostly wait), in
// a copy of the tree; their output goes to a log that is printed once both are done.
const node24Report = join(root, '.tmp/vitest-node24.json');
const node24Log = join(root, '.tmp/node24.log');
writeFileSync(node24Log, '');
const node24 = extraArgs.length === 0 ? node24ApiTests(node24Report, node24Log) : Promise.resolve(undefined);
reports.push([main, await vitest(`tests on Node ${process.versions.node} (vitest)`, root, main, extraArgs)]);
const node24Ok = await node24;
if (node24Ok !== undefined) {
  process.stdout.write(
    `\n▶ API tests on Node 24, run beside the main run: their log\n${readFileSync(node24Log, 'utf8')}`,
  );
  // Counted from its report; a run that never got to the tests has none and counts as one failure.
  reports.push([node24Report, node24Ok]);
}
await check('orphan check', orphanCheck);

let passed = 0;
let failed = 0;
for (const [report, ok] of reports) {
  const [p, f] = countReport(report);
  passed += p;
  failed += f;
  if (!ok && f === 0) {
    failed += 1;
    process.stdout.write(`✗ ${report}: vitest ended with an error and reported no failed test\n`);
  }
}
// Each failed check (lint, types, build, leftovers) counts as one failed test.
for (const [label, ok] of checks) {
  if (ok) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`✗ ${label} failed\n`);
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && passed > 0 && !aborted ? 0 : 1);
