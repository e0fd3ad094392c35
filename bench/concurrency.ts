/**
 * `pnpm bench --only concurrency`: many users at once (issue 14). The person list at 1/2/4/16 connections, person
 * detail alone and while another client downloads the 100k CSV export and runs the reach report back to back, a
 * mixed load of 50 clients, writes, and the capacity: how many users (an action, then 5 s of thinking) the server
 * serves with p95 ≤ 200 ms.
 */
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';

export type Load = (
  name: string,
  opts: autocannon.Options,
  target: string,
  check?: (r: LoadRow) => boolean,
  expected?: number[],
) => Promise<LoadRow>;
export type LoadRow = { name: string; p50: number; p95: number; p99: number; rps: number; errors: number };

type Setup = {
  base: string;
  auth: { authorization: string };
  load: Load;
  duration: number;
  mixedDuration: number;
  personCount: number;
  samplePerson: number;
  events: number[];
  listQuery: string;
  /** The p95 ≤ 200 ms capacity search is bounded to this many users. */
  maxUsers?: number;
};

const EXPORT_PURPOSE = encodeURIComponent('Benchmark: vollständige Liste');

/** Status codes per response, as autocannon counts them. */
const statusCounts = (result: autocannon.Result) =>
  (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};

/** autocannon reports p90/p97.5/p99; p95 is interpolated between p90 and p97.5. */
export function p95Of(result: autocannon.Result): number {
  const l = result.latency as unknown as Record<string, number>;
  const lo = l.p90 ?? 0;
  const hi = l.p97_5 ?? lo;
  return Math.round((lo + ((hi - lo) * (95 - 90)) / 7.5) * 100) / 100;
}

/**
 * Another client in a thread of its own (so that reading 18 MB does not stall autocannon's event loop): downloads the
 * full CSV export and runs the reach report, one after the other, until told to stop.
 */
