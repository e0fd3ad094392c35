import type { Db } from '@anett/db/client';
import type { Config } from './config.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createUsersRepository } from './modules/users/users.repository.ts';

/** Everything a route module needs, built once per app (and so once per test). */
export function createContext(db: Db, config: Config) {
  return {
    db,
    config,
    audit: createAuditRepository(db),
    users: createUsersRepository(db),
  };
}
export type AppContext = ReturnType<typeof createContext>;
