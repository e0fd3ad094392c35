import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDatabase } from '@anett/db/backup';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Runs the real server under concurrent write load, kills it with SIGKILL at random moments, restarts it and
 * checks that the database is sound and that every write answered 2xx survived.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'anett-crash-'));
const dbPath = join(dir, 'crm.sqlite');
const admin = { email: 'crash@example.org', password: 'Sturm über dem Inselsberg' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dbPath,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      // The test writes as the first admin with a password alone (no second factor to enrol).
      SECOND_FACTOR_ROLES: '',
      SEED_DEMO: '0',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

describe('crash safety', () => {
  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs`, async () => {
    const acknowledged = new Set<string>();
    let token = '';
    let seq = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const child = await startServer(port);
      const exited = new Promise((r) => child.once('exit', r));
      if (!token) {
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(admin),
        });
        token = (await res.json()).accessToken;
      }
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const name = `crash-${round}-${seq++}`;
          try {
            const res = await fetch(`${base}/api/tags`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ name, color: 'blue' }),
            });
            if (res.status === 201) acknowledged.add(name);
            else if (!killed) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          } catch (err) {
            if (!killed) throw err;
          }
        }
      };
      const writers = Array.from({ length: 8 }, writer);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 350));
      killed = true;
      child.kill('SIGKILL');
      await exited;
      await Promise.allSettled(writers);

      const check = checkDatabase(dbPath);
      expect(check, `round ${round}`).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    }
    const db = new Database(dbPath, { readonly: true });
    const stored = new Set(db.prepare("SELECT name FROM tags WHERE name LIKE 'crash-%'").pluck().all() as string[]);
    db.close();
    const lost = [...acknowledged].filter((n) => !stored.has(n));
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 5);
    expect(lost).toEqual([]);
  }, 300_000);
});
