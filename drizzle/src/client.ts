import { hash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeEmail, searchFold, sortKey } from '@anett/shared/normalize';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas every connection needs, registers
 * the functions the search triggers call and applies pending migrations.
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path, { readonly: options.readonly ?? false });
  cacheStatements(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Freed pages are zeroed so erased personal data does not linger in the file.
  sqlite.pragma('secure_delete = ON');
  registerFunctions(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  if (!options.readonly) {
    migrate(db, { migrationsFolder });
    // Fresh planner statistics: a stale picture made SQLite choose non-covering indexes for the person filter.
    sqlite.pragma('optimize = 0x10002');
  }
  return db;
}

/**
 * How many migrations `openDatabase` would apply to the existing database at `path` (0 for a missing or empty file).
 * Drizzle applies every migration newer than the last one recorded; this counts the same way.
 */
export function pendingMigrations(path: string): number {
  if (path === ':memory:' || !existsSync(path)) return 0;
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length === 0) return 0;
    const last = tables.includes('__drizzle_migrations')
      ? (sqlite.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null)
      : null;
    return readMigrationFiles({ migrationsFolder }).filter((m) => last === null || Number(last) < m.folderMillis)
      .length;
  } finally {
    sqlite.close();
  }
}

/** SHA-256 (hex) of the normalised e-mail: the suppression list never stores an address in the clear. */
export const emailHash = (email: string) => hash('sha256', normalizeEmail(email), 'hex');

/** SQL name of {@link emailHash} on every connection; NULL for NULL or empty input. */
export const EMAIL_HASH_SQL = 'anett_email_hash';

/**
 * The application functions SQL calls: `anett_fold` for search documents, `anett_sort_key` for name order (both from
 * triggers), `anett_email_hash` to test persons against the suppression list without loading it.
 */
function registerFunctions(sqlite: Database.Database): void {
  sqlite.function(EMAIL_HASH_SQL, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? emailHash(value) : null,
  );
  sqlite.function('anett_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? searchFold(text) : '',
  );
  sqlite.function('anett_sort_key', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? sortKey(text) : '',
  );
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Keeps prepared statements by SQL text. drizzle prepares every query anew, and SQLite's parsing and planning was
 * the largest single cost of a write request. A cached statement is handed out with its result mode reset, so a
 * caller that switched it to raw/pluck/expand does not change what the next caller gets.
 */
function cacheStatements(sqlite: Database.Database): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Runs `work` in one immediate transaction (read-then-write without SQLITE_BUSY); nested calls become savepoints.
 * Straight on better-sqlite3: drizzle's wrapper builds a transaction object per call. `work` must not await.
 */
export function immediate<T>(db: Db, work: () => T): T {
  return db.$client.transaction(work).immediate();
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
