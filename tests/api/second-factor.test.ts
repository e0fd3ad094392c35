import { auditEntries, recoveryCodes, totpFactors, users } from '@anett/db/schema';
import { hashPassword } from '@anett/server/lib/passwords';
import { eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, passwordLogin, type TestApp } from '../support/app.ts';
import { createPasskey, signIn } from '../support/passkey.ts';

const ORIGIN = 'https://crm.example.org';

/** A code from the authenticator app for `secret`, `offset` steps (30 s) from now. */
const code = (secret: string, offset = 0) =>
  generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

/** Sets up the authenticator app through the API; returns the secret, the recovery codes and the fresh session. */
async function enrolTotp(t: TestApp, token: string) {
  const setup = await t.post(token, '/api/auth/factors/totp');
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret, uri, qrCode } = setup.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\/ANeTT%20CRM:.*secret=/);
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(Buffer.from(qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
  const confirm = await t.post(token, '/api/auth/factors/totp/confirm', { code: code(secret) });
  expect(confirm.statusCode, confirm.body).toBe(200);
  const body = confirm.json();
  return { secret: secret as string, recoveryCodes: body.recoveryCodes as string[], token: body.session.accessToken };
}

describe('authenticator app (TOTP) and recovery codes', () => {
  it('refuses a wrong first code naming the field, and files nothing: no factor, no codes, no audit entry, sessions kept', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager', 'wrong-first@example.org');
    const setup = await t.post(token, '/api/auth/factors/totp');
    const { secret } = setup.json();
    const wrongCode = code(secret) === '000000' ? '111111' : '000000';
    const wrong = await t.post(token, '/api/auth/factors/totp/confirm', { code: wrongCode });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CODE', errors: [{ field: 'code' }] });
    expect(t.db.select().from(totpFactors).get()?.confirmedAt).toBeNull();
    expect(t.db.select().from(recoveryCodes).all()).toHaveLength(0);
    const filed = t.db
      .select()
      .from(auditEntries)
      .all()
      .map((e) => e.action);
    expect(filed).not.toContain('second_factor_added');
    expect((await t.as(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    // The right code then enrols.
    const right = await t.post(token, '/api/auth/factors/totp/confirm', { code: code(secret) });
    expect(right.statusCode, right.body).toBe(200);
    expect(
      t.db
        .select()
        .from(auditEntries)
        .all()
        .map((e) => e.action),
    ).toContain('second_factor_added');
  });

  it('asks for a code after the password, accepts each code once, and ends the other sessions on enrolment', async () => {
    const t = await createTestApp();
    const { token, cookie } = await t.login('manager', 'totp@example.org');
    const { secret, recoveryCodes: codes, token: fresh } = await enrolTotp(t, token);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    // Only salted hashes are stored; the secret is encrypted.
    const stored = t.db.select().from(recoveryCodes).all();
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c.replaceAll('-', ''));
    expect(t.db.select().from(totpFactors).get()?.secret).not.toContain(secret);
    // The session that enrolled is replaced; sessions opened with the password alone end.
    expect((await t.as(token, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const oldRefresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie },
      payload: {},
    });
    expect(oldRefresh.statusCode).toBe(401);
    expect((await t.as(fresh, { method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      secondFactor: 'enrolled',
    });

    const first = await passwordLogin(t, 'totp@example.org');
    expect(first.statusCode).toBe(200);
    const step = first.json();
    expect(step).not.toHaveProperty('accessToken');
    expect(step.secondFactor.methods).toEqual(['totp', 'recovery']);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      payload: { challenge: step.secondFactor.challenge, method: 'totp', code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('code');
    // The confirming code was used already; the next step's code works.
    const current = code(secret, 1);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      payload: { challenge: step.secondFactor.challenge, method: 'totp', code: current },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user).toMatchObject({ email: 'totp@example.org', secondFactor: 'enrolled' });
    expect((await t.as(ok.json().accessToken, { method: 'GET', url: '/api/persons' })).statusCode).toBe(200);

    // The challenge is used up, and the same code cannot log in again (a replay).
    const replayChallenge = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      payload: { challenge: step.secondFactor.challenge, method: 'totp', code: current },
    });
    expect(replayChallenge.statusCode).toBe(401);
    const next = (await passwordLogin(t, 'totp@example.org')).json();
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      payload: { challenge: next.secondFactor.challenge, method: 'totp', code: current },
    });
    expect(replay.statusCode).toBe(400);
    const actions = t.db
      .select()
      .from(auditEntries)
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['second_factor_added', 'second_factor_failed', 'login']));
  });

  it('logs in with a recovery code exactly once, and a wrong password never reaches the second step', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer', 'rc@example.org');
    const { recoveryCodes: codes } = await enrolTotp(t, token);
    expect((await passwordLogin(t, 'rc@example.org', 'wrong-password-x')).statusCode).toBe(401);

    const step = (await passwordLogin(t, 'rc@example.org')).json().secondFactor;
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      // Typed loosely: upper case, spaces instead of dashes.
      payload: {
        challenge: step.challenge,
        method: 'recovery',
        code: ` ${codes[3]?.toUpperCase().replaceAll('-', ' ')} `,
      },
    });
    expect(withCode.statusCode, withCode.body).toBe(200);
    const again = (await passwordLogin(t, 'rc@example.org')).json().secondFactor;
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      payload: { challenge: again.challenge, method: 'recovery', code: codes[3] },
    });
    expect(reused.statusCode).toBe(400);
    const overview = await t.as(withCode.json().accessToken, { method: 'GET', url: '/api/auth/factors' });
    expect(overview.json()).toMatchObject({ recoveryCodesLeft: 9, totp: { confirmedAt: expect.any(String) } });
  });

  it('ends a login after five wrong codes', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer', 'five@example.org');
    const { secret } = await enrolTotp(t, token);
    const step = (await passwordLogin(t, 'five@example.org')).json().secondFactor;
    let wrong = 0;
    while (wrong < 5) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login/second-factor',
        payload: { challenge: step.challenge, method: 'totp', code: String(100000 + wrong) },
      });
      if (r.statusCode === 400) wrong++;
      else {
        // Wrong codes are throttled like passwords: wait as told.
        expect(r.statusCode).toBe(429);
        await new Promise((resolve) => setTimeout(resolve, Number(r.headers['retry-after']) * 1000));
      }
    }
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      payload: { challenge: step.challenge, method: 'totp', code: code(secret, 1) },
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('SECOND_FACTOR_EXPIRED');
  }, 30_000);

  it('allows a password of 8 characters once a second factor is set, 12 without', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer', 'kurz@example.org');
    const short = { currentPassword: PASSWORD, newPassword: 'Tw9#kLp2' };
    const refused = await t.post(token, '/api/auth/password', short);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toEqual({ field: 'newPassword', message: 'muss mindestens 12 Zeichen lang sein' });
    const { token: fresh } = await enrolTotp(t, token);
    const ok = await t.post(fresh, '/api/auth/password', short);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('passkeys', () => {
  async function registerPasskey(t: TestApp, token: string, name = 'Laptop') {
    const start = await t.post(token, '/api/auth/factors/passkeys/options');
    expect(start.statusCode, start.body).toBe(200);
    const { ceremony, options } = start.json();
    expect(options).toMatchObject({ rp: { id: 'crm.example.org', name: 'ANeTT CRM' } });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required' });
    const created = createPasskey(options, ORIGIN);
    const done = await t.post(token, '/api/auth/factors/passkeys', { ceremony, name, response: created.response });
    expect(done.statusCode, done.body).toBe(200);
    return {
      passkey: created.passkey,
      token: done.json().session.accessToken as string,
      codes: done.json().recoveryCodes,
    };
  }

  it('signs in with a passkey alone, and serves as the second factor after the password', async () => {
    const t = await createTestApp({ publicOrigin: ORIGIN });
    const { token } = await t.login('manager', 'pk@example.org');
    const { passkey, token: fresh, codes } = await registerPasskey(t, token);
    expect(codes).toHaveLength(10);
    const overview = await t.as(fresh, { method: 'GET', url: '/api/auth/factors' });
    expect(overview.json()).toMatchObject({ state: 'enrolled', passkeys: [{ name: 'Laptop', lastUsedAt: null }] });

    // Alone: no e-mail, no password.
    const options = (await t.app.inject({ method: 'POST', url: '/api/auth/passkey/options', payload: {} })).json();
    expect(options.options.allowCredentials ?? []).toEqual([]);
    expect(options.options.userVerification).toBe('required');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkey/login',
      payload: { ceremony: options.ceremony, response: signIn(passkey, options.options, ORIGIN) },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user).toMatchObject({ email: 'pk@example.org', secondFactor: 'enrolled' });

    // Alone, a passkey that did not verify the user (no PIN, no fingerprint) is not enough.
    const noUv = (await t.app.inject({ method: 'POST', url: '/api/auth/passkey/options', payload: {} })).json();
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkey/login',
      payload: { ceremony: noUv.ceremony, response: signIn(passkey, noUv.options, ORIGIN, { userVerified: false }) },
    });
    expect(weak.statusCode).toBe(401);

    // As the second factor of a password login.
    const step = (await passwordLogin(t, 'pk@example.org')).json().secondFactor;
    expect(step.methods).toEqual(['passkey', 'recovery']);
    const second = (
      await t.app.inject({ method: 'POST', url: '/api/auth/passkey/options', payload: { challenge: step.challenge } })
    ).json();
    expect(second.options.allowCredentials).toEqual([
      expect.objectContaining({ id: passkey.credentialId.toString('base64url') }),
    ]);
    const finished = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkey/login',
      payload: {
        ceremony: second.ceremony,
        challenge: step.challenge,
        response: signIn(passkey, second.options, ORIGIN),
      },
    });
    expect(finished.statusCode, finished.body).toBe(200);
    // A ceremony is single use.
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkey/login',
      payload: { ceremony: options.ceremony, response: signIn(passkey, options.options, ORIGIN) },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('refuses a passkey answer for another site', async () => {
    const t = await createTestApp({ publicOrigin: ORIGIN });
    const { token } = await t.login('viewer', 'phish@example.org');
    const { passkey } = await registerPasskey(t, token);
    const options = (await t.app.inject({ method: 'POST', url: '/api/auth/passkey/options', payload: {} })).json();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkey/login',
      payload: {
        ceremony: options.ceremony,
        response: signIn(passkey, options.options, 'https://crm-login.example.net'),
      },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('a second factor required per role', () => {
  it('admins must enrol by default: an admin without one gets an "enrol now" session limited to that', async () => {
    const t = await createTestApp({ secondFactorRoles: undefined });
    const admin = await t.login('admin', 'neu-admin@example.org');
    const me = await t.as(admin.token, { method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toMatchObject({ role: 'admin', secondFactor: 'required' });
    const blocked = await t.as(admin.token, { method: 'GET', url: '/api/users' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await t.as(admin.token, { method: 'GET', url: '/api/persons' })).statusCode).toBe(403);
    // Managers are not concerned by default.
    const manager = await t.login('manager');
    expect((await t.as(manager.token, { method: 'GET', url: '/api/persons' })).statusCode).toBe(200);

    const { token } = await enrolTotp(t, admin.token);
    expect((await t.as(token, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    // The last factor of a role that needs one cannot be removed.
    const remove = await t.post(token, '/api/auth/factors/totp/delete', { currentPassword: PASSWORD });
    expect(remove.statusCode).toBe(409);
  });

  it('an admin sets the roles and resets a user’s factors (audited); the user then enrols again', async () => {
    const t = await createTestApp();
    const { token: adminToken } = await t.login('admin');
    const viewer = await t.login('viewer', 'lost-phone@example.org');
    await enrolTotp(t, viewer.token);
    const policy = await t.as(adminToken, {
      method: 'PUT',
      url: '/api/auth/policy',
      payload: { secondFactorRoles: ['viewer'] },
    });
    expect(policy.json()).toEqual({ secondFactorRoles: ['viewer'] });
    expect((await t.as(adminToken, { method: 'GET', url: '/api/auth/policy' })).json()).toEqual({
      secondFactorRoles: ['viewer'],
    });
    const listed = await t.as(adminToken, { method: 'GET', url: '/api/users?q=lost' });
    expect(listed.json().items[0]).toMatchObject({ hasSecondFactor: true });
    expect(listed.json().items[0]).not.toHaveProperty('passwordHash');

    const reset = await t.post(adminToken, `/api/users/${viewer.userId}/reset-factors`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ hasSecondFactor: false });
    const audit = t.db.select().from(auditEntries).where(eq(auditEntries.action, 'second_factors_reset')).get();
    expect(audit).toMatchObject({ entity: 'user', entityId: viewer.userId });
    expect(t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, viewer.userId)).all()).toEqual([]);

    // Password alone again, into "enrol now".
    const login = await passwordLogin(t, 'lost-phone@example.org');
    expect(login.json().user).toMatchObject({ secondFactor: 'required' });
    const token = login.json().accessToken;
    expect((await t.as(token, { method: 'GET', url: '/api/persons' })).statusCode).toBe(403);
    expect((await t.as(token, { method: 'GET', url: '/api/auth/factors' })).statusCode).toBe(200);
    const viewerPolicy = await t.as(viewer.token, { method: 'GET', url: '/api/auth/policy' });
    expect(viewerPolicy.statusCode).toBe(401);
  });

  it('defaults to admins in the configuration', async () => {
    const { loadConfig } = await import('@anett/server/config');
    expect(loadConfig({ DATABASE_PATH: ':memory:' }).secondFactorRoles).toEqual(['admin']);
    expect(loadConfig({ DATABASE_PATH: ':memory:', SECOND_FACTOR_ROLES: '' }).secondFactorRoles).toEqual([]);
  });
});

describe('the first admin and the demo', () => {
  it('has the demo admin without a factor led to enrolment instead of locked out', async () => {
    const t = await createTestApp({ secondFactorRoles: ['admin'] });
    const db = t.db;
    db.insert(users)
      .values({
        email: 'admin@anett.local',
        name: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(PASSWORD),
      })
      .run();
    const res = await passwordLogin(t, 'admin@anett.local');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.secondFactor).toBe('required');
    expect((await t.post(body.accessToken, '/api/auth/factors/totp')).statusCode).toBe(200);
  });
});
