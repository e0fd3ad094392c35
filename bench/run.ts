/**
 * `pnpm bench [--duration S] [--regen]`: starts the real server on the large synthetic profile and measures it with
 * autocannon from this (second) process on loopback. For reads it also times the same result computed in-process
 * through the repositories on a direct better-sqlite3 connection (the limit) and prints API/limit. Writes
 * bench/results.json. Targets are printed beside the figures; nothing here fails a build.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '@anett/db/client';
import type { Config } from '@anett/server/config';
import { createContext } from '@anett/server/context';
import { hashPassword } from '@anett/server/lib/passwords';
import { personListQuery } from '@anett/shared/schemas/person';
import autocannon from 'autocannon';
import { generate, profileFor } from '../scripts/gen-data.ts';
import { concurrencyBench, mixed } from './concurrency.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    'mixed-duration': { type: 'string', default: '60' },
    regen: { type: 'boolean', default: false },
    db: { type: 'string', default: join(root, 'data/bench.sqlite') },
    /** Comma-separated sections: reads, writes, export, mixed, concurrency, web (default: all). */
    only: { type: 'string' },
    /** Upper bound of the capacity search (concurrency). */
    'max-users': { type: 'string' },
  },
});
const runs = (section: string) => !args.only || args.only.split(',').includes(section);
const DURATION = Number(args.duration);
const ADMIN = { email: 'bench@anett.local', password: 'bench-password-2024' };

