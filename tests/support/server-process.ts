import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@anett/db/client';

/**
 * The production server as a separate process: `node server/dist/main.js`, spawned directly so that the child's pid
 * is the process that listens and holds the database (no wrapper in between), plus /proc checks that prove it.
 */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = join(root, 'server/dist/main.js');

/** Builds what is out of date (`scripts/build.mjs`, cached by a hash of the sources; a no-op in `pnpm test`). */
export function ensureBuilt(what: 'server' | 'all' = 'server') {
  const res = spawnSync(process.execPath, ['scripts/build.mjs', ...(what === 'server' ? ['--server'] : [])], {
    cwd: root,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`build failed:\n${res.stdout}${res.stderr}`);
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer()
      .once('error', fail)
      .listen(0, host, () => {
        const { port } = s.address() as { port: number };
        s.close(() => ok(port));
      });
  });
}

/** Whether anything accepts a TCP connection on the port (a refused or reset connect is "no"). */
export function answers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((ok) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
    socket.once('timeout', () => {
      socket.destroy();
      ok(false);
    });
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped) still answers kill 0 but holds nothing.
  const stat = readIfExists(`/proc/${pid}/stat`);
  return stat !== undefined && !/^\d+ \(.*\) Z /.test(stat);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Targets of the process's open file descriptors (`socket:[inode]`, file paths). */
function openFiles(pid: number): string[] {
  const dir = `/proc/${pid}/fd`;
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const fd of readdirSync(dir)) {
    try {
      out.push(readlinkSync(join(dir, fd)));
    } catch {}
  }
  return out;
}

/** Inodes of the TCP sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (readIfExists(table) ?? '').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; column 9 is the inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.push(cols[9]);
    }
  }
  return inodes;
}

/** Whether `pid` itself holds the socket listening on `port`. */
export function holdsPort(pid: number, port: number): boolean {
  const inodes = listeningInodes(port);
  const files = openFiles(pid);
  return inodes.length > 0 && inodes.some((inode) => files.includes(`socket:[${inode}]`));
}

/** Whether `pid` has the file open (the SQLite database). */
export function holdsFile(pid: number, path: string): boolean {
  return openFiles(pid).includes(path);
}

/** Child processes of `pid` (from /proc). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readIfExists(`/proc/${entry}/stat`);
    // Field 4 (after the parenthesised name, which may contain spaces) is the parent pid.
    const ppid = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    if (ppid === String(pid)) out.push(Number(entry));
  }
  return out;
}

// A test that times out keeps running after its hooks; whatever it started still goes when this worker ends (vitest
// stops a worker with SIGTERM, which would otherwise end it without any 'exit' handler).
const live = new Set<ChildProcess>();
const killLive = () => {
  for (const child of live) child.kill('SIGKILL');
};
process.once('exit', killLive);
process.once('SIGTERM', () => {
  killLive();
  process.exit(143);
});

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  /** Resolves when the process has exited (and was reaped). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
};

/**
 * Creates tags on a running server as fast as it answers, until it fails after `stopping()` turned true (a failure
 * before that fails the test); each name it answered 201 for goes to `acknowledged`: the server promised to keep it.
 */
export async function writeTags(
  server: ServerProcess,
  token: string,
  o: { name: () => string; color: string; stopping: () => boolean; acknowledged: (name: string) => void },
) {
  for (;;) {
    const name = o.name();
    try {
      const res = await fetch(`${server.base}/api/tags`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name, color: o.color }),
      });
      if (res.status === 201) o.acknowledged(name);
      else if (!o.stopping()) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      else return;
    } catch (err) {
      if (!o.stopping()) throw err;
      return;
    }
  }
}

/** Starts `node server/dist/main.js` with `env` and waits until /api/health answers. */
export async function startServer(env: Record<string, string>, opts: { port?: number } = {}): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, [serverEntry], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: '0',
      // The tests' first admin logs in with a password alone (the second factor is tested on its own).
      SECOND_FACTOR_ROLES: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  live.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      ok({ code, signal });
    }),
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('server did not spawn');
  const base = `http://127.0.0.1:${port}`;
  let done = false;
  void exited.then(() => {
    done = true;
  });
  // Up to a minute: on a loaded machine loading the modules alone takes seconds.
  for (let i = 0; i < 1200 && !done; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, pid, port, base, exited, output: () => output };
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  await exited;
  throw new Error(`server did not start:\n${output}`);
}

/** Stops the server with `signal` and waits until the process is gone and the port refuses connections. */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  const result = await server.exited;
  if (alive(server.pid)) throw new Error(`pid ${server.pid} is still alive`);
  if (await answers(server.port)) throw new Error(`port ${server.port} still answers`);
  return result;
}

/** Adds `count` persons with an e-mail address straight in SQL (the search and sort triggers run as usual). */
export function insertPersons(db: Db, count: number) {
  db.$client
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO persons (first_name, last_name, email, name_key)
       SELECT 'Vorname' || i, 'Nachname' || i, 'person' || i || '@example.org', 'vorname' || i || ' nachname' || i
       FROM n`,
    )
    .run(count);
}
