import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links in mails carry a signed token: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, purpose "." payload)).
 * The purpose is part of the signature, so a cancel token never passes as a confirmation token.
 */
export type TokenPurpose = 'form' | 'confirm' | 'cancel' | 'prefs';

export type TokenCheck<T> = { ok: true; data: T } | { ok: false; reason: 'invalid' | 'expired' };

const mac = (secret: string, purpose: TokenPurpose, body: string) =>
  createHmac('sha256', secret).update(`${purpose}.${body}`).digest();

export function signToken(
  secret: string,
  purpose: TokenPurpose,
  data: Record<string, string | number>,
  expiresAt: Date,
): string {
  const body = Buffer.from(JSON.stringify({ ...data, exp: Math.floor(expiresAt.getTime() / 1000) })).toString(
    'base64url',
  );
  return `${body}.${mac(secret, purpose, body).toString('base64url')}`;
}

export function verifyToken<T extends Record<string, unknown>>(
  secret: string,
  purpose: TokenPurpose,
  token: string,
  now = new Date(),
): TokenCheck<T> {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  // Compared as text: decoding would accept other spellings of the same bytes (base64url ignores a last char's low bits).
  const expected = Buffer.from(mac(secret, purpose, body).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof data !== 'object' || data === null || typeof (data as { exp?: unknown }).exp !== 'number') {
    return { ok: false, reason: 'invalid' };
  }
  if ((data as { exp: number }).exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, data: data as T };
}
