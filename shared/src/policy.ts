import { type AccessLevel, ROLE_RANK, type Role } from './schemas/auth.ts';

/** Who asks: the logged-in user (its id and role), or nobody. */
export type Subject = { id: number; role: Role } | null | undefined;

/** Whether `role` reaches the access level a route or a page declares (`public`: everyone). */
export function allows(role: Role | undefined, level: AccessLevel): boolean {
  if (level === 'public') return true;
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[level];
}

/**
 * The rules of who may do what, named once: the server's guards enforce them, the web shows or hides its controls by
 * them (`useCan()`). Roles: viewers read, managers also write, admins also administer (users, erasure, the
 * suppression list, the outbox).
 */
export const policy = {
  read: (who: Subject) => allows(who?.role, 'viewer'),
  write: (who: Subject) => allows(who?.role, 'manager'),
  administer: (who: Subject) => allows(who?.role, 'admin'),
  /** The contact log is personal: its author (who can write) and admins may change or delete an entry. */
  editInteraction: (who: Subject, entry: { author?: { id: number } | null }) =>
    allows(who?.role, 'admin') || (allows(who?.role, 'manager') && entry.author?.id === who?.id),
};