function heavyClient(base: string, auth: Record<string, string>) {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { base, auth, purpose } = workerData;
    let stop = false;
    const done = { exports: 0, reports: 0, exportRows: 0, statuses: {} };
    parentPort.on('message', () => { stop = true; });
    const count = (s) => { done.statuses[s] = (done.statuses[s] ?? 0) + 1; };
    (async () => {
      while (!stop) {
        const csv = await fetch(base + '/api/exports/persons.csv?purpose=' + purpose, { headers: auth });
        count(csv.status);
        let rows = 0;
        for await (const chunk of csv.body) for (const b of chunk) if (b === 10) rows++;
        done.exports++;
        done.exportRows = rows - 1;
        if (stop) break;
        const reach = await fetch(base + '/api/reports/reach?from=2024-01-01&to=2024-12-31', { headers: auth });
        count(reach.status);
        await reach.arrayBuffer();
        done.reports++;
      }
      parentPort.postMessage(done);
    })();
  `;
  const worker = new Worker(code, { eval: true, workerData: { base, auth, purpose: EXPORT_PURPOSE } });
  return {
    async stop() {
      const finished = new Promise<Record<string, unknown>>((ok) => worker.once('message', ok));
      worker.postMessage('stop');
      const result = await finished;
      await worker.terminate();
      return result;
    },
  };
}

type Action = { kind: string; run: () => Promise<Response> };

/** What one active user does: list, search, detail, log a contact, register a guest, and one export in fifty. */
function userActions(s: Setup): (n: number) => Action {
  const json = { ...s.auth, 'content-type': 'application/json' };
  const get = (path: string) => () => fetch(`${s.base}${path}`, { headers: s.auth });
  const names = ['schmidt', 'müller', 'weber', 'sömmerda', 'wagner', 'becker'];
  let pair = Math.floor(Math.random() * 1e9);
  return (n) => {
    const person = 1 + Math.floor(Math.random() * s.personCount);
    if (n % 50 === 49)
      return { kind: 'export', run: get(`/api/exports/persons.csv?district=16066&purpose=${EXPORT_PURPOSE}`) };
    switch (n % 6) {
      case 0:
        return { kind: 'list', run: get(`/api/persons?${s.listQuery}&page=${1 + (n % 5)}`) };
      case 1:
        return { kind: 'search', run: get(`/api/persons?q=${encodeURIComponent(names[n % names.length] ?? '')}`) };
      case 2:
        return { kind: 'detail', run: get(`/api/persons/${person}`) };
      case 3:
        return { kind: 'timeline', run: get(`/api/persons/${person}/timeline`) };
      case 4:
        return {
          kind: 'contact',
          run: () =>
            fetch(`${s.base}/api/interactions`, {
              method: 'POST',
              headers: json,
              body: JSON.stringify({ kind: 'call', subject: `Kapazität ${n}`, personIds: [person] }),
            }),
        };
      default: {
        pair++;
        const eventId = s.events[pair % s.events.length];
        return {
          kind: 'guest',
          run: () =>
            fetch(`${s.base}/api/events/${eventId}/attendances`, {
              method: 'POST',
              headers: json,
              body: JSON.stringify({ personId: 1 + ((pair * 7919) % s.personCount), status: 'registered' }),
            }),
        };
      }
    }
  };
}

type Step = { users: number; p95: number; p99: number; rps: number; requests: number; fiveXx: number };

/**
 * `users` simulated users for `seconds`: each does an action, waits for the whole answer, thinks 5 s, and again.
 * Starts are spread over the first think time; latencies of the first 5 s are not counted (warm-up).
 */
async function usersStep(s: Setup, users: number, seconds: number): Promise<Step> {
  const next = userActions(s);
  const latencies: number[] = [];
  let fiveXx = 0;
  let n = Math.floor(Math.random() * 1000);
  const started = performance.now();
  const end = started + seconds * 1000;
  const measureFrom = started + 5000;
  const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
  const user = async () => {
    await sleep(Math.random() * 5000);
    while (performance.now() < end) {
      const action = next(n++);
      const t = performance.now();
      try {
        const res = await action.run();
        await res.arrayBuffer();
        if (res.status >= 500) fiveXx++;
      } catch {
        fiveXx++;
      }
      if (t >= measureFrom) latencies.push(performance.now() - t);
      await sleep(5000);
    }
  };
  await Promise.all(Array.from({ length: users }, user));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.floor((latencies.length - 1) * p)] ?? 0) * 10) / 10;
  const measured = (performance.now() - measureFrom) / 1000;
  return {
    users,
    p95: at(0.95),
    p99: at(0.99),
    rps: Math.round(latencies.length / measured),
    requests: latencies.length,
    fiveXx,
  };
}

/** The largest number of users with p95 ≤ 200 ms and no 5xx: doubling, then bisecting between the last two steps. */
async function capacity(s: Setup): Promise<{ users: number; steps: Step[] }> {
  const steps: Step[] = [];
  const ok = (st: Step) => st.p95 <= 200 && st.fiveXx === 0;
  const run = async (users: number) => {
    const st = await usersStep(s, users, 25);
    steps.push(st);
    console.log(
      `    ${users} users: p95 ${st.p95} ms, p99 ${st.p99} ms, ${st.rps} req/s, ${st.fiveXx} × 5xx ${ok(st) ? '✓' : '✗'}`,
    );
    return ok(st);
  };
  const max = s.maxUsers ?? 3200;
  let good = 0;
  let bad = 0;
  for (let users = 50; users <= max; users *= 2) {
    if (await run(users)) good = users;
    else {
      bad = users;
      break;
    }
  }
  if (!bad) return { users: good, steps };
  // Three bisection steps: within an eighth of the last doubling.
  for (let i = 0; i < 3 && bad - good > 10; i++) {
    const mid = Math.round((good + bad) / 2);
    if (await run(mid)) good = mid;
    else bad = mid;
  }
  return { users: good, steps };
}

export async function concurrencyBench(s: Setup): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  // The heavy lane loads in the background after the start: one read of each lane waits for its threads.
  for (const path of [
    `/api/persons?${s.listQuery}`,
    `/api/persons/${s.samplePerson}`,
    '/api/reports/reach?from=2024-01-01&to=2024-03-31',
  ])
    await (await fetch(`${s.base}${path}`, { headers: s.auth })).arrayBuffer();
  console.log('\nConcurrency: person list by connections');
  const list: Record<number, LoadRow> = {};
  for (const connections of [1, 2, 4, 16]) {
    list[connections] = await s.load(
      `person list, ${connections} connection${connections === 1 ? '' : 's'}`,
      { url: `${s.base}/api/persons?${s.listQuery}`, headers: s.auth, connections },
      connections === 4 ? '≥ 1.7 × 1 connection' : '—',
    );
  }
  const scale = Math.round(((list[4]?.rps ?? 0) / (list[1]?.rps || 1)) * 100) / 100;
  console.log(`  4 connections / 1 connection: × ${scale} (target ≥ 1.7)`);
  out.listScale = scale;

  console.log('\nConcurrency: person detail, quiet and while exports and reach reports run');
  const detailUrl = `${s.base}/api/persons/${s.samplePerson}`;
  const detail1 = await s.load('person detail, 1 connection', { url: detailUrl, headers: s.auth }, '≤ 1.3 × before');
  const quiet = await s.load('person detail, 4 connections', { url: detailUrl, headers: s.auth, connections: 4 }, '—');
  const heavy = heavyClient(s.base, s.auth);
  // The first export is under way before the measurement starts.
  await new Promise((ok) => setTimeout(ok, 1000));
  const busy = await s.load(
    'person detail, 4 connections, during exports + reach',
    { url: detailUrl, headers: s.auth, connections: 4 },
    `p95 ≤ 30 ms and ≤ 3 × quiet (${quiet.p95} ms)`,
    (r) => r.p95 <= 30 && r.p95 <= 3 * quiet.p95,
  );
  const heavyDone = await heavy.stop();
  console.log(`  meanwhile the other client: ${JSON.stringify(heavyDone)}`);
  out.detail = { oneConnection: detail1, quiet, busy, heavyClient: heavyDone };

  console.log(`\nConcurrency: mixed, 50 clients for ${s.mixedDuration} s (reads, writes, exports)`);
  out.mixed = await mixed(s);

  console.log('\nConcurrency: writes');
  let w = 0;
  out.writes = await s.load(
    'create interaction, 10 connections',
    {
      url: `${s.base}/api/interactions`,
      method: 'POST',
      headers: { ...s.auth, 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ kind: 'call', subject: `Bench ${w++}`, personIds: [1 + (w % s.personCount)] }),
          }),
        },
      ],
      connections: 10,
    },
    '≥ 1 000/s',
    (r) => r.rps >= 1000,
  );

  console.log('\nConcurrency: capacity (users doing an action, then thinking 5 s; p95 ≤ 200 ms, no 5xx)');
  const cap = await capacity(s);
  console.log(`  capacity: ${cap.users} simultaneous active users`);
  out.capacity = cap;
  return out;
}

/** 50 clients without pause: lists, searches, timelines, writes, export previews and one small export in 50. */
export async function mixed(s: Pick<Setup, 'base' | 'auth' | 'mixedDuration' | 'personCount' | 'listQuery'>) {
  let m = 0;
  const result = await autocannon({
    url: s.base,
    connections: 50,
    duration: s.mixedDuration,
    headers: s.auth,
    requests: [
      {
        setupRequest: (req) => {
          m++;
          const kind = m % 10;
          // Only the write sends a body: Fastify answers 400 to a request that declares JSON and sends none.
          const get = (path: string) => ({ ...req, method: 'GET' as const, headers: s.auth, body: undefined, path });
          if (m % 50 === 0) return get(`/api/exports/persons.csv?district=16066&purpose=${EXPORT_PURPOSE}`);
          if (kind < 5) return get(`/api/persons?${s.listQuery}&page=${1 + (m % 5)}`);
          if (kind < 7)
            return get(`/api/persons?q=${encodeURIComponent(['schmidt', 'sömmerda', 'weber'][m % 3] ?? '')}`);
          if (kind < 8) return get(`/api/persons/${1 + (m % s.personCount)}/timeline`);
          if (kind < 9)
            return {
              ...req,
              method: 'POST',
              path: '/api/interactions',
              headers: { ...s.auth, 'content-type': 'application/json' },
              body: JSON.stringify({ kind: 'note', subject: `Mixed ${m}`, personIds: [1 + (m % s.personCount)] }),
            };
          return get('/api/exports/preview?district=16066');
        },
      },
    ],
  });
  const codes = statusCounts(result);
  const count = (prefix: string) =>
    Object.entries(codes)
      .filter(([c]) => c.startsWith(prefix))
      .reduce((sum, [, v]) => sum + v.count, 0);
  const figures = {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: p95Of(result),
    p99: result.latency.p99,
    status: codes,
    fiveXx: count('5'),
    busy503: count('503'),
    errors: result.errors,
    timeouts: result.timeouts,
  };
  console.log(
    `  ${figures.requests} requests, ${figures.rps}/s, p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms, ` +
      `5xx ${figures.fiveXx} (of them 503 ${figures.busy503}), errors ${figures.errors}, timeouts ${figures.timeouts} ` +
      `(target p95 ≤ 250 ms, 0 × 5xx)`,
  );
  return figures;
}
