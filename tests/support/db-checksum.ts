import { createHash } from 'node:crypto';
import type { Db } from '@anett/db/client';

/**
 * A hash over every row of every table: equal before and after means nothing was written.
 * Failed sign-in attempts are left out (the throttle's ledger and their audit entries): recording them is the one
 * write a rejected request must make.
 */
export function dbChecksum(db: Db): string {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name",
    )
    .pluck()
    .all()
    .filter((name) => name !== 'login_attempts') as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(table);
    const where =
      table === 'audit_entries'
        ? " WHERE action NOT IN ('login_failed', 'second_factor_failed', 'passkey_failed')"
        : '';
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"${where} ORDER BY rowid`).raw().iterate()) {
      hash.update(JSON.stringify(row));
    }
  }
  return hash.digest('hex');
}
