import { users } from '@anett/db/schema';
import { ensureFirstAdmin } from '@anett/server/bootstrap';
import { ConfigError, loadConfig } from '@anett/server/config';
import { createContext } from '@anett/server/context';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD } from '../support/app.ts';

const change = (newPassword: string, language = 'de') => ({
  method: 'POST' as const,
  url: '/api/auth/password',
  headers: { 'accept-language': language },
  payload: { currentPassword: PASSWORD, newPassword },
});

describe('password policy (ASVS V6.2)', () => {
  it.each([
    ['aaaaaaaaaaaa', /Wiederholungen/],
    ['1234567890ab', /Folge|geleakter|erraten/],
    ['123456789012', /häufig verwendeter oder geleakter/],
    ['password1234', /häufig verwendeter oder geleakter/],
    ['passwort12345', /häufig verwendeter oder geleakter/],
    ['qwertzuiopasdf', /Folge/],
    ['Kurz-1!', /mindestens 12 Zeichen/],
    ['Elfzeichen!', /mindestens 12 Zeichen/],
    ['vera.lindner@example.org', /Namen noch Ihre E-Mail/],
    ['Lindner wandert gern im Wald', /Namen noch Ihre E-Mail/],
  ])('refuses %s with a message naming the field', async (weak, message) => {
    const t = await createTestApp();
    const { token, userId } = await t.login('viewer', 'vera.lindner@example.org');
    t.db.update(users).set({ name: 'Vera Lindner' }).where(eq(users.id, userId)).run();
    const before = t.db.select().from(users).where(eq(users.id, userId)).get()?.passwordHash;
    const res = await t.as(token, change(weak));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const [error] = res.json().errors;
    expect(error.field).toBe('newPassword');
    expect(error.message).toMatch(message);
    expect(t.db.select().from(users).where(eq(users.id, userId)).get()?.passwordHash).toBe(before);
  });

  it('explains in English when asked, refuses the same password again, accepts long passphrases of 64+', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer', 'policy@example.org');
    const english = await t.as(token, change('aaaaaaaaaaaa', 'en'));
    expect(english.json().errors[0].message).toMatch(/repetitions/);
    const same = await t.as(token, change(PASSWORD));
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].message).toBe('muss sich vom bisherigen Passwort unterscheiden');
    const long = 'Am Rennsteig zwischen Oberhof und Schmiedefeld blüht im Mai der Ginster, sagt Oma immer';
    expect(long.length).toBeGreaterThan(64);
    const ok = await t.as(token, change(long));
    expect(ok.statusCode, ok.body).toBe(200);
    // No composition rules: lower-case words only are fine when long and uncommon.
    const words = await t.post(ok.json().accessToken, '/api/auth/password', {
      currentPassword: long,
      newPassword: 'gurke tapete wolke fahrrad',
    });
    expect(words.statusCode, words.body).toBe(200);
  });

  it('applies to passwords an admin sets when creating a user or resetting a password', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const created = await t.post(admin.token, '/api/users', {
      email: 'neu@example.org',
      name: 'Nele Neu',
      role: 'viewer',
      password: 'password1234',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0]).toMatchObject({ field: 'password', message: expect.stringMatching(/geleakter/) });
    expect(t.db.select().from(users).where(eq(users.email, 'neu@example.org')).get()).toBeUndefined();
    const viewer = await t.login('viewer', 'reset-me@example.org');
    const reset = await t.post(admin.token, `/api/users/${viewer.userId}/reset-password`, {
      password: 'reset-me-example',
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().errors[0].field).toBe('password');
    // Generated passwords pass the policy.
    const generated = await t.post(admin.token, '/api/users', {
      email: 'gen@example.org',
      name: 'Gen',
      role: 'viewer',
    });
    expect(generated.statusCode).toBe(201);
    expect(generated.json().password).toHaveLength(16);
  });

  it('refuses a weak ADMIN_PASSWORD when the first admin is created, with a message naming the variable', async () => {
    const t = await createTestApp();
    const ctx = createContext(t.db, t.config);
    const first = (adminPassword: string) =>
      ensureFirstAdmin(ctx, { ...t.config, adminEmail: 'chef@anett.local', adminPassword }, () => {});
    await expect(first('password1234')).rejects.toThrow(ConfigError);
    await expect(first('password1234')).rejects.toThrow(/ADMIN_PASSWORD: is on a list/);
    await expect(first('chef-anett-2024')).rejects.toThrow(/ADMIN_PASSWORD: must contain/);
    expect(t.db.select().from(users).all()).toEqual([]);
    const created = await first('Kaffee am Rennsteig 1987');
    expect(created?.user.email).toBe('chef@anett.local');
    expect(
      loadConfig({ DATABASE_PATH: ':memory:', ADMIN_EMAIL: 'chef@anett.local', ADMIN_PASSWORD: 'x' }).adminPassword,
    ).toBe('x');
  });
});
