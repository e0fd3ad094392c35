import { existsSync } from 'node:fs';
import { restoreDatabase } from '@anett/db/backup';
import { closeDatabase, openDatabase } from '@anett/db/client';
import type { Config } from '../../config.ts';
import { createContext } from '../../context.ts';
import { nowIso } from '../../lib/time.ts';
import { createPrivacyLedger } from './ledger.ts';

/**
 * `pnpm db:restore`: replaces the database with a checked backup and applies the privacy ledger to it. The live
 * database's ledger is written to the ledger file first (it may hold entries the file lacks), so every erasure and
 * objection made after the backup was taken holds in the restored database too.
 */
export async function restoreBackup(backupFile: string, config: Config) {
  if (existsSync(config.databasePath)) {
    const live = openDatabase(config.databasePath);
    try {
      createPrivacyLedger(live, config.privacyLedgerPath).mirror();
    } finally {
      closeDatabase(live);
    }
  }
  const check = await restoreDatabase(backupFile, config.databasePath);
  const db = openDatabase(config.databasePath);
  try {
    const reapplied = createContext(db, config).privacyService.reapplyLedger(nowIso());
    return { ...check, reapplied };
  } finally {
    closeDatabase(db);
  }
}
