import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchFold } from '@anett/shared/normalize';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
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
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Freed pages are zeroed so erased personal data does not linger in the file.
  sqlite.pragma('secure_delete = ON');
  sqlite.function('anett_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? searchFold(text) : '',
  );
  const db = drizzle(sqlite, { schema }) as Db;
  if (!options.readonly) {
    migrate(db, { migrationsFolder });
    // Fresh planner statistics: a stale picture made SQLite choose non-covering indexes for the person filter.
    sqlite.pragma('optimize = 0x10002');
  }
  return db;
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
