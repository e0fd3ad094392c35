import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../../server/src/lib/signed-token.ts';

const secret = 'a-test-secret-of-enough-length-000';
const later = new Date(Date.now() + 3_600_000);
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('signed mail-link tokens', () => {
  it('accept the token as signed, for its purpose only, until it expires', () => {
    const token = signToken(secret, 'prefs', { e: 'carla@example.org' }, later);
    expect(verifyToken(secret, 'prefs', token)).toMatchObject({ ok: true, data: { e: 'carla@example.org' } });
    expect(verifyToken(secret, 'cancel', token)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyToken(secret, 'prefs', token, new Date(later.getTime() + 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuse every other spelling of the signature, also those that decode to the same bytes', () => {
    const token = signToken(secret, 'prefs', { e: 'carla@example.org' }, later);
    const last = token.at(-1) as string;
    // 32 bytes fill 43 base64url characters; the last one carries 4 bits, so 3 other characters decode the same.
    const twins = [...B64URL].filter((c) => c !== last && B64URL.indexOf(c) >> 2 === B64URL.indexOf(last) >> 2);
    expect(twins).toHaveLength(3);
    for (const c of twins) {
      const forged = `${token.slice(0, -1)}${c}`;
      expect(Buffer.from(forged.split('.')[1] as string, 'base64url')).toEqual(
        Buffer.from(token.split('.')[1] as string, 'base64url'),
      );
      expect(verifyToken(secret, 'prefs', forged)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});
