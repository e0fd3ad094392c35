import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';

describe('app shell in a real browser', () => {
  const b = useBrowser();

  it('logs in as the demo admin, finds LEG Thüringen, switches to English and logs out', async () => {
    const page = await b.newPage();
    await page.goto('/organisationen');
    // not logged in: sent to the login page, and back after logging in
    await page.waitForURL(/\/login\?redirect=/);
    await b.login(page);
    await page.waitForURL(/\/organisationen/);
    // the list page is a lazy chunk: wait for it like any other element (expect.poll gives up after 1 s)
    await page.getByRole('heading', { name: 'Organisationen' }).first().waitFor();

    await page.getByLabel('Organisationen durchsuchen').fill('LEG');
    await page.getByText('LEG Thüringen').first().waitFor();
    expect(page.url()).toContain('q=LEG');
    await b.screenshot(page, 'organisations-de');

    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Organisations' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await b.screenshot(page, 'organisations-en');

    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    // the session is gone: a protected page sends us back to the login
    await page.goto('/organisationen');
    await page.waitForURL(/\/login/);
  });

  it('shows a clear error for a wrong password', async () => {
    const page = await b.newPage();
    await page.goto('/login');
    await page.getByLabel('E-Mail').fill('admin@anett.local');
    await page.getByLabel('Passwort').fill('definitely-wrong');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/falsch|nicht korrekt|stimmen nicht/i);
  });
});
