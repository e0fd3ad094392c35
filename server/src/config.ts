import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ROLES, type Role } from '@anett/shared/schemas/auth';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const DEFAULT_MAIL_FROM = 'ANeTT <noreply@anett.local>';

const secretBytes = (v: string) => Buffer.byteLength(v, 'utf8') >= 32;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/crm.sqlite'),
  JWT_SECRET: z.string().refine(secretBytes, 'must be at least 32 bytes long').optional(),
  ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).optional(),
  ADMIN_PASSWORD: z.string().optional(),
  SEED_DEMO: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  /** The funding reference (Förderkennzeichen) printed on reach reports for the funder. */
  REPORT_FUNDING_REFERENCE: z.string().trim().max(100).optional(),
  /** Name and function under the signature line of reach reports, e.g. 'Dr. Max Muster, Projektleitung'. */
  REPORT_SIGNATORY: z.string().trim().max(200).optional(),
  /**
   * Behind a reverse proxy: `1` (or `true`) trusts the one proxy in front (nginx on the same host), a number that many
   * proxy hops, or a comma-separated list of the proxies' addresses/CIDRs. The client address then comes from
   * X-Forwarded-For, the scheme from X-Forwarded-Proto.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('0')
    .refine(
      (v) => /^(0|1|true|false|yes|no|\d{1,2}|[\d.:a-fA-F/, ]+)?$/.test(v),
      'must be 0/1, a hop count or proxy addresses',
    ),
  /** `1`: the refresh cookie is always sent with Secure; otherwise it is Secure when the request came over TLS. */
  COOKIE_SECURE: flag,
  /** Roles that must use a second factor until an admin changes it (comma-separated; empty for none). */
  SECOND_FACTOR_ROLES: z
    .string()
    .default('admin')
    .transform((v) =>
      v
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ROLES))),
  /** The address users open, e.g. https://crm.anett.de: the passkey domain and the only origin refresh accepts. */
  PUBLIC_ORIGIN: z
    .url()
    .transform((v) => new URL(v).origin)
    .optional(),
  /** The erasure and suppression ledger a restore cannot roll back; default: `privacy-ledger.jsonl` beside the database. */
  PRIVACY_LEDGER_PATH: z.string().min(1).optional(),
  /** Threads that run the reads; 0 runs them on the request thread. */
  READ_WORKERS: z.coerce.number().int().min(0).max(64).default(availableParallelism()),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example.org:587 or smtps://…:465; unset: mails stay in the outbox. */
  SMTP_URL: z
    .url()
    .refine((v) => /^smtps?:$/.test(new URL(v).protocol), 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of outgoing mail, e.g. 'ANeTT <veranstaltungen@anett.de>'. */
  MAIL_FROM: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .refine((v) => /^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(v), 'must be an address or "Name <address>"')
    .default(DEFAULT_MAIL_FROM),
  /** Signs the links in mails (confirm, cancel, preferences); at least 32 bytes. Unset: derived from JWT_SECRET. */
  LINK_SECRET: z.string().refine(secretBytes, 'must be at least 32 bytes long').optional(),
});

