import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const secretBytes = (v: string) => Buffer.byteLength(v, 'utf8') >= 32;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/crm.sqlite'),
  JWT_SECRET: z.string().refine(secretBytes, 'must be at least 32 bytes long').optional(),
  ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters long').optional(),
  SEED_DEMO: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  /** Trust X-Forwarded-For from a reverse proxy (for per-IP login throttling). */
  TRUST_PROXY: flag,
  /** `auto`: the refresh cookie is Secure when the request came over HTTPS (behind a proxy: X-Forwarded-Proto). */
  COOKIE_SECURE: z
    .enum(['auto', '1', '0', 'true', 'false', 'yes', 'no'])
    .default('auto')
    .transform((v) => (v === 'auto' ? v : v === '1' || v === 'true' || v === 'yes')),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databasePath: string;
  jwtSecret: string;
  adminEmail?: string;
  adminPassword?: string;
  seedDemo: boolean;
  logLevel: string;
  webDist?: string;
  trustProxy: boolean;
  /** The refresh cookie's Secure attribute: always, never, or `auto` (when the request came over HTTPS). */
  cookieSecure: boolean | 'auto';
  /** Access-token lifetime in seconds. */
  accessTokenTtl: number;
  /** Refresh-token lifetime in seconds. */
  refreshTokenTtl: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once at boot. A bad variable stops the start with a message naming it.
 * When JWT_SECRET is unset, a random secret is generated and kept beside the database file so
 * that restarts keep sessions.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.ADMIN_PASSWORD !== undefined && e.ADMIN_EMAIL === undefined) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_EMAIL: must be set when ADMIN_PASSWORD is set');
  }
  const databasePath = e.DATABASE_PATH === ':memory:' ? e.DATABASE_PATH : resolve(e.DATABASE_PATH);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databasePath,
    jwtSecret: e.JWT_SECRET ?? persistedSecret(databasePath),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE,
    accessTokenTtl: 15 * 60,
    refreshTokenTtl: 14 * 24 * 60 * 60,
  };
}

function persistedSecret(databasePath: string): string {
  if (databasePath === ':memory:') return randomBytes(48).toString('base64url');
  const file = join(dirname(databasePath), 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secretBytes(secret)) return secret;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
