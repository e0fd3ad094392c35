import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

export type CheckResult = { integrity: string; foreignKeyViolations: number };

/** `PRAGMA integrity_check` and `foreign_key_check` of a database file. */
export function checkDatabase(path: string): CheckResult {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    return { integrity, foreignKeyViolations };
  } finally {
    db.close();
  }
}

/**
 * Online backup through SQLite's backup API: safe while the app is writing (pages changed during the copy are
 * copied again), the result is a consistent snapshot.
 */
export async function backupDatabase(sourcePath: string, destination: string): Promise<CheckResult> {
  const source = new Database(sourcePath, { fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    // Copy every page in one step: a step interrupted by another connection's write restarts the whole backup.
    await source.backup(destination, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    source.close();
  }
  const check = checkDatabase(destination);
  if (check.integrity !== 'ok') throw new Error(`backup failed its integrity check: ${check.integrity}`);
  return check;
}

/**
 * Restores a backup over the database file. The app must be stopped: the backup is checked first, copied beside
 * the target and then renamed over it (with the old WAL removed), so an interrupted restore leaves the old file.
 */
export async function restoreDatabase(backupFile: string, targetPath: string): Promise<CheckResult> {
  const check = checkDatabase(backupFile);
  if (check.integrity !== 'ok') throw new Error(`backup file is damaged: ${check.integrity}`);
  const temp = `${targetPath}.restoring`;
  rmSync(temp, { force: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temp);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(targetPath + suffix, { force: true });
  renameSync(temp, targetPath);
  if (!existsSync(targetPath)) throw new Error('restore failed');
  return checkDatabase(targetPath);
}
