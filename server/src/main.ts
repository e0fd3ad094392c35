import { existsSync } from 'node:fs';
import { closeDatabase, openDatabase } from '@anett/db/client';
import { buildApp } from './app.ts';
import { ensureFirstAdmin } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createContext } from './context.ts';

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
  const db = openDatabase(config.databasePath);
  const ctx = createContext(db, config);
  // A restored backup may still hold people erased after it was taken: the privacy ledger erases them again.
  const reapplied = ctx.privacyService.reapplyLedger(new Date().toISOString());
  if (reapplied) process.stdout.write(`  Privacy ledger: ${reapplied} erasure(s) applied again\n`);
  const admin = await ensureFirstAdmin(ctx, config, (line) => process.stdout.write(`${line}\n`));
  if (config.seedDemo) {
    const { seedDemo } = await import('./seed/demo.ts');
    const seeded = await seedDemo(ctx, { adminId: admin?.user.id });
    if (seeded) process.stdout.write(`  Demo data loaded: ${seeded.summary}\n`);
  }
  const app = await buildApp({ db, config });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    closeDatabase(db);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

await main().catch((err: unknown) => {
  // A bad ADMIN_PASSWORD is found when the first admin is created from it.
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
