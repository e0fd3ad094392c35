/**
 * `tsx bench/reach.ts [--db FILE] [--year YYYY] [--runs N]`: times the reach report, its XLSX export, the dashboard
 * and the network graph on the large synthetic profile (`pnpm gen:data --out FILE`: 100 000 persons, 500 000
 * attendances, 300 000 interactions) through the app in this process (inject, so no network). Works on a copy of the
 * file. Targets (issue 6): reach report of one year < 500 ms, dashboard < 200 ms. Besides the wall time the CPU time
 * of this process is printed: on a shared machine the wall time includes waiting for other processes.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@anett/db/client';
import { benchApp } from './in-process-app.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/rep/bench.sqlite' },
    year: { type: 'string', default: String(new Date().getUTCFullYear() - 1) },
    runs: { type: 'string', default: '7' },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'anett-reach-bench-'));
const path = join(dir, 'crm.sqlite');
copyFileSync(args.db, path);
const db = openDatabase(path);
const { app, headers } = await benchApp(db, path, dir);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function time(label: string, url: string, target?: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < Number(args.runs) + 1; i++) {
    const started = performance.now();
    const before = process.cpuUsage();
    const res = await app.inject({ url, headers });
    const used = process.cpuUsage(before);
    if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
    // The first run warms the statement cache and the JIT.
    if (i === 0) continue;
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  const verdict = target === undefined ? '' : median(wall) < target ? ` ✓ < ${target} ms` : ` ✗ target ${target} ms`;
  console.log(
    `${label.padEnd(40)} wall median ${median(wall).toFixed(0).padStart(5)} ms (min ${Math.min(...wall).toFixed(0)})` +
      `  cpu median ${median(cpu).toFixed(0).padStart(5)} ms${verdict}`,
  );
}

const y = args.year;
await time(`reach ${y}`, `/api/reports/reach?from=${y}-01-01&to=${y}-12-31`, 500);
await time(`reach ${y}, one node`, `/api/reports/reach?from=${y}-01-01&to=${y}-12-31&nodeId=1`);
await time(
  `reach ${y}, attended + interaction + course`,
  `/api/reports/reach?from=${y}-01-01&to=${y}-12-31&reachedBy=attended,interaction,course_completed`,
);
await time(`reach ${y}.xlsx`, `/api/reports/reach.xlsx?from=${y}-01-01&to=${y}-12-31`);
await time('dashboard', '/api/dashboard', 200);
await time('graph network', '/api/graph/network');
await time('graph ego person 1', '/api/graph/ego?type=person&id=1');
await time('graph ego organization 1', '/api/graph/ego?type=organization&id=1');

await app.close();
db.$client.close();
rmSync(dir, { recursive: true, force: true });
