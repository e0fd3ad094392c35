import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MIN_LENGTH_WITH_FACTOR } from '../password-rules.ts';
import { email, plainText } from './common.ts';

export const ROLES = ['admin', 'manager', 'viewer'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** Access levels a route declares: `public` needs no token, the rest a role at least this high. */
export const ACCESS_LEVELS = ['public', 'viewer', 'manager', 'admin'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const ROLE_RANK: Record<Role, number> = { viewer: 1, manager: 2, admin: 3 };

/**
 * A new password. The policy depends on the user (12 characters, 8 with a second factor; not on the leaked/common
 * lists; without the user's name or e-mail) and is checked by the server with a message that says which rule failed.
 */
export const password = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH)
  .describe(
    `at least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_MIN_LENGTH_WITH_FACTOR} with a second factor), ` +
      'not a leaked or common password, without the user’s name or e-mail',
  );

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.infer<typeof loginBody>;

/**
 * `enrolled`: the user has a second factor; `none`: has none and needs none; `required`: the user's role needs one
 * and the user has none yet — the session may only enrol one ("enrol now").
 */
export const SECOND_FACTOR_STATES = ['enrolled', 'none', 'required'] as const;
export const secondFactorState = z.enum(SECOND_FACTOR_STATES);
export type SecondFactorState = z.infer<typeof secondFactorState>;

export const sessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role,
  secondFactor: secondFactorState,
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginResponse = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
  user: sessionUser,
});
export type LoginResponse = z.infer<typeof loginResponse>;

export const SECOND_FACTOR_METHODS = ['totp', 'recovery', 'passkey'] as const;
export const secondFactorMethod = z.enum(SECOND_FACTOR_METHODS);
export type SecondFactorMethod = z.infer<typeof secondFactorMethod>;

/** The password was right and the account has a second factor: the login continues with `challenge`. */
export const secondFactorChallenge = z.object({
  secondFactor: z.object({
    challenge: z.string(),
    methods: z.array(secondFactorMethod),
    expiresIn: z.number().int().describe('seconds the challenge stays valid'),
  }),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallenge>;

export const loginResult = z.union([loginResponse, secondFactorChallenge]);
export type LoginResult = z.infer<typeof loginResult>;
export const isSecondFactorChallenge = (r: LoginResult): r is SecondFactorChallenge => 'secondFactor' in r;

const challengeId = z.string().min(16).max(100);

export const secondFactorBody = z.object({
  challenge: challengeId,
  method: z.enum(['totp', 'recovery']),
  code: z.string().trim().min(1).max(40),
});
export type SecondFactorBody = z.infer<typeof secondFactorBody>;

/** WebAuthn JSON as the browser library sends it; checked in depth by the WebAuthn verification. */
const webauthnResponse = z
  .object({
    id: z.string().min(1).max(1400),
    rawId: z.string().min(1).max(1400),
    type: z.literal('public-key'),
    response: z.record(z.string(), z.unknown()),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.string().max(40).optional(),
  })
  .passthrough();

export const passkeyOptionsBody = z.object({
  /** From a password login that asked for a second factor; without it the passkey is the whole login. */
  challenge: challengeId.optional(),
});
export const passkeyOptionsResponse = z.object({
  ceremony: z.string(),
  options: z.record(z.string(), z.unknown()),
});
export type PasskeyOptionsResponse = z.infer<typeof passkeyOptionsResponse>;

export const passkeyLoginBody = z.object({
  ceremony: challengeId,
  challenge: challengeId.optional(),
  response: webauthnResponse,
});
export type PasskeyLoginBody = z.input<typeof passkeyLoginBody>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: password,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const currentPasswordBody = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
export type CurrentPasswordBody = z.infer<typeof currentPasswordBody>;

export const passkeyInfo = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  backedUp: z.boolean(),
});
export type PasskeyInfo = z.infer<typeof passkeyInfo>;

/** The user's own second factors. */
export const factorsOverview = z.object({
  state: secondFactorState,
  /** Whether the user's role must use a second factor. */
  required: z.boolean(),
  totp: z.object({ confirmedAt: z.string() }).nullable(),
  recoveryCodesLeft: z.number().int(),
  passkeys: z.array(passkeyInfo),
});
export type FactorsOverview = z.infer<typeof factorsOverview>;

export const totpSetup = z.object({
  /** Base32 secret for typing into an app by hand. */
  secret: z.string(),
  /** otpauth:// URI the QR code encodes. */
  uri: z.string(),
  /** The QR code as an SVG data URL. */
  qrCode: z.string(),
});
export type TotpSetup = z.infer<typeof totpSetup>;

export const totpConfirmBody = z.object({ code: z.string().trim().min(6).max(10) });

/** An enrolment that completed: a fresh session (other sessions ended) and, for the first factor, recovery codes. */
export const enrolmentResult = z.object({
  session: loginResponse,
  /** Shown once: ten one-time codes for when the phone or passkey is lost. */
  recoveryCodes: z.array(z.string()).optional(),
});
export type EnrolmentResult = z.infer<typeof enrolmentResult>;

export const recoveryCodesResult = z.object({ recoveryCodes: z.array(z.string()) });

export const passkeyRegisterBody = z.object({
  ceremony: challengeId,
  name: plainText(80, { min: 1 }),
  response: webauthnResponse,
});
export type PasskeyRegisterBody = z.input<typeof passkeyRegisterBody>;

/** Which roles must use a second factor. */
export const authPolicy = z.object({ secondFactorRoles: z.array(role).max(3) });
export type AuthPolicy = z.infer<typeof authPolicy>;

export const userEmail = email;
