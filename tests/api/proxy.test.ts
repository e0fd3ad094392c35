import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '@anett/db/client';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alive,
  answers,
  childrenOf,
  ensureBuilt,
  freePort,
  insertPersons,
  root,
  type ServerProcess,
  startServer,
  stopServer,
} from '../support/server-process.ts';

/**
 * deploy/nginx/anett.conf, run by Debian's nginx on loopback with a certificate made for the test, in front of the
 * production server (TRUST_PROXY=1): what users reach in a real deployment.
 */
const NGINX = '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';
const isRoot = process.getuid?.() === 0;
// `pnpm test` installs nginx when it runs as root (as it does chromium); without root and without nginx: skipped.
const skipReason = existsSync(NGINX)
  ? undefined
  : isRoot
    ? undefined
    : `nginx is not installed at ${NGINX} and installing it needs root (apt-get install nginx)`;
if (skipReason) process.stdout.write(`proxy.test.ts skipped: ${skipReason}\n`);

const admin = { email: 'proxy@example.org', password: 'Nebel über der Wartburg' };
const ROWS = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'anett-proxy-'));
const dbPath = join(dir, 'crm.sqlite');
let app: ServerProcess | undefined;
let nginx: ChildProcess | undefined;
let nginxExited: Promise<unknown> | undefined;
let httpsPort = 0;
let httpPort = 0;
let cert = '';

type Response = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** One request through the proxy over TLS (certificate checked), from the given loopback address. */
function viaProxy(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: httpsPort,
        servername: 'localhost',
        ca: cert,
        path,
        method: opts.method ?? 'GET',
        headers: { host: 'localhost', ...opts.headers },
        localAddress: opts.from ?? '127.0.0.2',
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Replaces `from` in the site file, failing loudly when the file no longer has it. */
function replaceIn(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`deploy/nginx/anett.conf no longer contains ${from}`);
  return next;
}

beforeAll(async () => {
  if (skipReason) return;
  if (!existsSync(NGINX)) throw new Error(`nginx missing at ${NGINX}: run \`pnpm test\` (installs it as root)`);
  ensureBuilt('all');
  // nginx's workers (user nobody) create their temp folders in here.
  chmodSync(dir, 0o755);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const openssl = spawnSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
      ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', keyFile, '-out', certFile],
    ],
    { encoding: 'utf8' },
  );
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);
  cert = readFileSync(certFile, 'utf8');

  const db = openDatabase(dbPath);
  insertPersons(db, ROWS);
  closeDatabase(db);
  app = await startServer({
    DATABASE_PATH: dbPath,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    TRUST_PROXY: '1',
    WEB_DIST: join(root, 'web/dist'),
  });

  httpsPort = await freePort();
  httpPort = await freePort();
  let site = readFileSync(join(root, 'deploy/nginx/anett.conf'), 'utf8');
  site = replaceIn(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${app.port};`);
  site = replaceIn(site, /^\s*listen \[::\].*$/gm, '');
  site = replaceIn(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`);
  site = replaceIn(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`);
  site = replaceIn(site, /server_name crm\.example\.org;/g, 'server_name localhost;');
  site = replaceIn(site, /ssl_certificate .*;/, `ssl_certificate ${certFile};`);
  site = replaceIn(site, /ssl_certificate_key .*;/, `ssl_certificate_key ${keyFile};`);
  if (!existsSync(BROTLI)) {
    process.stdout.write('proxy.test.ts: no brotli module for nginx here; the site runs with gzip only\n');
    site = replaceIn(site, /^\s*brotli.*$/gm, '');
  }
  writeFileSync(join(dir, 'site.conf'), site);
  // The parts of Debian's nginx.conf a site relies on; in the foreground (the test's child), files in the temp dir.
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${isRoot ? 'user nobody nogroup;\n' : ''}daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
${existsSync(BROTLI) ? `load_module ${BROTLI};\n` : ''}events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${join(dir, 'access.log')};
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${join(dir, 'site.conf')};
}
`,
  );
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
  const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  nginx = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr?.on('data', (d) => {
    stderr += d;
  });
  nginxExited = new Promise((r) => nginx?.once('exit', r));
  for (let i = 0; i < 200 && !(await answers(httpsPort)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await answers(httpsPort))) throw new Error(`nginx did not start: ${stderr}`);
}, 240_000);