function trustProxyOption(value: string): boolean | number | string[] {
  if (['', '0', 'false', 'no'].includes(value)) return false;
  if (['1', 'true', 'yes'].includes(value)) return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

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
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: boolean | number | string[];
  /** true: Secure always; 'auto': when the request came over TLS (X-Forwarded-Proto behind a trusted proxy). */
  cookieSecure?: boolean | 'auto';
  /** Roles that must use a second factor while no admin has set it in the app (default: admin). */
  secondFactorRoles?: Role[];
  publicOrigin?: string;
  /** Where the erasure/suppression ledger is mirrored; none for an in-memory database. */
  privacyLedgerPath?: string;
  /** Access-token lifetime in seconds. */
  accessTokenTtl: number;
  /** Refresh-token lifetime in seconds. */
  refreshTokenTtl: number;
  /** What reach reports for the funder carry besides the numbers. */
  report?: { fundingReference?: string; signatory?: string };
  /** Worker threads for short reads (0: reads run on the request thread); heavy jobs get a lane of their own. */
  readWorkers: number;
  /** Requests that may wait for a read worker (short reads) or for the heavy lane before the answer is 503. */
  readQueue: { short: number; heavy: number };
  /** SMTP server for outgoing mail; without it mails stay in the outbox (Verwaltung → Ausgang). */
  smtpUrl?: string;
  /** Sender address of outgoing mail. */
  mailFrom?: string;
  /** Key of the signed links in mails; default: derived from jwtSecret (see {@link linkSecretOf}). */
  linkSecret?: string;
  /** Minimum time between showing the public form and sending it (bots are faster); tests shorten it. */
  registrationMinFillMs?: number;
  /** Timing of the mail sender (tests shorten it). */
  mailSender?: Partial<MailSenderTiming>;
};

export type MailSenderTiming = {
  /** How often the outbox is looked at. */
  pollMs: number;
  /** First retry after this long; doubled per attempt, at most maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** After this many attempts a mail is marked failed (an admin can send it again). */
  maxAttempts: number;
  /** A mail still `sending` after this long (the process died mid-send) is tried again. */
  claimTimeoutMs: number;
};

/** The link-signing key: LINK_SECRET, or one derived from the JWT secret (a leaked link key is not a session key). */
export const linkSecretOf = (config: Pick<Config, 'linkSecret' | 'jwtSecret'>): string =>
  config.linkSecret ?? createHmac('sha256', config.jwtSecret).update('anett-mail-links').digest('base64url');

/** Waiting reads before a 503: far above what 50 busy clients queue; a few downloads per heavy thread. */
export const READ_QUEUE: Config['readQueue'] = { short: 1000, heavy: 20 };

/** The name the first admin is created with. */
export const FIRST_ADMIN_NAME = 'Administrator';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * ADMIN_PASSWORD must pass the password policy (checked when the first admin is created from it; loading the
 * password dictionaries costs a second, which later starts do not pay).
 */
export async function checkAdminPassword(config: Pick<Config, 'adminEmail' | 'adminPassword'>): Promise<void> {
  if (config.adminPassword === undefined) return;
  const { checkPassword } = await import('@anett/shared/password-policy');
  const { passwordProblemMessage } = await import('@anett/shared/password-rules');
  // The first admin has no second factor yet: the full length applies.
  const check = checkPassword(config.adminPassword, { name: FIRST_ADMIN_NAME, email: config.adminEmail });
  if (check.problem) {
    const reason = passwordProblemMessage(check.problem, check.minLength, 'en');
    throw new ConfigError(`Invalid configuration:\n  ADMIN_PASSWORD: ${reason}`);
  }
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
    trustProxy: trustProxyOption(e.TRUST_PROXY),
    cookieSecure: e.COOKIE_SECURE ? true : 'auto',
    secondFactorRoles: e.SECOND_FACTOR_ROLES,
    publicOrigin: e.PUBLIC_ORIGIN,
    privacyLedgerPath:
      databasePath === ':memory:'
        ? undefined
        : resolve(e.PRIVACY_LEDGER_PATH ?? join(dirname(databasePath), 'privacy-ledger.jsonl')),
    accessTokenTtl: 15 * 60,
    refreshTokenTtl: 14 * 24 * 60 * 60,
    readWorkers: e.READ_WORKERS,
    readQueue: READ_QUEUE,
    report: {
      ...(e.REPORT_FUNDING_REFERENCE ? { fundingReference: e.REPORT_FUNDING_REFERENCE } : {}),
      ...(e.REPORT_SIGNATORY ? { signatory: e.REPORT_SIGNATORY } : {}),
    },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    linkSecret: e.LINK_SECRET,
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
