import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { PasskeyRow, UserRow } from '@anett/db/schema';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyRequest } from 'fastify';
import { generateSecret, generateURI, verifySync } from 'otplib';
import type { Config } from '../../config.ts';
import type { FactorsRepository } from './factors.repository.ts';

const ISSUER = 'ANeTT CRM';
/** One 30-second step either side: phones whose clock is a little off still work. */
const TOTP_TOLERANCE_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: the codes are read off paper. 32 symbols → 5 bits each, 12 characters → 60 bits. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

// Loaded on first use: WebAuthn's certificate libraries and the QR encoder add about a second to every start.
const webauthn = () => import('@simplewebauthn/server');
const qrcode = () => import('qrcode').then((m) => m.default);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const normalizeCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

export type WebAuthnSite = { rpID: string; origin: string };

/** What a WebAuthn answer must be bound to: this site and the challenge it was given (registration and sign-in). */
const expectedFrom = (site: WebAuthnSite, challenge: string) => ({
  expectedChallenge: challenge,
  expectedOrigin: site.origin,
  expectedRPID: site.rpID,
});

/** The passkey domain and origin: PUBLIC_ORIGIN when set, else the address the browser used. */
export function webAuthnSite(request: FastifyRequest, config: Config): WebAuthnSite {
  const origin = config.publicOrigin ?? `${request.protocol}://${request.host}`;
  return { rpID: new URL(origin).hostname, origin };
}

/**
 * The mechanics of second factors: TOTP secrets (encrypted at rest with a key derived from the JWT secret, so a leaked
 * backup does not give away the codes), QR codes, recovery codes (salted SHA-256, single use) and WebAuthn.
 */
export function createFactorsService(factors: FactorsRepository, config: Config) {
  const key = Buffer.from(hkdfSync('sha256', config.jwtSecret, 'anett', 'totp-secret', 32));

  const encrypt = (plain: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
  };
  /** Undefined when the JWT secret changed since the secret was stored: the app must be enrolled again. */
  const decrypt = (stored: string): string | undefined => {
    const [version, iv, tag, data] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || !data) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  };

  /** The time step a code is valid for, or undefined. */
  const totpStep = (secret: string, code: string, after?: number | null): number | undefined => {
    if (!/^\d{6}$/.test(code)) return undefined;
    const result: { valid: boolean; timeStep?: number } = verifySync({
      secret,
      token: code,
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(after === null || after === undefined ? {} : { afterTimeStep: after }),
    });
    return result.valid ? result.timeStep : undefined;
  };

  return {
    async startTotp(user: UserRow) {
      const secret = generateSecret();
      factors.startTotp(user.id, encrypt(secret));
      const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
      const svg = await (await qrcode()).toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    },

    /** Confirms a started enrolment with a first code; false for a wrong code or none started. */
    confirmTotp(userId: number, code: string): boolean {
      const row = factors.totp(userId);
      const secret = row && !row.confirmedAt ? decrypt(row.secret) : undefined;
      const step = secret ? totpStep(secret, code) : undefined;
      if (step === undefined) return false;
      factors.confirmTotp(userId, step);
      return true;
    },

    /** A code from the app, each accepted once. Call inside a write job. */
    verifyTotp(userId: number, code: string): boolean {
      const row = factors.totp(userId);
      const secret = row?.confirmedAt ? decrypt(row.secret) : undefined;
      const step = secret ? totpStep(secret, code.replace(/\s/g, ''), row?.lastStep) : undefined;
      return step !== undefined && factors.useTotpStep(userId, step);
    },

    /** Ten fresh codes replace the old ones; only their salted hashes are kept. */
    newRecoveryCodes(userId: number): string[] {
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
        const raw = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
        return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
      });
      factors.replaceRecoveryCodes(
        userId,
        codes.map((code) => {
          const salt = randomBytes(16).toString('hex');
          return { salt, codeHash: sha256(salt + normalizeCode(code)) };
        }),
      );
      return codes;
    },

    /** Uses up a recovery code. Call inside a write job. */
    useRecoveryCode(userId: number, code: string): boolean {
      const normalized = normalizeCode(code);
      if (normalized.length !== 12) return false;
      const match = factors.unusedRecoveryCodes(userId).find((c) => sha256(c.salt + normalized) === c.codeHash);
      return match !== undefined && factors.useRecoveryCode(match.id);
    },

    async registrationOptions(user: UserRow, site: WebAuthnSite) {
      const { generateRegistrationOptions } = await webauthn();
      return generateRegistrationOptions({
        rpName: ISSUER,
        rpID: site.rpID,
        userName: user.email,
        userDisplayName: user.name,
        userID: new TextEncoder().encode(`anett-user-${user.id}`),
        attestationType: 'none',
        excludeCredentials: factors
          .passkeys(user.id)
          .map((p) => ({ id: p.credentialId, transports: p.transports ?? [] })),
        // A discoverable credential: the passkey alone can sign in, without typing the e-mail.
        authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      });
    },

    async verifyRegistration(response: unknown, challenge: string, site: WebAuthnSite) {
      const { verifyRegistrationResponse } = await webauthn();
      const result = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        ...expectedFrom(site, challenge),
        requireUserVerification: false,
      }).catch(() => undefined);
      if (!result?.verified) return undefined;
      const { credential, credentialBackedUp } = result.registrationInfo;
      return {
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? (response as RegistrationResponseJSON).response.transports ?? [],
        backedUp: credentialBackedUp,
      };
    },

    /** `forUser`: a second factor for this user's credentials; none: a passkey sign-in that must verify the user. */
    async authenticationOptions(site: WebAuthnSite, forUser?: number) {
      const { generateAuthenticationOptions } = await webauthn();
      return generateAuthenticationOptions({
        rpID: site.rpID,
        userVerification: forUser === undefined ? 'required' : 'preferred',
        allowCredentials:
          forUser === undefined
            ? []
            : factors.passkeys(forUser).map((p) => ({ id: p.credentialId, transports: p.transports ?? [] })),
      });
    },

    /** The passkey that signed the challenge, or undefined. The caller records the new counter. */
    async verifyAuthentication(
      response: unknown,
      challenge: string,
      site: WebAuthnSite,
      requireUserVerification: boolean,
    ): Promise<{ passkey: PasskeyRow; counter: number } | undefined> {
      const id = (response as { id?: unknown }).id;
      const passkey = typeof id === 'string' ? factors.passkeyByCredential(id) : undefined;
      if (!passkey) return undefined;
      const { verifyAuthenticationResponse } = await webauthn();
      const result = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        ...expectedFrom(site, challenge),
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: passkey.counter,
          transports: passkey.transports ?? [],
        },
        requireUserVerification,
      }).catch(() => undefined);
      if (!result?.verified) return undefined;
      return { passkey, counter: result.authenticationInfo.newCounter };
    },
  };
}
export type FactorsService = ReturnType<typeof createFactorsService>;
