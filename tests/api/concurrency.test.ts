import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { auditEntries } from '@anett/db/schema';
import { READ_QUEUE } from '@anett/server/config';
import { createReadPool } from '@anett/server/read-pool';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createPerson } from '../support/factories.ts';

type Json = Record<string, unknown>;
const EXPORT = `/api/exports/persons.csv?purpose=${encodeURIComponent('Einladung Jahrestagung')}`;
// Far more than the buffers between the job and a client that does not read hold (≈ 350 KB).
const PERSONS = 10_000;

/** Read threads for the heavy-lane tests: one heavy thread, and room for one waiting job. */
const heavyPool = createReadPool({ readWorkers: 2, readQueue: { short: READ_QUEUE.short, heavy: 1 } });
afterAll(() => heavyPool.destroy());

/** An app on `heavyPool` with persons to export. */
async function busyWorld() {
  const t = await createTestApp({}, { readPool: heavyPool });
  const { token } = await t.login('manager');
  t.db.$client
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO persons (first_name, last_name, email, name_key)
       SELECT 'Gast' || i, 'Liste' || i, 'gast' || i || '@example.org', 'gast' || i || ' liste' || i FROM n`,
    )
    .run(PERSONS);
  return { t, token };
}

/**
 * Starts a download whose client does not read: the job sends what the buffers take (a few hundred KB of a file far
 * larger) and then waits, holding its heavy thread, until the client reads on or goes away.
 */
async function stalledExport(t: TestApp, token: string) {
  const res = (await t.as(token, { method: 'GET', url: EXPORT, payloadAsStream: true })) as LightMyRequestResponse & {
    raw: { res: { destroy(): void } };
  };
  expect(res.statusCode).toBe(200);
  const body = res.stream() as Readable;
  // The first chunk is there: the job runs (it is not waiting in the queue).
  await once(body, 'readable');
  return { res, body, abort: () => res.raw.res.destroy() };
}

const read = async (body: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
const exportAudits = (t: TestApp) =>
  t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'export')).all() as { diff: Json }[];
/** An aborted job is audited once it has stopped, after the client has gone. */
async function auditsSoon(t: TestApp, n: number) {
  for (let i = 0; i < 200 && exportAudits(t).length < n; i++) await new Promise((r) => setTimeout(r, 25));
  return exportAudits(t);
}

const pools: ReturnType<typeof createReadPool>[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.destroy();
});

describe('reads on worker threads', () => {
  it('shows every write answered 2xx in the next read, whichever worker answers it', async () => {
    const pool = createReadPool({ readWorkers: 2, readQueue: READ_QUEUE });
    pools.push(pool);
    const t = await createTestApp({}, { readPool: pool });
    const { token } = await t.login('manager');
    const created = await t.post(token, '/api/persons', { firstName: 'A', lastName: 'B' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    let version = created.json().version as number;
    const before = pool.short().completed;
    for (let i = 0; i < 40; i++) {
      const changed = await t.patch(token, `/api/persons/${id}`, { lastName: `Name${i}` }, `"${version}"`);
      expect(changed.statusCode).toBe(200);
      const logged = await t.post(token, '/api/interactions', { kind: 'call', subject: `Anruf ${i}`, personIds: [id] });
      expect(logged.statusCode).toBe(201);
      const [detail, list, timeline] = await Promise.all([
        t.as(token, { method: 'GET', url: `/api/persons/${id}` }),
        t.as(token, { method: 'GET', url: `/api/persons?q=Name${i}` }),
        t.as(token, { method: 'GET', url: `/api/persons/${id}/timeline?limit=1` }),
      ]);
      expect(detail.json()).toMatchObject({ lastName: `Name${i}`, version: changed.json().version });
      expect(list.json().items.map((p: Json) => p.id)).toEqual([id]);
      expect(timeline.json().items[0]).toMatchObject({ type: 'interaction', interaction: { subject: `Anruf ${i}` } });
      version = changed.json().version;
    }
    // They were answered by the pool's threads, not by the request thread.
    expect(pool.short().completed - before).toBeGreaterThanOrEqual(40 * 4);
    expect(pool.short().threads).toHaveLength(2);
  }, 60_000);

  it('answers the same without workers (READ_WORKERS=0)', async () => {
    const t = await createTestApp({ readWorkers: 0 });
    const { token } = await t.login('manager');
    const p = createPerson(t.db, { firstName: 'Ohne', lastName: 'Faden', email: 'ohne@example.org' });
    expect((await t.as(token, { method: 'GET', url: `/api/persons/${p.id}` })).json()).toMatchObject({ id: p.id });
    expect((await t.as(token, { method: 'GET', url: '/api/persons' })).json().total).toBe(1);
    const csv = await t.as(token, { method: 'GET', url: EXPORT });
    expect(csv.body).toContain('ohne@example.org');
    expect(exportAudits(t)[0]?.diff).toMatchObject({ count: 1 });
  });
});

describe('the heavy lane', () => {
  it('answers short reads while a download holds the heavy lane', async () => {
    const { t, token } = await busyWorld();
    const download = await stalledExport(t, token);
    const person = await t.as(token, { method: 'GET', url: '/api/persons?pageSize=1' });
    const detail = await t.as(token, { method: 'GET', url: `/api/persons/${person.json().items[0].id}` });
    const dashboard = await t.as(token, { method: 'GET', url: '/api/dashboard' });
    expect([person.statusCode, detail.statusCode, dashboard.statusCode]).toEqual([200, 200, 200]);
    expect(person.json().total).toBe(PERSONS);
    // All answered before the export got further: it is still waiting for its client, not yet audited.
    expect(download.body.readableEnded).toBe(false);
    expect(exportAudits(t)).toHaveLength(0);
    download.abort();
  }, 60_000);

  it('stops the job of a download the client aborts, and audits it as incomplete', async () => {
    const { t, token } = await busyWorld();
    const first = await stalledExport(t, token);
    first.abort();
    // The lane's only thread is free again: the next export runs to the end.
    const next = await t.as(token, { method: 'GET', url: EXPORT, payloadAsStream: true });
    const text = await read(next.stream() as Readable);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(PERSONS + 1);
    const audits = await auditsSoon(t, 2);
    const aborted = audits.find((a) => a.diff.completed === false);
    expect(aborted?.diff.count).toBeLessThan(PERSONS);
    expect(audits.find((a) => a !== aborted)?.diff).toMatchObject({ count: PERSONS });
  }, 60_000);

  it('answers 503 with Retry-After when the heavy queue is full, and serves again once it drains', async () => {
    const { t, token } = await busyWorld();
    const running = await stalledExport(t, token);
    // The next one waits in the queue (its answer starts with its job).
    const waiting = t.as(token, { method: 'GET', url: EXPORT, payloadAsStream: true });
    while (heavyPool.heavy().queueSize < 1) await new Promise((r) => setTimeout(r, 10));
    for (const url of [EXPORT, '/api/reports/reach?from=2024-01-01&to=2024-12-31']) {
      const refused = await t.as(token, { method: 'GET', url });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ status: 503, code: 'SERVER_BUSY' });
    }
    // Short reads have their own lane.
    expect((await t.as(token, { method: 'GET', url: '/api/persons' })).statusCode).toBe(200);
    running.abort();
    expect((await read((await waiting).stream() as Readable)).split('\r\n').filter(Boolean)).toHaveLength(PERSONS + 1);
    expect(
      (await t.as(token, { method: 'GET', url: '/api/reports/reach?from=2024-01-01&to=2024-12-31' })).statusCode,
    ).toBe(200);
  }, 60_000);
});
