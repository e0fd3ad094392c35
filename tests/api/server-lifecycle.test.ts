import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDatabase } from '@anett/db/backup';
import { closeDatabase, openDatabase } from '@anett/db/client';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  alive,
  answers,
  ensureBuilt,
  insertPersons,
  root,
  type ServerProcess,
  serverEntry,
  startServer,
  stopServer,
  writeTags,
} from '../support/server-process.ts';

/** The production server process (`node server/dist/main.js`): start, graceful stop and upgrade. */
const dir = mkdtempSync(join(tmpdir(), 'anett-lifecycle-'));
const admin = { email: 'ops@example.org', password: 'Regen über dem Rennsteig' };
const started: ServerProcess[] = [];

beforeAll(() => ensureBuilt('server'));
afterEach(async () => {
  for (const s of started.splice(0)) if (alive(s.pid)) await stopServer(s, 'SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(dbPath: string, env: Record<string, string> = {}) {
  const server = await startServer({
    DATABASE_PATH: dbPath,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...env,
  });
  started.push(server);
  return server;
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(res.status).toBe(200);
  return (await res.json()).accessToken;
}

const migrationCount = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('the server process', () => {
  it('stops a start with a bad configuration with exit code 1 and a message naming the variable', () => {
    const res = spawnSync(process.execPath, [serverEntry], {
      cwd: root,
      env: { ...process.env, PORT: 'not-a-port', DATABASE_PATH: join(dir, 'never.sqlite') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Invalid configuration');
    expect(res.stderr).toContain('PORT');
    expect(existsSync(join(dir, 'never.sqlite'))).toBe(false);
  }, 60_000);

  it('on SIGTERM finishes the export in flight, keeps every acknowledged write, folds the WAL back and exits 0', async () => {
    const dbPath = join(dir, 'sigterm.sqlite');
    const seed = openDatabase(dbPath);
    insertPersons(seed, 50_000);
    closeDatabase(seed);
    const server = await start(dbPath);
    const token = await login(server.base);

    // An export of 50 000 rows (~8 MB) that this client reads only after the SIGTERM: it is in flight meanwhile.
    let signalled = () => {};
    const sigtermSent = new Promise<void>((r) => {
      signalled = r;
    });
    let exportStarted = () => {};
    const headersReceived = new Promise<void>((r) => {
      exportStarted = r;
    });
    const purpose = encodeURIComponent('Test: Herunterfahren während eines Exports');
    const exportBody = new Promise<{ status: number; body: string }>((resolve, reject) => {
      get(
        `${server.base}/api/exports/persons.csv?purpose=${purpose}`,
        { headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.pause();
          exportStarted();
          void sigtermSent.then(() => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
            res.resume();
          });
        },
      ).on('error', reject);
    });
    await headersReceived;

    const acknowledged: string[] = [];
    let stopping = false;
    let seq = 0;
    const writer = () =>
      writeTags(server, token, {
        name: () => `term-${seq++}`,
        color: 'green',
        stopping: () => stopping,
        acknowledged: (name) => acknowledged.push(name),
      });
    const writers = Array.from({ length: 8 }, writer);
    // Writes are being answered (and keep coming) when the signal arrives.
    for (let i = 0; i < 600 && acknowledged.length < 20; i++) await new Promise((r) => setTimeout(r, 50));
    const beforeSigterm = acknowledged.length;
    stopping = true;
    process.kill(server.pid, 'SIGTERM');
    // While the export is unread the server must wait for it, not exit.
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(server.pid)).toBe(true);
    signalled();

    const exported = await exportBody;
    await Promise.allSettled(writers);
    const { code, signal } = await server.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(alive(server.pid)).toBe(false);
    expect(await answers(server.port)).toBe(false);

    expect(exported.status).toBe(200);
    const lines = exported.body.split('\r\n').filter((l) => l !== '');
    expect(lines.length - 1).toBe(50_000);
    expect(beforeSigterm).toBeGreaterThanOrEqual(20);
    const db = new Database(dbPath, { readonly: true });
    const stored = new Set(db.prepare("SELECT name FROM tags WHERE name LIKE 'term-%'").pluck().all() as string[]);
    db.close();
    expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
    // The WAL was checkpointed into the file and the database closed: no WAL content is left beside it.
    const wal = `${dbPath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(checkDatabase(dbPath)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    // Drained within the grace period, not cut off by it.
    expect(server.output()).not.toContain('grace period');
  }, 120_000);

  it('backs an existing database up before applying pending migrations, and only then', async () => {
    // A database as the previous release left it: every migration but the newest one applied.
    const folder = join(root, 'drizzle/migrations');
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));
    const older = join(dir, 'older-migrations');
    mkdirSync(join(older, 'meta'), { recursive: true });
    const entries = journal.entries.slice(0, -1);
    for (const e of entries) cpSync(join(folder, `${e.tag}.sql`), join(older, `${e.tag}.sql`));
    writeFileSync(join(older, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    const dbDir = join(dir, 'upgrade');
    mkdirSync(dbDir);
    const dbPath = join(dbDir, 'crm.sqlite');
    const sqlite = new Database(dbPath);
    // The triggers of the migrations call the application's functions; the data here needs no real folding.
    sqlite.function('anett_fold', (t: unknown) => String(t ?? '').toLowerCase());
    sqlite.function('anett_sort_key', (t: unknown) => String(t ?? '').toLowerCase());
    migrate(drizzle(sqlite), { migrationsFolder: older });
    sqlite.close();
    expect(migrationCount(dbPath)).toBe(entries.length);

    const server = await start(dbPath);
    await login(server.base);
    expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    const backups = readdirSync(join(dbDir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = join(dbDir, 'backups', backups[0] ?? '');
    expect(server.output()).toContain(`1 database migration(s) to apply; backup taken first: ${backup}`);
    expect(checkDatabase(backup)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(migrationCount(backup)).toBe(entries.length);
    expect(migrationCount(dbPath)).toBe(journal.entries.length);

    // Up to date now: the next start takes no backup.
    const again = await start(dbPath);
    await stopServer(again);
    expect(readdirSync(join(dbDir, 'backups'))).toHaveLength(1);
    expect(again.output()).not.toContain('backup taken first');
  }, 120_000);

  it('takes the daily backup with deploy/backup.sh and keeps only the newest KEEP of them', async () => {
    const dbDir = join(dir, 'daily');
    mkdirSync(dbDir);
    const dbPath = join(dbDir, 'crm.sqlite');
    const db = openDatabase(dbPath);
    insertPersons(db, 100);
    const backupDir = join(dbDir, 'backups');
    mkdirSync(backupDir);
    // A backup taken before a migration is kept apart from the rotation.
    writeFileSync(join(backupDir, 'crm-before-migration-2026-01-01.sqlite'), '');
    const outputs: string[] = [];
    for (let i = 0; i < 3; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 1100));
      const res = spawnSync('sh', ['deploy/backup.sh'], {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: dbPath, KEEP: '2' },
        encoding: 'utf8',
      });
      expect(res.status, res.stderr).toBe(0);
      outputs.push(res.stdout);
    }
    closeDatabase(db);
    const all = readdirSync(backupDir);
    // Rotated backups go with the -wal/-shm files SQLite keeps beside them.
    expect(all.filter((f) => /-(wal|shm)$/.test(f) && !all.includes(f.slice(0, -4)))).toEqual([]);
    const files = all.filter((f) => f.endsWith('.sqlite')).sort();
    expect(files).toHaveLength(3);
    expect(files).toContain('crm-before-migration-2026-01-01.sqlite');
    const kept = files.filter((f) => f.startsWith('backup-'));
    // The two newest are the ones the second and third run wrote.
    for (const [i, name] of kept.entries()) {
      expect(outputs[i + 1]).toContain(join(backupDir, name));
      expect(checkDatabase(join(backupDir, name))).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
      const copy = new Database(join(backupDir, name), { readonly: true });
      expect(copy.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(100);
      copy.close();
    }
  }, 60_000);
});
