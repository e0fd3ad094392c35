/** `pnpm db:restore <file>`: replaces DATABASE_PATH with a checked backup. Stop the app first. */
import { resolve } from 'node:path';
import { restoreDatabase } from '@anett/db/backup';

const backup = process.argv[2];
if (!backup) {
  console.error('usage: pnpm db:restore <file>   (stop the app first)');
  process.exit(2);
}
const target = resolve(process.env.DATABASE_PATH ?? './data/crm.sqlite');
const check = await restoreDatabase(resolve(backup), target);
console.log(
  `Restored ${resolve(backup)} → ${target} (integrity ${check.integrity}, foreign key violations ${check.foreignKeyViolations})`,
);
