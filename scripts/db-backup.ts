/** `pnpm db:backup <file>`: online backup of DATABASE_PATH (default ./data/crm.sqlite), safe while the app runs. */
import { resolve } from 'node:path';
import { backupDatabase } from '@anett/db/backup';

const target = process.argv[2];
if (!target) {
  console.error('usage: pnpm db:backup <file>');
  process.exit(2);
}
const source = resolve(process.env.DATABASE_PATH ?? './data/crm.sqlite');
const started = performance.now();
const check = await backupDatabase(source, resolve(target));
console.log(
  `Backed up ${source} → ${resolve(target)} in ${Math.round(performance.now() - started)} ms (integrity ${check.integrity})`,
);
