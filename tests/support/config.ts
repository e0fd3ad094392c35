import { join } from 'node:path';
import { type Config, READ_QUEUE } from '@anett/server/config';

/** Config for a test app in `dir` (no vitest imports: the e2e global setup uses it too). */
export function testConfig(dir: string, overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databasePath: join(dir, 'crm.sqlite'),
    jwtSecret: 'test-secret-that-is-long-enough-0123456789',
    seedDemo: false,
    logLevel: 'silent',
    trustProxy: false,
    // The product default (admins must use a second factor) is tested on its own; other tests log in with a password.
    secondFactorRoles: [],
    privacyLedgerPath: join(dir, 'privacy-ledger.jsonl'),
    cookieSecure: 'auto',
    accessTokenTtl: 900,
    refreshTokenTtl: 3600,
    // Every API test runs its reads on worker threads, as production does (READ_WORKERS=0 runs them in-process).
    readWorkers: process.env.READ_WORKERS === undefined ? 2 : Number(process.env.READ_WORKERS),
    readQueue: READ_QUEUE,
    webDist: join(dir, 'no-web'),
    ...overrides,
  };
}
