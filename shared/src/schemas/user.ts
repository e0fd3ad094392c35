import { z } from 'zod';
import { password, role } from './auth.ts';
import { email, itemMeta, listQuery, page, requiredText } from './common.ts';

export const user = z.object({
  ...itemMeta,
  email: z.string(),
  name: z.string(),
  role,
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  /** Has an authenticator app or a passkey. */
  hasSecondFactor: z.boolean(),
});
export type User = z.infer<typeof user>;

export const userListQuery = listQuery(['name', 'email', 'role', 'createdAt', 'lastLoginAt']).extend({
  role: role.optional(),
});
export type UserListQuery = z.input<typeof userListQuery>;
export const userPage = page(user);

export const userCreate = z.object({
  email,
  name: requiredText(200),
  role,
  password: password.optional().describe('when omitted, a random password is generated and returned once'),
});
export type UserCreate = z.input<typeof userCreate>;

export const userPatch = z
  .object({ name: requiredText(200), role, active: z.boolean() })
  .partial()
  .strict();
export type UserPatch = z.infer<typeof userPatch>;

export const userWithPassword = z.object({ user, password: z.string().optional() });

export const resetPasswordBody = z.object({ password: password.optional() });
