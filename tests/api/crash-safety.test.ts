import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDatabase } from '@anett/db/backup';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alive,
  answers,
  ensureBuilt,
  holdsFile,
  holdsPort,
  type ServerProcess,
  startServer,
  stopServer,
  writeTags,
} from '../support/server-process.ts';

/**
 * Runs the real server under concurrent write load, kills the process that holds the database with SIGKILL at a
 * random moment, proves it is gone (pid and port), restarts it and checks that the database is sound and that every
 * write answered 2xx survived.
 */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'anett-crash-'));
const dbPath = join(dir, 'crm.sqlite');
const admin = { email: 'crash@example.org', password: 'Sturm über dem Inselsberg' };
let running: ServerProcess | undefined;
let tornDown = false;

beforeAll(() => ensureBuilt('server'));
afterAll(async () => {
  // After a timeout the test body goes on: it must not start another server.
  tornDown = true;
  if (running) await stopServer(running, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs of the server process`, async () => {
    const acknowledged = new Set<string>();
    let token = '';
    let seq = 0;
    for (let round = 0; round < ROUNDS && !tornDown; round++) {
      const server = await startServer({
        DATABASE_PATH: dbPath,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        LOG_LEVEL: 'silent',
      });
      running = server;
      if (tornDown) await stopServer(server, 'SIGKILL');
      // The spawned pid is the server itself: it listens on the port and has the database open.
      expect(holdsPort(server.pid, server.port), `round ${round}: pid ${server.pid} listens`).toBe(true);
      expect(holdsFile(server.pid, dbPath), `round ${round}: pid ${server.pid} holds the database`).toBe(true);
      if (!token) {
        const res = await fetch(`${server.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(admin),
        });
        token = (await res.json()).accessToken;
      }
      let killed = false;
      const writer = () =>
        writeTags(server, token, {
          name: () => `crash-${round}-${seq++}`,
          color: 'blue',
          stopping: () => killed,
          acknowledged: (name) => acknowledged.add(name),
        });
      const writers = Array.from({ length: 8 }, writer);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 350));
      killed = true;
      process.kill(server.pid, 'SIGKILL');
      const { signal } = await server.exited;
      running = undefined;
      await Promise.allSettled(writers);
      // Nothing of this round's server is left: the pid is gone and nobody answers on its port.
      expect(signal, `round ${round}`).toBe('SIGKILL');
      expect(alive(server.pid), `round ${round}: pid ${server.pid} gone`).toBe(false);
      expect(await answers(server.port), `round ${round}: port ${server.port} closed`).toBe(false);

      const check = checkDatabase(dbPath);
      expect(check, `round ${round}`).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    }
    const db = new Database(dbPath, { readonly: true });
    const stored = new Set(db.prepare("SELECT name FROM tags WHERE name LIKE 'crash-%'").pluck().all() as string[]);
    db.close();
    const lost = [...acknowledged].filter((n) => !stored.has(n));
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 5);
    expect(lost).toEqual([]);
  }, 900_000);
});
