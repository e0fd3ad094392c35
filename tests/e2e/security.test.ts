import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { useBrowser } from '../support/browser.ts';

async function createUser(role: 'manager' | 'viewer', email: string, password: string) {
  const call = await adminApi();
  await call('POST', '/api/users', { email, name: `Test ${role}`, role, password });
}

async function logout(page: Page) {
  await page.getByRole('button', { name: /Benutzermenü/ }).click();
  await page.getByRole('menuitem', { name: 'Abmelden' }).click();
  await page.waitForURL(/\/login/);
}

describe('second factors in a real browser', () => {
  const b = useBrowser();

  it('adds a passkey and signs in with it alone (Chromium virtual authenticator)', async () => {
    const user = { email: 'passkey-e2e@anett.local', password: 'Rennsteig im Nebel 2024' };
    await createUser('manager', user.email, user.password);
    const page = await b.newPage();
    // Passkeys need a domain: localhost, not an IP address.
    const origin = inject('baseUrl').replace('127.0.0.1', 'localhost');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await page.goto(`${origin}/login`);
    await b.login(page, user);
    await page.goto(`${origin}/konto/sicherheit`);
    await page.getByRole('heading', { name: 'Sicherheit & Anmeldung' }).waitFor();
    await page.getByRole('button', { name: 'Passkey hinzufügen' }).click();
    await page.getByLabel('Bezeichnung').fill('Testlaptop');
    await page.getByRole('button', { name: 'Passkey erstellen' }).click();
    // The first factor comes with recovery codes, shown once.
    await page.getByRole('dialog', { name: 'Ihre Wiederherstellungscodes' }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('code').count()).toBe(10);
    await b.screenshot(page, 'security-recovery-codes');
    await page.getByRole('button', { name: 'Ich habe die Codes sicher aufbewahrt' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByText('Testlaptop').waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    await b.screenshot(page, 'security-page-passkey');
    await page.setViewportSize({ width: 390, height: 844 });
    await b.screenshot(page, 'security-page-390');
    await page.setViewportSize({ width: 1366, height: 768 });

    await logout(page);
    await page.getByRole('button', { name: 'Passkey verwenden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: /^Test manager .*Benutzermenü/ }).waitFor();
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]?.signCount).toBeGreaterThan(0);
  });

  it('leads a user whose role needs a second factor to set one up, then asks for the code at login', async () => {
    const call = await adminApi();
    const before = await call<{ secondFactorRoles: string[] }>('GET', '/api/auth/policy');
    const user = { email: 'totp-e2e@anett.local', password: 'Gotha Eisenach Sömmerda Rohr' };
    await createUser('viewer', user.email, user.password);
    await call('PUT', '/api/auth/policy', { secondFactorRoles: [...before.secondFactorRoles, 'viewer'] });
    try {
      const page = await b.newPage();
      await page.goto('/personen');
      await page.waitForURL(/\/login\?redirect=/);
      await b.login(page, user);
      // "Enrol now": only the security page, no navigation.
      await page.waitForURL(/\/konto\/sicherheit/);
      await page.getByText('Zweiter Faktor erforderlich').waitFor();
      expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').count()).toBe(0);
      await b.screenshot(page, 'security-enrol-now');
      await page.goto('/personen');
      await page.waitForURL(/\/konto\/sicherheit/);

      await page.getByRole('button', { name: 'App einrichten' }).click();
      const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
      await page.getByRole('img', { name: 'QR-Code für die Authenticator-App' }).waitFor();
      await b.screenshot(page, 'security-totp-setup');
      await page.getByLabel('Code aus der App').fill(generateSync({ secret }));
      await page.getByRole('button', { name: 'Einrichten', exact: true }).click();
      await page.getByRole('button', { name: 'Ich habe die Codes sicher aufbewahrt' }).click();
      await page.getByText(/Eingerichtet am/).waitFor();
      await page.goto('/personen');
      await page.getByRole('heading', { name: 'Personen' }).first().waitFor();

      await logout(page);
      await page.getByLabel('E-Mail').fill(user.email);
      await page.getByLabel('Passwort').fill(user.password);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByText('Geben Sie den 6-stelligen Code').waitFor();
      await b.screenshot(page, 'login-code-step');
      await page.getByLabel('Code aus der App').fill('000000');
      await page.getByRole('button', { name: 'Bestätigen', exact: true }).click();
      await page.getByText('Der Code ist falsch oder wurde schon verwendet.').waitFor();
      // The code of the next 30-second step (the current one was used to set up the app).
      const next = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      await page.getByLabel('Code aus der App').fill(next);
      await page.getByRole('button', { name: 'Bestätigen', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    } finally {
      await call('PUT', '/api/auth/policy', before);
    }
  });
});

describe('erasure in a real browser', () => {
  const b = useBrowser();

  it('shows the admin what goes and the unlinked mentions to pick, then erases the person', async () => {
    const call = await adminApi();
    const person = await call<{ id: number }>('POST', '/api/persons', {
      firstName: 'Walburga',
      lastName: 'Zippelmeier',
      email: 'w.zippelmeier@example.org',
      phone: '03681 998877',
    });
    const org = await call<{ items: { id: number }[] }>('GET', '/api/organizations?pageSize=1');
    await call('POST', '/api/interactions', {
      kind: 'call',
      subject: 'Rückruf Frau Zippelmeier',
      summary: 'Bittet um Unterlagen zum Lehrgang, Tel. 03681 998877',
      organizationIds: [org.items[0]?.id],
    });
    const page = await b.newPage();
    await page.goto(`/personen/${person.id}`);
    await page.waitForURL(/\/login\?redirect=/);
    await b.login(page);
    await page.getByRole('heading', { name: /Walburga Zippelmeier/ }).waitFor();
    await page.getByRole('button', { name: 'Weitere Aktionen' }).click();
    await page.getByRole('menuitem', { name: 'Art. 17 löschen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Erwähnungen in anderen Kontaktlog-Einträgen').waitFor();
    const mention = dialog.getByTestId('erasure-mentions').getByRole('checkbox');
    expect(await mention.count()).toBe(1);
    expect(await mention.isChecked()).toBe(true);
    await b.screenshot(page, 'erasure-dialog');
    const confirm = dialog.getByRole('button', { name: 'Endgültig löschen' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Ich habe verstanden, dass die Löschung nicht rückgängig gemacht werden kann.').check();
    await confirm.click();
    await page.getByText('nach Art. 17 DSGVO gelöscht').waitFor();
    await page.getByRole('heading', { name: /Gelöschte Person/ }).waitFor();
    const found = await call<{ total: number }>('GET', '/api/interactions?q=Zippelmeier');
    expect(found.total).toBe(0);

    // The admin's view of second factors: a column per user and the policy per role.
    await page.goto('/verwaltung/benutzer');
    await page.getByRole('heading', { name: 'Zweiter Faktor' }).waitFor();
    await page.getByRole('columnheader', { name: '2. Faktor' }).waitFor();
    await b.screenshot(page, 'users-second-factor');
  });
});
