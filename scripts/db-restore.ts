/**
 * `pnpm db:restore <file>`: replaces DATABASE_PATH with a checked backup and erases again everyone erased after the
 * backup was taken (the privacy ledger, PRIVACY_LEDGER_PATH). Stop the app first.
 */
import { resolve } from 'node:path';
import { loadConfig } from '@anett/server/config';
import { restoreBackup } from '@anett/server/modules/privacy/restore';

const backup = process.argv[2];
if (!backup) {
  console.error('usage: pnpm db:restore <file>   (stop the app first)');
  process.exit(2);
}
if (process.env.DATABASE_PATH === undefined) process.env.DATABASE_PATH = './data/crm.sqlite';
const config = loadConfig();
const result = await restoreBackup(resolve(backup), config);
console.log(
  `Restored ${resolve(backup)} → ${config.databasePath} (integrity ${result.integrity}, foreign key violations ` +
    `${result.foreignKeyViolations}; erasures applied again from the privacy ledger: ${result.reapplied})`,
);
