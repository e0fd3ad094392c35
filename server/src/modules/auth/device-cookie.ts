import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { normalizeEmail } from '@anett/shared/normalize';

export const DEVICE_COOKIE = 'anett_device';
/** A device stays known for a year after its last successful login. */
export const DEVICE_TTL_SECONDS = 365 * 24 * 60 * 60;

/** The throttle's name for an account: a hash, so the attempt ledger holds no e-mail addresses. */
export const accountKey = (email: string) =>
  `acct:${createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 32)}`;

/**
 * Device cookies (OWASP "Slow down online guessing attacks with device cookies"): after a successful login the browser
 * gets a signed token naming the account and a random device id. Attempts that bring it are throttled per device,
 * not per address, so the owner gets in while strangers guess from the same address or at the same account.
 */
export function createDeviceCookies(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'anett', 'device-cookie', 32));
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    issue(account: string): string {
      const body = Buffer.from(JSON.stringify({ a: account, d: randomBytes(12).toString('base64url') })).toString(
        'base64url',
      );
      return `${body}.${sign(body)}`;
    },
    /** The device id, when the cookie is genuine and was issued for this account. */
    deviceFor(cookie: string | undefined, account: string): string | null {
      if (!cookie || cookie.length > 300) return null;
      const [body, mac] = cookie.split('.');
      if (!body || !mac) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as { a?: unknown; d?: unknown };
        return payload.a === account && typeof payload.d === 'string' ? payload.d : null;
      } catch {
        return null;
      }
    },
  };
}
export type DeviceCookies = ReturnType<typeof createDeviceCookies>;
