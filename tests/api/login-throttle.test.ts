import { auditEntries } from '@anett/db/schema';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, passwordLogin, type TestApp } from '../support/app.ts';

/** Behind one trusted proxy the client address is the last X-Forwarded-For entry (TEST-NET addresses, no traffic). */
const from = (address: string) => ({ 'x-forwarded-for': address });

const failuresLogged = (t: TestApp) =>
  t.db.select().from(auditEntries).where(eq(auditEntries.action, 'login_failed')).all().length;

describe('login throttling stops guessing, not the owner', () => {
  it('lets the owner in with the right password after 100 failures from other addresses', async () => {
    const t = await createTestApp({ trustProxy: 1 });
    await t.login('admin', 'chefin@example.org');
    const guesses: number[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          passwordLogin(t, 'chefin@example.org', `guess-${batch}-${i}`, from(`198.51.100.${batch * 10 + i + 1}`)),
        ),
      );
      guesses.push(...answers.map((r) => r.statusCode));
    }
    expect(guesses).toEqual(Array(100).fill(401));
    // One address keeps hammering: its first guess is checked, then it must wait (the account is under attack).
    const hammer: number[] = [];
    for (let i = 0; i < 20; i++)
      hammer.push((await passwordLogin(t, 'chefin@example.org', `more-${i}`, from('203.0.113.9'))).statusCode);
    expect(hammer).toEqual([401, ...Array(19).fill(429)]);
    expect(failuresLogged(t)).toBe(101);

    // The owner, from an address that has not been guessing: in at once.
    const owner = await passwordLogin(t, 'chefin@example.org', PASSWORD, from('192.0.2.44'));
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.json().user.email).toBe('chefin@example.org');

    // A guessing address gets slower as the account is guessed at from everywhere: at least a minute between tries.
    const again = await passwordLogin(t, 'chefin@example.org', 'one-more-guess', from('198.51.100.1'));
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThanOrEqual(55);
  }, 60_000);

  it('checks at most 5 of 50 parallel guesses for one account from one address', async () => {
    const t = await createTestApp();
    await t.login('manager', 'ziel@example.org');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => passwordLogin(t, 'ziel@example.org', `parallel-guess-${i}`)),
    );
    const checked = answers.filter((r) => r.statusCode === 401).length;
    const refused = answers.filter((r) => r.statusCode === 429).length;
    expect(checked + refused).toBe(50);
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    // Each checked guess is a logged failure; the refused ones never reached the password check.
    expect(failuresLogged(t)).toBe(checked);
  }, 30_000);

  it('lets the owner in through the device cookie while strangers behind the same address guess', async () => {
    const t = await createTestApp({ trustProxy: 1 });
    await t.login('viewer', 'nat@example.org');
    const office = from('192.0.2.10');
    const first = await passwordLogin(t, 'nat@example.org', PASSWORD, office);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'anett_device');
    expect(device?.path).toBe('/api/auth/login');
    expect(device?.httpOnly).toBe(true);

    // Someone in the same office network guesses at many accounts and at this one.
    for (let i = 0; i < 30; i++) await passwordLogin(t, `other${i}@example.org`, 'spray-password', office);
    expect((await passwordLogin(t, 'nat@example.org', 'guess-1', office)).statusCode).toBe(429);
    expect((await passwordLogin(t, 'nat@example.org', PASSWORD, office)).statusCode).toBe(429);

    const withDevice = await passwordLogin(t, 'nat@example.org', PASSWORD, {
      ...office,
      cookie: `anett_device=${device?.value}`,
    });
    expect(withDevice.statusCode, withDevice.body).toBe(200);
    // The cookie is bound to its account: it does not help guessing at another one.
    const otherAccount = await passwordLogin(t, 'other1@example.org', 'spray-password', {
      ...office,
      cookie: `anett_device=${device?.value}`,
    });
    expect(otherAccount.statusCode).toBe(429);
  }, 60_000);

  it('takes the client address from X-Forwarded-For only behind a trusted proxy, and then the proxy’s entry', async () => {
    const direct = await createTestApp();
    await passwordLogin(direct, 'x@example.org', 'some-password', from('198.51.100.77'));
    const behind = await createTestApp({ trustProxy: 1 });
    // A client's own X-Forwarded-For entry comes first; the proxy appends the address it saw.
    await passwordLogin(behind, 'x@example.org', 'some-password', from('10.9.9.9, 198.51.100.77'));
    const ipOf = (t: TestApp) =>
      t.db.select().from(auditEntries).where(eq(auditEntries.action, 'login_failed')).get()?.ip;
    expect(ipOf(direct)).toBe('127.0.0.1');
    expect(ipOf(behind)).toBe('198.51.100.77');
  });

  it('throttles the current-password check of a password change: 50 parallel guesses, at most 5 checked', async () => {
    const t = await createTestApp();
    const { token, userId } = await t.login('viewer', 'konto@example.org');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.post(token, '/api/auth/password', {
          currentPassword: `guess-${i}`,
          newPassword: 'Wanderung im Thüringer Wald',
        }),
      ),
    );
    const checked = answers.filter((r) => r.statusCode === 400).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((r) => r.statusCode === 429).length).toBe(50 - checked);
    expect(answers.find((r) => r.statusCode === 429)?.headers['retry-after']).toBeDefined();
    // Nothing changed: the old password still works.
    expect((await passwordLogin(t, 'konto@example.org', PASSWORD)).statusCode).toBe(200);
    expect(
      t.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.action, 'password_changed'), eq(auditEntries.entityId, userId)))
        .all(),
    ).toEqual([]);
  }, 30_000);
});
