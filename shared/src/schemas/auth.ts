import { z } from 'zod';
import { email } from './common.ts';

export const ROLES = ['admin', 'manager', 'viewer'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** Access levels a route declares: `public` needs no token, the rest a role at least this high. */
export const ACCESS_LEVELS = ['public', 'viewer', 'manager', 'admin'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const ROLE_RANK: Record<Role, number> = { viewer: 1, manager: 2, admin: 3 };

export const password = z.string().min(10).max(200);

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role,
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginResponse = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
  user: sessionUser,
});
export type LoginResponse = z.infer<typeof loginResponse>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const userEmail = email;