type Row = {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  limitMs?: number;
  ratio?: number;
  target: string;
  ok?: boolean;
};
const rows: Row[] = [];
const extra: Record<string, unknown> = {};

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function startProcess(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  // node itself, never a wrapper: the pid is the server's (for its RSS, and it is the process stopped at the end).
  // The app runs as in production (server/dist); the minimal server is a script of its own.
  const args = script.endsWith('.js') ? [script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${base}${script.includes('minimal') ? '/ping' : '/api/health'}`);
      if (res.ok) return { child, base };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopProcess(child, 'SIGKILL');
  throw new Error(`${script} did not start`);
}

/** Stops the process and waits until it has exited. */
async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

const rss = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
};

/** Status codes per response, as autocannon counts them. */
const statusCounts = (result: autocannon.Result) =>
  (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};

async function load(
  name: string,
  opts: autocannon.Options,
  target: string,
  check?: (r: Row) => boolean,
  /** Non-2xx answers that are correct here (counted apart, not as errors). */
  expected: number[] = [],
) {
  // One connection by default: better-sqlite3 is synchronous, so concurrent requests queue and the latency would
  // measure the queue, not the request. Throughput rows set their own connection count.
  const result = await autocannon({ connections: 1, duration: DURATION, ...opts });
  const answered = expected.reduce((n, code) => n + (statusCounts(result)[String(code)]?.count ?? 0), 0);
  const errors = result.errors + result.timeouts + result.non2xx - answered;
  const row: Row = {
    name,
    p50: result.latency.p50,
    p95: result.latency.p97_5 !== undefined ? percentile(result, 95) : result.latency.p90,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    errors,
    target,
  };
  if (check) row.ok = check(row) && errors === 0;
  rows.push(row);
  const apart = answered ? ` (${answered} × ${expected.join('/')}, expected)` : '';
  console.log(
    `  ${name}: p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms, ${row.rps}/s, errors ${errors}${apart}`,
  );
  return row;
}

/** autocannon reports p90/p97.5/p99; p95 is interpolated between p90 and p97.5. */
function percentile(result: autocannon.Result, p: 95): number {
  const l = result.latency as unknown as Record<string, number>;
  const lo = l.p90 ?? 0;
  const hi = l.p97_5 ?? lo;
  return Math.round((lo + ((hi - lo) * (p - 90)) / 7.5) * 100) / 100;
}

function timeInProcess(fn: () => unknown, iterations = 50): number {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 100) / 100;
}

async function main() {
  const dbPath = resolve(args.db ?? 'data/bench.sqlite');
  if (args.regen || !existsSync(dbPath)) {
    console.log('Generating the large profile …');
    const t = performance.now();
    generate(dbPath, profileFor(100_000)).$client.close();
    extra.generateSeconds = Math.round((performance.now() - t) / 100) / 10;
  }
  const setupDb = openDatabase(dbPath);
  const config = { databasePath: dbPath } as Config;
  const ctx = createContext(setupDb, config);
  if (!ctx.users.findByEmail(ADMIN.email)) {
    ctx.users.create({
      email: ADMIN.email,
      name: 'Bench',
      role: 'admin',
      passwordHash: await hashPassword(ADMIN.password),
    });
  }

  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const { child: minimal, base: minimalBase } = await startProcess('bench/minimal-server.ts', {});
  const server = await startProcess('server/dist/main.js', {
    DATABASE_PATH: dbPath,
    SEED_DEMO: '0',
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    // The bench admin logs in with a password alone.
    SECOND_FACTOR_ROLES: '',
  }).catch(async (err) => {
    await stopProcess(minimal);
    throw err;
  });
  const base = server.base;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const token = (await login.json()).accessToken as string;
    const auth = { authorization: `Bearer ${token}` };
    const samplePerson = Number(
      (setupDb.$client
        .prepare('SELECT person_id FROM attendances GROUP BY person_id ORDER BY count(*) DESC LIMIT 1')
        .pluck()
        .get() as number) ?? 1,
    );
    const events = setupDb.$client.prepare('SELECT id FROM events ORDER BY id').pluck().all() as number[];
    const personCount = setupDb.$client.prepare('SELECT max(id) FROM persons').pluck().get() as number;
    const listFilter = { district: '16066', sector: '29', hasEmail: 'true', sort: 'lastName' };
    const listQuery = String(new URLSearchParams(listFilter));
    const busiestEvent = setupDb.$client
      .prepare('SELECT event_id FROM attendances GROUP BY event_id ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as number;

    if (runs('reads')) {
      console.log('\nFramework ceiling and reads');
      await load('minimal Fastify route', { url: `${minimalBase}/ping` }, 'ceiling');
      await load('health (hooks + SELECT 1)', { url: `${base}/api/health` }, 'ceiling');

      /** A person list as the route reads it: the same query over HTTP and, parsed as the route parses it, in process. */
      const personList = (name: string, query: Record<string, string>, p95: number) => {
        // Parsed once, outside the timing: the in-process figure is the repository's work alone.
        const parsed = personListQuery.parse(query);
        return {
          name,
          path: `/api/persons?${new URLSearchParams(query)}`,
          p95,
          inProcess: () => ctx.persons.list(parsed),
          compared: true,
        };
      };
      // Each read is also timed in process: its ratio is what HTTP and the framework add (lists: at most 2×).
      const reads = [
        personList('person list: 3 filters + sort', listFilter, 25),
        personList('search q=müller', { q: 'müller' }, 25),
        // Issue 4's questions: who came to an event, and the headline one (QTI events of 2024 × WZ 29 × the district).
        personList(
          'persons who attended an event',
          { eventId: String(busiestEvent), attendanceStatus: 'attended' },
          50,
        ),
        personList(
          'headline: events 2024 × WZ 29 × district',
          {
            attendedFrom: '2024-01-01',
            attendedTo: '2024-12-31',
            attendanceStatus: 'attended',
            sector: '29',
            district: '16066',
          },
          50,
        ),
        {
          name: 'person detail',
          path: `/api/persons/${samplePerson}`,
          p95: 20,
          inProcess: () => ctx.persons.detail(samplePerson),
          compared: false,
        },
        {
          name: 'person timeline',
          path: `/api/persons/${samplePerson}/timeline`,
          p95: 20,
          inProcess: () => ctx.timeline.page('person', samplePerson, { limit: 50 }),
          compared: false,
        },
      ];
      const timed: { row: Row; compared: boolean }[] = [];
      for (const read of reads) {
        const row = await load(
          read.name,
          { url: `${base}${read.path}`, headers: auth },
          `p95 ≤ ${read.p95} ms`,
          (r) => r.p95 <= read.p95,
        );
        row.limitMs = timeInProcess(read.inProcess);
        timed.push({ row, compared: read.compared });
      }
      await load(
        'reach report 2024',
        { url: `${base}/api/reports/reach?from=2024-01-01&to=2024-12-31`, headers: auth },
        'p50 ≤ 500 ms',
        (r) => r.p50 <= 500,
      );
      await load('dashboard', { url: `${base}/api/dashboard`, headers: auth }, 'p50 ≤ 200 ms', (r) => r.p50 <= 200);
      for (const { row: r, compared } of timed) {
        if (r.limitMs) {
          r.ratio = Math.round((r.p50 / r.limitMs) * 10) / 10;
          if (compared) r.ok = (r.ok ?? true) && r.ratio <= 2;
        }
      }
    }
    if (runs('writes')) {
      console.log('\nWrites');
      await load(
        'login',
        {
          url: `${base}/api/auth/login`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
          connections: 4,
        },
        'argon2id-bound',
      );
      let n = 0;
      await load(
        'create interaction',
        {
          url: `${base}/api/interactions`,
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                body: JSON.stringify({ kind: 'call', subject: `Bench ${n++}`, personIds: [1 + (n % personCount)] }),
              }),
            },
          ],
          connections: 10,
        },
        '≥ 1 000/s',
        (r) => r.rps >= 1000,
      );
      // A fresh start each run: the profile is reused, and a pair registered by an earlier run answers 409.
      let a = Math.floor(Math.random() * 1e9);
      await load(
        'add attendance',
        {
          url: `${base}/api/events`,
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (req) => {
                a++;
                const eventId = events[a % events.length];
                const personId = 1 + ((a * 7919) % personCount);
                return {
                  ...req,
                  path: `/api/events/${eventId}/attendances`,
                  body: JSON.stringify({ personId, status: 'interested' }),
                };
              },
            },
          ],
          connections: 10,
        },
        '≥ 1 000/s',
        (r) => r.rps >= 1000,
        // A pair drawn again (or present in the profile) is answered 409 "already on the list": correct, not an error.
        [409],
      );
    }
    if (runs('export')) {
      console.log('\nExport');
      const before = rss(server.child.pid ?? 0);
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rss(server.child.pid ?? 0));
      }, 20);
      const t0 = performance.now();
      const res = await fetch(
        `${base}/api/exports/persons.csv?purpose=${encodeURIComponent('Benchmark: vollständige Liste')}`,
        { headers: auth },
      );
      const body = Buffer.from(await res.arrayBuffer());
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      const lines = body.toString('utf8').split('\r\n').length - 2;
      extra.export = {
        status: res.status,
        rows: lines,
        seconds: Math.round(seconds * 100) / 100,
        rssGrowthMb: Math.round((peak - before) / 1048576),
        bytes: body.length,
      };
      console.log(
        `  CSV export: ${lines} rows in ${seconds.toFixed(2)} s, RSS growth ${Math.round((peak - before) / 1048576)} MB (target ≤ 3 s, ≤ 100 MB)`,
      );
    }
    if (runs('mixed')) {
      console.log(`\nMixed workload: 50 clients for ${args['mixed-duration']} s`);
      extra.mixed = await mixed({ base, auth, mixedDuration: Number(args['mixed-duration']), personCount, listQuery });
    }
    if (runs('concurrency')) {
      extra.concurrency = await concurrencyBench({
        base,
        auth,
        load,
        duration: DURATION,
        mixedDuration: Number(args['mixed-duration']),
        personCount,
        samplePerson,
        events,
        listQuery,
        maxUsers: args['max-users'] ? Number(args['max-users']) : undefined,
      });
    }
    if (runs('web')) {
      console.log('\nWeb');
      extra.initialJsGzipKb = initialJsGzipKb();
      console.log(`  initial JS: ${extra.initialJsGzipKb} KB gzip (target ≤ 300)`);
      extra.listVisibleMs = await timeToList(base);
      console.log(`  person list visible: ${extra.listVisibleMs} ms (target ≤ 1 500)`);
    }
  } finally {
    await stopProcess(server.child);
    await stopProcess(minimal);
    setupDb.$client.close();
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`\n${machine}`);
  console.table(rows.map((r) => ({ ...r, ok: r.ok === undefined ? '' : r.ok ? '✓' : '✗' })));
  writeFileSync(
    join(root, 'bench/results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), machine, rows, ...extra }, null, 2)}\n`,
  );
  console.log('written bench/results.json');
}

function initialJsGzipKb(): number {
  const dist = join(root, 'web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
  return Math.round(bytes / 1024);
}

async function timeToList(base: string): Promise<number | null> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ baseURL: base, viewport: { width: 1366, height: 768 } });
    await page.goto('/login');
    await page.getByLabel('E-Mail').fill(ADMIN.email);
    await page.getByLabel('Passwort').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const t = performance.now();
    await page.goto('/personen');
    await page.locator('table tbody tr').first().waitFor({ timeout: 15_000 });
    return Math.round(performance.now() - t);
  } catch (err) {
    console.error('  list timing failed:', (err as Error).message);
    return null;
  } finally {
    await browser.close();
  }
}

await main();
