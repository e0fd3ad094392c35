import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { headlineAnswers } from '../support/headline.ts';

/** Picks an option in a (multi-)select by its label within a scope; closes the dropdown afterwards. */
async function pick(page: Page, scope: Page | Locator, field: string, typed: string, option: RegExp | string) {
  const input = scope
    .getByRole('textbox', { name: field, exact: true })
    .or(scope.getByRole('combobox', { name: field, exact: true }));
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
  if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
}

const resultCount = async (page: Page) => (await page.getByTestId('result-count').textContent()) ?? '';
const persons = (n: number) => (n === 1 ? '1 Person' : `${n} Personen`);

describe('attendance groups in the person filter panel', () => {
  const b = useBrowser();

  /** The answers from the raw rows of the database the server runs on. */
  function expected() {
    const db = new Database(inject('databasePath'), { readonly: true });
    try {
      return headlineAnswers(db);
    } finally {
      db.close();
    }
  }

  it('builds "WZ 29 in Schmalkalden-Meiningen, a QTI event in 2024, but no course in 2024" and shows the right count', async () => {
    const answers = expected();
    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    await page.goto('/personen');
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toMatch(/Personen$/);
    await page.getByRole('button', { name: /^Filter($| \d)/ }).click();
    await pick(page, page, 'Branche (WZ 2008)', 'kraftwagen', /^29 Herstellung von Kraftwagen/);
    await pick(page, page, 'Kreis / Land', 'schmalk', /Schmalkalden-Meiningen/);
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toBe(persons(answers.base.length));

    await page.getByRole('button', { name: 'Teilgenommen an …', exact: true }).click();
    const attended = page.getByRole('group', { name: 'Teilgenommen an … (1)' });
    for (const node of ['Gotha', 'Eisenach', 'Sömmerda', 'Weberstedt', 'Rohr']) {
      await pick(page, attended, 'QTI-Knoten der Veranstaltung', node, new RegExp(node));
    }
    await pick(page, attended, 'Jahr', '2024', '2024');
    await page.getByRole('button', { name: 'Nicht teilgenommen an …', exact: true }).click();
    const notAttended = page.getByRole('group', { name: 'Nicht teilgenommen an … (1)' });
    await pick(page, notAttended, 'Veranstaltungsart', 'Lehr', 'Lehrgang');
    // By keyboard: the year field takes typed text and Enter.
    const year = notAttended.getByRole('combobox', { name: 'Jahr', exact: true });
    await year.focus();
    await page.keyboard.type('2024');
    // The arrow key picks the first option shown: wait until typing has narrowed the list to the one year.
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['2024']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: /^Filter „nicht teilgenommen: Lehrgang, 2024“ entfernen$/ }).waitFor();
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toBe(persons(answers.qtiNoCourse2024.length));
    await page
      .getByRole('button', { name: /^Filter „teilgenommen: Veranstaltung eines QTI-Knotens, 2024“ entfernen$/ })
      .waitFor();
    await b.screenshot(page, 'attendance-groups-panel');

    // A bookmark: a fresh load asks the same question.
    await page.reload();
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toBe(persons(answers.qtiNoCourse2024.length));
  });

  it('builds "did not attend anything in 2024" for WZ 29 × Schmalkalden-Meiningen: 2 of 18', async () => {
    const answers = expected();
    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    await page.goto('/personen?sector=%5B%2229%22%5D&district=%5B%2216066%22%5D');
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toBe(persons(answers.base.length));
    await page.getByRole('button', { name: /^Filter($| \d)/ }).click();
    await page.getByRole('button', { name: 'Nicht teilgenommen an …', exact: true }).click();
    const group = page.getByRole('group', { name: 'Nicht teilgenommen an … (1)' });
    // An empty group changes nothing until it has a condition.
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toBe(persons(answers.base.length));
    await pick(page, group, 'Jahr', '2024', '2024');
    expect(answers.noAttendance2024.length).toBe(2);
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toBe(persons(answers.noAttendance2024.length));
    await page.getByRole('button', { name: /^Filter „nicht teilgenommen: 2024“ entfernen$/ }).click();
    await expect.poll(() => resultCount(page), { timeout: 15_000 }).toBe(persons(answers.base.length));
  });

  it('turns an old link with flat attendance keys into an editable group with the same count', async () => {
    const page = await b.newPage();
    await b.login(page);
    await page.goto('/personen?sector=%5B%2229%22%5D&excludeEventKind=%5B%22course%22%5D');
    const chip = page.getByRole('button', { name: /^Filter „nicht teilgenommen: Lehrgang“ entfernen$/ });
    await chip.waitFor();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('notAttended=');
    expect(page.url()).not.toContain('excludeEventKind');
  });
});