afterAll(async () => {
  // Only after a failure is anything still running here: the last test stops both and checks that.
  if (nginx?.pid && alive(nginx.pid)) {
    nginx.kill('SIGTERM');
    await nginxExited;
  }
  if (app && alive(app.pid)) await stopServer(app, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(skipReason)('behind nginx (deploy/nginx/anett.conf)', () => {
  it('sends plain HTTP to HTTPS and speaks HTTP/2', async () => {
    const redirect = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: httpPort, path: '/personen', headers: { host: 'localhost' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
        .on('error', reject)
        .end();
    });
    expect(redirect).toEqual({ status: 301, location: 'https://localhost/personen' });

    const session = connect(`https://127.0.0.1:${httpsPort}`, { ca: cert, servername: 'localhost' });
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({ ':path': '/api/health' });
        let status = 0;
        let body = '';
        stream.on('response', (h) => {
          status = Number(h[':status']);
        });
        stream.setEncoding('utf8');
        stream.on('data', (d: string) => {
          body += d;
        });
        stream.on('end', () => resolve({ status, body }));
        stream.on('error', reject);
        stream.end();
      });
      expect(status).toBe(200);
      expect(JSON.parse(body)).toEqual({ status: 'ok' });
    } finally {
      session.close();
    }
  });

  it('logs in over HTTPS with a Secure refresh cookie that refreshes the session', async () => {
    const res = await viaProxy('/api/auth/login', json(admin));
    expect(res.status).toBe(200);
    const setCookies = [res.headers['set-cookie'] ?? []].flat().map(String);
    const cookie = setCookies.find((c) => c.startsWith('anett_rt=')) ?? '';
    expect(cookie).toMatch(/^anett_rt=/);
    expect(cookie).toMatch(/; Secure(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Strict(;|$)/i);
    // Straight to the app over plain HTTP the same cookie is not Secure: the proxy's X-Forwarded-Proto decides.
    const direct = await fetch(`${app?.base}/api/auth/login`, json(admin));
    expect(direct.status).toBe(200);
    expect(direct.headers.getSetCookie().find((c) => c.startsWith('anett_rt='))).not.toMatch(/Secure/);

    // As the app sends it: JSON from its own origin, which the app sees through X-Forwarded-Proto/-Host.
    const refreshed = await viaProxy('/api/auth/refresh', {
      method: 'POST',
      headers: { cookie: cookie.split(';')[0] ?? '', 'content-type': 'application/json', origin: 'https://localhost' },
      body: '{}',
    });
    expect(refreshed.status).toBe(200);
    expect(JSON.parse(refreshed.body.toString()).accessToken).toEqual(expect.any(String));
  });

  it('lets the login throttle see the client address nginx saw, whatever X-Forwarded-For a client sends', async () => {
    // Failed logins (a different unknown account each time) from 127.0.0.4, each claiming another address.
    let blockedAfter = 0;
    for (let i = 1; i <= 100; i++) {
      const res = await viaProxy('/api/auth/login', {
        ...json({ email: `nobody-${i}@example.org`, password: 'wrong-password' }),
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${i}.1` },
        from: '127.0.0.4',
      });
      if (res.status === 429) {
        blockedAfter = i;
        break;
      }
      expect(res.status).toBe(401);
    }
    expect(blockedAfter).toBeGreaterThan(1);
    // That address is blocked even with the right password; another client is not.
    expect((await viaProxy('/api/auth/login', { ...json(admin), from: '127.0.0.4' })).status).toBe(429);
    expect((await viaProxy('/api/auth/login', { ...json(admin), from: '127.0.0.5' })).status).toBe(200);

    const db = new Database(dbPath, { readonly: true });
    const failedFrom = db
      .prepare("SELECT DISTINCT ip FROM audit_entries WHERE action = 'login_failed'")
      .pluck()
      .all() as string[];
    db.close();
    expect(failedFrom).toEqual(['127.0.0.4']);
  }, 60_000);

  it('answers SPA deep links with index.html and serves the hashed assets compressed, cached for a year', async () => {
    const index = readFileSync(join(root, 'web/dist/index.html'), 'utf8');
    for (const path of ['/personen/1', '/organisationen', '/veranstaltungen/3?tab=teilnehmer']) {
      const res = await viaProxy(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.body.toString(), path).toBe(index);
    }
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const asset = await viaProxy(script ?? '', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe(existsSync(BROTLI) ? 'br' : 'gzip');
    const gzip = await viaProxy(script ?? '', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
  });

  it(`streams a ${ROWS.toLocaleString('en')}-row CSV export through the proxy`, async () => {
    const login = await viaProxy('/api/auth/login', json(admin));
    const { accessToken } = JSON.parse(login.body.toString());
    const purpose = encodeURIComponent('Test: vollständige Liste durch den Proxy');
    const { status, lines, bytes } = await new Promise<{ status: number; lines: number; bytes: number }>(
      (resolve, reject) => {
        httpsRequest(
          {
            host: '127.0.0.1',
            port: httpsPort,
            servername: 'localhost',
            ca: cert,
            path: `/api/exports/persons.csv?purpose=${purpose}`,
            headers: { host: 'localhost', authorization: `Bearer ${accessToken}` },
            localAddress: '127.0.0.2',
            agent: false,
          },
          (res) => {
            // Counted as it arrives, never held whole.
            let lines = 0;
            let bytes = 0;
            res.on('data', (c: Buffer) => {
              bytes += c.length;
              for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines++;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, lines, bytes }));
            res.on('error', reject);
          },
        )
          .on('error', reject)
          .end();
      },
    );
    expect(status).toBe(200);
    expect(bytes).toBeGreaterThan(ROWS * 30);
    // A header line and one line per person.
    expect(lines).toBe(ROWS + 1);
  }, 120_000);

  it('stops nginx (master and workers) and the app, leaving nothing running', async () => {
    const master = nginx?.pid ?? 0;
    const workers = childrenOf(master);
    expect(workers.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'nginx.pid'), 'utf8').trim()).toBe(String(master));
    nginx?.kill('SIGQUIT');
    await nginxExited;
    for (const pid of [master, ...workers]) expect(alive(pid), `nginx pid ${pid}`).toBe(false);
    expect(await answers(httpsPort)).toBe(false);
    expect(await answers(httpPort)).toBe(false);

    if (!app) throw new Error('app not started');
    expect(await stopServer(app)).toEqual({ code: 0, signal: null });
    expect(alive(app.pid)).toBe(false);
    expect(await answers(app.port)).toBe(false);
  });
});
