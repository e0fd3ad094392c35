import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { field, unique, useBrowser } from '../support/browser.ts';

/** Picks an option of a Mantine (multi) select by typing into it. */
async function choose(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  // A multi-select stays open after a choice; Escape closes it (but would close a dialog when nothing is open).
  if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
}

const resultCount = async (page: Page) => (await page.getByTestId('result-count').textContent()) ?? '';

/** Creates a person through the form on the person list; ends on the new person's page. */
async function createPerson(page: Page, firstName: string, lastName: string) {
  await page.goto('/personen');
  await page.getByRole('button', { name: 'Person anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Vorname').fill(firstName);
  await field(dialog, 'Nachname').fill(lastName);
  await dialog.getByRole('button', { name: 'Person anlegen' }).click();
  await page.waitForURL(/\/personen\/\d+/);
  await page.getByRole('heading', { name: new RegExp(lastName) }).waitFor();
}

describe('stakeholder directory in a real browser', () => {
  const b = useBrowser();

  it('creates an organisation and an affiliated person through the forms and finds her accent-free', async () => {
    const page = await b.signedIn();
    const token = unique();
    const orgName = `Prüfwerk ${token} GmbH`;

    await page.goto('/organisationen');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    const orgDialog = page.getByRole('dialog');
    // Client-side check first: the required fields say so next to the field.
    await orgDialog.getByRole('button', { name: 'Organisation anlegen' }).click();
    await orgDialog.getByText('Bitte ausfüllen.').first().waitFor();
    await field(orgDialog, 'Name').fill(orgName);
    await choose(page, 'Art', 'Unter', /^Unternehmen$/);
    await choose(page, 'Branchen (WZ 2008)', '29.3', /^29\.3 Herstellung von Teilen/);
    await field(orgDialog, 'Ort').fill('Sömmerda');
    await choose(page, 'Kreis / Land', 'sommerda', /Landkreis Sömmerda/);
    await b.screenshot(page, 'directory-organization-form');
    await orgDialog.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.waitForURL(/\/organisationen\/\d+/);
    await page.getByRole('heading', { name: orgName }).waitFor();
    expect(await page.getByText('29.3', { exact: true }).isVisible()).toBe(true);

    await page.goto('/personen');
    await page.getByRole('button', { name: 'Person anlegen' }).click();
    const personDialog = page.getByRole('dialog');
    await personDialog.getByText('Frau', { exact: true }).click();
    await field(personDialog, 'Titel').fill('Dr.');
    await field(personDialog, 'Vorname').fill('Jördis');
    await field(personDialog, 'Nachname').fill(`Grünwald ${token}`.replace(' ', '-'));
    await field(personDialog, 'E-Mail').fill(`joerdis.${token}@example.org`);
    await choose(page, 'Organisation', token, new RegExp(`Prüfwerk ${token}`));
    await field(personDialog, 'Funktion').fill('Leiterin Qualitätssicherung');
    // The letter salutation is previewed while typing.
    expect(await personDialog.getByTestId('salutation-preview').textContent()).toContain(
      `Sehr geehrte Frau Dr. Grünwald-${token},`,
    );
    await b.screenshot(page, 'directory-person-form');
    await personDialog.getByRole('button', { name: 'Person anlegen' }).click();
    await page.waitForURL(/\/personen\/\d+/);
    const personUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: `Frau Dr. Jördis Grünwald-${token}` }).waitFor();
    expect(await page.getByTestId('letter-salutation').textContent()).toBe(`Sehr geehrte Frau Dr. Grünwald-${token},`);
    await page.getByRole('link', { name: orgName }).waitFor();
    expect(await page.getByText('Leiterin Qualitätssicherung').isVisible()).toBe(true);

    // The organisation lists her among its people.
    await page.getByRole('link', { name: orgName }).click();
    await page.getByRole('link', { name: `Dr. Jördis Grünwald-${token}` }).waitFor();

    // Global search: "/" opens it; umlauts typed as ue, the city without its umlaut.
    await page.goto('/');
    await page.getByRole('heading').first().waitFor();
    await page.keyboard.press('/');
    const search = page.getByRole('textbox', { name: 'Globale Suche' });
    await search.fill(`gruenwald-${token} sommerda`);
    const hit = page.getByRole('button', { name: new RegExp(`Jördis Grünwald-${token}`) });
    await hit.waitFor();
    await b.screenshot(page, 'directory-global-search');
    await hit.click();
    await page.waitForURL((url) => url.pathname === personUrl);
    await b.screenshot(page, 'directory-person-detail');
  });

  it('filters persons by sector and district: chips, count and URL follow', async () => {
    const page = await b.signedIn();
    await page.goto('/personen');
    await expect.poll(() => resultCount(page)).toMatch(/^\d[\d.]* Personen$/);
    const all = await resultCount(page);

    await page.getByRole('button', { name: /^Filter/ }).click();
    await choose(page, 'Branche (WZ 2008)', 'kraftwagen', /^29 Herstellung von Kraftwagen und Kraftwagenteilen/);
    await page.getByRole('button', { name: /Filter „Branche: 29 Herstellung von Kraftwagen/ }).waitFor();
    await expect.poll(() => resultCount(page)).not.toBe(all);
    const bySector = await resultCount(page);
    expect(page.url()).toContain('sector=');

    await choose(page, 'Kreis / Land', 'schmalk', /Landkreis Schmalkalden-Meiningen/);
    await page
      .getByRole('button', { name: /Filter „Kreis \/ Land: Landkreis Schmalkalden-Meiningen“ entfernen/ })
      .waitFor();
    await expect.poll(() => resultCount(page)).not.toBe(bySector);
    const both = await resultCount(page);
    expect(Number.parseInt(both.replace('.', ''), 10)).toBeLessThan(Number.parseInt(bySector.replace('.', ''), 10));
    expect(page.url()).toContain('district=');
    await b.screenshot(page, 'directory-person-filters');

    // The filtered view is a bookmark: a fresh load shows the same chips and count.
    await page.reload();
    await expect.poll(() => resultCount(page)).toBe(both);
    await page.getByRole('button', { name: /Filter „Branche: 29/ }).waitFor();

    // Removing one chip widens the result; "Alle Filter entfernen" goes back to everyone.
    await page
      .getByRole('button', { name: /Filter „Kreis \/ Land: Landkreis Schmalkalden-Meiningen“ entfernen/ })
      .click();
    await expect.poll(() => resultCount(page)).toBe(bySector);
    await page.getByRole('button', { name: 'Alle Filter entfernen' }).click();
    await expect.poll(() => resultCount(page)).toBe(all);
    expect(page.url()).not.toContain('sector=');
  });

  it('says why a list is empty and lifts the search from there, on persons and organisations', async () => {
    const page = await b.signedIn();
    for (const list of [
      {
        path: '/personen',
        search: 'Personen durchsuchen',
        noun: /^\d[\d.]* Personen$/,
        title: 'Keine Personen gefunden',
      },
      {
        path: '/organisationen',
        search: 'Organisationen durchsuchen',
        noun: /^\d[\d.]* Organisationen$/,
        title: 'Keine Organisationen gefunden',
      },
    ]) {
      await page.goto(list.path);
      await expect.poll(() => resultCount(page)).toMatch(list.noun);
      const all = await resultCount(page);
      const q = `zz${unique()}`;
      const search = page.getByRole('searchbox', { name: list.search });
      await search.fill(q);
      await page.getByText(list.title).waitFor();
      await page.getByText(`Für „${q}“ gibt es keinen Treffer.`, { exact: false }).waitFor();
      // The empty state's own button (the field's clear cross has the same name but no text).
      await page.getByRole('button', { name: 'Suche leeren' }).filter({ hasText: 'Suche leeren' }).click();
      await expect.poll(() => resultCount(page)).toBe(all);
      await expect.poll(() => search.inputValue()).toBe('');
    }
  });

  it('two editors of one person: the second save shows the conflict, reloading shows the first edit', async () => {
    const first = await b.signedIn();
    const token = unique();
    await createPerson(first, 'Konrad', `Konflikt-${token}`);
    const url = new URL(first.url()).pathname;

    const second = await b.signedIn();
    await second.goto(url);
    await second.getByRole('heading', { name: new RegExp(`Konflikt-${token}`) }).waitFor();

    // Both open the edit form on the same version.
    await first.getByRole('button', { name: 'Bearbeiten' }).click();
    await second.getByRole('button', { name: 'Bearbeiten' }).click();
    const firstForm = first.getByRole('dialog');
    const secondForm = second.getByRole('dialog');
    await field(firstForm, 'Telefon').fill('0361 1111');
    await field(secondForm, 'Telefon').fill('0361 2222');

    await firstForm.getByRole('button', { name: 'Speichern' }).click();
    await firstForm.waitFor({ state: 'hidden' });
    await first.getByText('0361 1111').waitFor();

    await secondForm.getByRole('button', { name: 'Speichern' }).click();
    const panel = second.getByTestId('conflict-panel');
    await panel.waitFor();
    const row = panel.getByRole('row', { name: /Telefon/ });
    expect(await row.textContent()).toMatch(/0361 1111[\s\S]*0361 2222/);
    await b.screenshot(second, 'directory-conflict');

    await panel.getByRole('button', { name: 'Neu laden (meine Änderungen verwerfen)' }).click();
    await panel.waitFor({ state: 'hidden' });
    expect(await field(secondForm, 'Telefon').inputValue()).toBe('0361 1111');

    // Saving again now goes through on the new version.
    await field(secondForm, 'Mobil').fill('0170 3333');
    await secondForm.getByRole('button', { name: 'Speichern' }).click();
    await secondForm.waitFor({ state: 'hidden' });
    await second.getByText('0170 3333').waitFor();
    expect(await second.getByText('0361 1111').isVisible()).toBe(true);

    // The history names both changes.
    await second.getByRole('tab', { name: 'Änderungsverlauf' }).click();
    await second.getByRole('cell', { name: '0170 3333' }).waitFor();
    expect(await second.getByRole('cell', { name: '0361 1111' }).count()).toBeGreaterThan(0);
  });
});
