import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { itemColumns, ownedBy } from './columns.ts';

export const users = sqliteTable(
  'users',
  {
    ...itemColumns,
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'manager', 'viewer'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Bumped on logout, password/role change and deactivation: access tokens carrying an older value are refused. */
    tokenVersion: integer('token_version').notNull().default(1),
    lastLoginAt: text('last_login_at'),
  },
  (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`)],
);
export type UserRow = typeof users.$inferSelect;

export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: ownedBy('user_id', () => users.id),
    tokenHash: text('token_hash').notNull(),
    /** All tokens descended from one login share a family; replaying a used token revokes the family. */
    familyId: text('family_id').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    revokedAt: text('revoked_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.familyId)],
);
