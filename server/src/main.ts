import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { backupDatabase } from '@anett/db/backup';
import { closeDatabase, type Db, openDatabase, pendingMigrations } from '@anett/db/client';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { ensureFirstAdmin } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { createReadPool, type ReadPool } from './read-pool.ts';

/** How long a shutdown waits for requests in flight before it closes their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  // Optional .env in the working directory; real environment variables win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  await backupBeforeMigrating(config.databasePath);
  const db = openDatabase(config.databasePath);
  const readPool = createReadPool(config);
  const ctx = createContext(db, config, readPool);
  // A restored backup may still hold people erased after it was taken: the privacy ledger erases them again.
  const reapplied = ctx.privacyService.reapplyLedger(new Date().toISOString());
  if (reapplied) print(`  Privacy ledger: ${reapplied} erasure(s) applied again`);
  const admin = await ensureFirstAdmin(ctx, config, print);
  if (config.seedDemo) {
    const { seedDemo } = await import('./seed/demo.ts');
    const seeded = await seedDemo(ctx, { adminId: admin?.user.id });
    if (seeded) print(`  Demo data loaded: ${seeded.summary}`);
  }
  const app = await buildApp({ db, config, readPool });
  const stop = (signal: NodeJS.Signals) => void shutdown(app, db, readPool, signal);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Listens once the short-read threads have loaded: threads still loading would take the cores from the first
  // requests after a restart. The heavy lane (niced) loads the document libraries after.
  await readPool.warm(['short']);
  readPool.warm(['heavy']).catch((err: unknown) => app.log.warn({ err }, 'heavy read threads did not start'));
  await app.listen({ port: config.port, host: config.host });
}

/**
 * Stops accepting connections, lets the requests in flight finish (at most SHUTDOWN_GRACE_MS) and the mail sender finish
 * the mail it is sending (app.close() stops its loop), lets the write queue commit, ends the read threads, folds the WAL
 * back into the database file and closes it: a stopped server leaves one self-contained file.
 */
async function shutdown(app: FastifyInstance, db: Db, readPool: ReadPool, signal: NodeJS.Signals) {
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    app.log.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'requests still running after the grace period; closing them');
    app.server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  // A keep-alive connection whose last response just finished would hold the close until its idle timeout.
  const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
  try {
    await app.close();
    clearTimeout(force);
    clearInterval(closeIdle);
    await readPool.destroy();
    // The write queue commits in a setImmediate callback; one queued before this one has run when it fires.
    await new Promise((resolve) => setImmediate(resolve));
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    closeDatabase(db);
    app.log.info('stopped');
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}

/**
 * Before migrations change an existing database, a checked copy of it (the `db:backup` online backup) goes to
 * `backups/` beside it, so an upgrade can always be undone with `db:restore`.
 */
async function backupBeforeMigrating(databasePath: string) {
  const pending = pendingMigrations(databasePath);
  if (pending === 0) return;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `${basename(databasePath, extname(databasePath))}-before-migration-${stamp}.sqlite`;
  const target = join(dirname(databasePath), 'backups', name);
  mkdirSync(dirname(target), { recursive: true });
  await backupDatabase(databasePath, target);
  print(`  ${pending} database migration(s) to apply; backup taken first: ${target}`);
}

await main().catch((err: unknown) => {
  // A bad ADMIN_PASSWORD is found when the first admin is created from it.
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
