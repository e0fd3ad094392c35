import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ownedBy } from './columns.ts';
import { users } from './users.ts';

/**
 * Login and password-check attempts that failed or are being checked (`pending`: reserved before the slow hash is
 * verified, so parallel guesses count). Rows older than a day are pruned; successful attempts are not kept.
 */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** What is guessed: `acct:<sha256 of the e-mail>` for a login, `user:<id>` for a current-password check. */
    account: text('account').notNull(),
    /** The client address. */
    address: text('address').notNull(),
    /** The device cookie the attempt came with, when it was valid for the account. */
    device: text('device'),
    state: text('state', { enum: ['pending', 'failed'] }).notNull(),
    /** Milliseconds since the epoch. */
    at: integer('at').notNull(),
  },
  (t) => [
    index('login_attempts_account_idx').on(t.account, t.at),
    index('login_attempts_address_idx').on(t.address, t.at),
  ],
);

/** A user's authenticator app (TOTP, RFC 6238). The secret is encrypted with a key derived from the JWT secret. */
export const totpFactors = sqliteTable('totp_factors', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  /** Null while the user has scanned the code but not yet confirmed it with a first code. */
  confirmedAt: text('confirmed_at'),
  /** The last time step a code was accepted for: a code is good once (RFC 6238 §5.2). */
  lastStep: integer('last_step'),
  createdAt: text('created_at').notNull(),
});
export type TotpRow = typeof totpFactors.$inferSelect;

/** One-time recovery codes, stored as salted SHA-256. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: ownedBy('user_id', () => users.id),
    salt: text('salt').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** WebAuthn credentials (passkeys, security keys). */
export const passkeys = sqliteTable(
  'passkeys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: ownedBy('user_id', () => users.id),
    /** base64url credential id. */
    credentialId: text('credential_id').notNull(),
    publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
    counter: integer('counter').notNull().default(0),
    /** JSON array of transports ('internal', 'hybrid', 'usb', …). */
    transports: text('transports', { mode: 'json' }).$type<string[]>(),
    backedUp: integer('backed_up', { mode: 'boolean' }).notNull().default(false),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [uniqueIndex('passkeys_credential_uq').on(t.credentialId), index('passkeys_user_idx').on(t.userId)],
);
export type PasskeyRow = typeof passkeys.$inferSelect;

/** Settings an admin changes at run time (key → JSON), e.g. which roles must use a second factor. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
