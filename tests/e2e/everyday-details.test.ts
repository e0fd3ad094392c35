import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { useBrowser } from '../support/browser.ts';

/** Logs in with the form in either language (found by field types). */
async function loginAnyLanguage(page: Page) {
  await page.goto('/login');
  await page.locator('input[type="email"]').fill(inject('admin').email);
  await page.locator('input[type="password"]').fill(inject('admin').password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('everyday details', () => {
  const b = useBrowser();

  it('opens the quick log with the very first `n` after the login and refreshes the dashboard after saving', async () => {
    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    // At once, while the dashboard's code may still be loading.
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
    await dialog.waitFor();
    await dialog.locator('form').waitFor();

    // The dashboard has loaded its activity (whatever other test files wrote to the shared demo server before).
    const activity = page.locator('section', { has: page.getByRole('heading', { name: 'Letzte Aktivitäten' }) });
    await activity
      .getByText(/ hat .+ (angelegt|geändert|gelöscht|bearbeitet|erstellt|übernommen)/)
      .first()
      .waitFor();

    const subject = `E2E Rückruf ${Date.now()}`;
    await dialog.getByLabel('Betreff').fill(subject);
    await dialog.getByPlaceholder('Person suchen').fill('Albrecht');
    await page
      .getByRole('option', { name: /Albrecht/ })
      .first()
      .click();
    await dialog.getByLabel('Betreff').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Without a reload: the new contact is the latest activity.
    await activity.getByText(`hat den Kontakt „${subject}“ angelegt`).waitFor();
  });

  it('speaks English in the English UI: activity, reach report groups, person heading, dates', async () => {
    const api = await adminApi();
    const { items } = await api<{ items: { id: number; firstName: string; lastName: string }[] }>(
      'GET',
      '/api/persons?pageSize=1&sort=lastName',
    );
    const [person] = items;
    const subject = `E2E call ${Date.now()}`;
    await api('POST', '/api/interactions', { kind: 'call', subject, personIds: [person?.id] });

    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => localStorage.setItem('anett.lang', 'en'));
    await loginAnyLanguage(page);
    const activity = page.locator('section', { has: page.getByRole('heading', { name: 'Recent activity' }) });
    await activity.getByText(`Administrator created the contact “${subject}”`).waitFor();
    expect(await activity.textContent()).not.toMatch(/ hat |angelegt/);
    // Follow-ups say what they count.
    const followUps = page.locator('section', { has: page.getByRole('heading', { name: 'My follow-ups' }) });
    expect(await followUps.textContent()).toMatch(/\d+ follow-ups? (overdue|due)/);

    await page.goto('/berichte/reichweite?from=2024-01-01&to=2024-12-31');
    const kinds = page.getByRole('heading', { name: 'Kind of organisation', exact: true }).locator('xpath=..');
    await kinds.getByRole('table').waitFor();
    const kindText = (await kinds.getByRole('table').textContent()) ?? '';
    expect(kindText).toContain('Company');
    expect(kindText).not.toMatch(/Unternehmen|Hochschule|Kammer/);

    await page.goto(`/personen/${person?.id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: person?.lastName ?? '' }).waitFor();
    expect(await heading.textContent()).not.toMatch(/^(Herr|Frau) /);

    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'Log a contact' });
    await dialog.locator('form').waitFor();
    const when = (await dialog.locator('.mantine-DateTimePicker-input').textContent()) ?? '';
    expect(when).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it('adds a person and logs a contact from an organisation page; a merged record names its successor', async () => {
    const api = await adminApi();
    const stamp = Date.now();
    const target = await api<{ id: number; name: string }>('POST', '/api/organizations', {
      name: `E2E Ziel ${stamp} GmbH`,
      kind: 'company',
    });
    const source = await api<{ id: number }>('POST', '/api/organizations', {
      name: `E2E Quelle ${stamp} AG`,
      kind: 'company',
      confirmDuplicate: true,
    });
    await api('POST', `/api/organizations/${target.id}/merge`, { sourceId: source.id });

    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    await page.goto(`/organisationen/${source.id}`);
    const successor = page.getByRole('link', { name: target.name });
    await successor.waitFor();
    expect(await page.getByText(/zusammengeführt mit/).textContent()).not.toContain(`#${target.id}`);
    await successor.click();
    await page.waitForURL(new RegExp(`/organisationen/${target.id}`));

    await page.getByRole('button', { name: 'Person hinzufügen' }).click();
    const form = page.getByRole('dialog', { name: 'Neue Person' });
    await form.getByLabel('Vorname').fill('Ronja');
    await form.getByLabel('Nachname').fill(`Neu${stamp}`);
    expect(await form.getByLabel('Organisation', { exact: true }).inputValue()).toBe(target.name);
    await form.getByRole('button', { name: 'Person anlegen' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: `Ronja Neu${stamp}` }).waitFor();

    await page.getByRole('button', { name: 'Kontakt erfassen' }).last().click();
    const quickLog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
    await quickLog.locator('form').waitFor();
    // Prefilled with this organisation.
    await quickLog.getByText(target.name).waitFor();
  });
});
