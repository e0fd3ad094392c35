import { type Config, checkAdminPassword, FIRST_ADMIN_NAME } from './config.ts';
import type { AppContext } from './context.ts';
import { generatePassword, hashPassword } from './lib/passwords.ts';

/**
 * On an empty database: creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or with a random
 * password that is printed once. Never a fixed default.
 */
export async function ensureFirstAdmin(ctx: AppContext, config: Config, print: (line: string) => void) {
  if (ctx.users.count() > 0) return undefined;
  await checkAdminPassword(config);
  const email = config.adminEmail ?? 'admin@anett.local';
  const password = config.adminPassword ?? generatePassword();
  const user = ctx.users.create({
    email,
    name: FIRST_ADMIN_NAME,
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  ctx.audit.record({ userId: null, entity: 'user', entityId: user.id, action: 'bootstrap_admin' });
  if (!config.adminPassword) {
    print(`\n  First admin created: ${email}\n  Password (shown once): ${password}\n`);
  }
  return { user, password };
}
