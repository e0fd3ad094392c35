import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';

/** What has keyboard focus: its role-ish description and accessible text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      inChart: !!el?.closest('[data-testid^="chart-"]'),
    };
  });

/** Presses Tab until the focused element's text matches, at most `max` times; returns how many presses. */
async function tabTo(page: Page, text: RegExp, max = 40) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (text.test((await focused(page)).text)) return i;
  }
  throw new Error(`${text} not reached with ${max} × Tab; last focus: ${JSON.stringify(await focused(page))}`);
}

describe('keyboard and small screens', () => {
  const b = useBrowser();

  it('reaches Verwaltung → Benutzer with Tab and Enter only; charts are no tab stops', async () => {
    const page = await b.signedIn({ viewport: { width: 1440, height: 900 } });
    await page.getByRole('heading', { name: 'Übersicht', level: 1 }).waitFor();
    await page.locator('[data-testid="chart-attendances"]').waitFor();

    await tabTo(page, /^Verwaltung$/);
    expect(await page.getByRole('button', { name: 'Verwaltung' }).getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Verwaltung' }).getAttribute('aria-expanded')).toBe('true');
    // The group opens with a short animation.
    await page.getByRole('link', { name: 'Benutzer', exact: true }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Benutzer');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/verwaltung\/benutzer$/);
    await page.getByRole('heading', { name: 'Benutzer', level: 1 }).waitFor();

    // The dashboard's charts are pictures with a text alternative, not tab stops.
    await page.goto('/');
    const chart = page.locator('[data-testid="chart-attendances"]');
    await chart.waitFor();
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/^Teilnahmen je Monat – .+: \d+/);
    await page.locator('#main').focus();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inChart).toBe(false);
    }
  });

  it('at 390 px the drawer holds logout, password and the language switch', async () => {
    const page = await b.signedIn({ viewport: { width: 390, height: 844 } });
    await page.getByRole('heading', { name: 'Übersicht', level: 1 }).waitFor();
    // The header has no room for them: they are not shown there.
    expect(
      await page
        .locator('header')
        .getByRole('button', { name: /Benutzermenü/ })
        .isVisible(),
    ).toBe(false);

    await page.getByRole('button', { name: 'Navigation ein- oder ausblenden' }).click();
    const drawer = page.locator('#main-navigation');
    await drawer.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.getByRole('dialog', { name: 'Passwort ändern' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await drawer.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await b.screenshot(page, 'mobile-drawer-en');

    await drawer.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto('/personen');
    await page.waitForURL(/\/login/);
  });

  it('returns focus to the opener after a dialog, also one opened from a menu', async () => {
    const page = await b.signedIn({ viewport: { width: 1440, height: 900 } });
    await page.goto('/verwaltung/benutzer');
    const create = page.getByRole('button', { name: 'Benutzer anlegen' });
    await create.click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => create.evaluate((el) => el === document.activeElement)).toBe(true);

    const userMenu = page.locator('header').getByRole('button', { name: /Benutzermenü/ });
    await userMenu.click();
    await page.getByRole('menuitem', { name: 'Passwort ändern' }).click();
    await page.getByRole('dialog', { name: 'Passwort ändern' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => userMenu.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('sorts with column headers that say their order, and shows a clear focus ring on fields', async () => {
    const page = await b.signedIn({ viewport: { width: 1440, height: 900 } });
    await page.goto('/personen');
    const name = page.getByRole('columnheader', { name: 'Name' });
    await name.waitFor();
    expect(await name.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.getByRole('columnheader', { name: 'Organisation' }).getAttribute('aria-sort')).toBeNull();
    await name.getByRole('button', { name: 'Name' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=-lastName/);
    await expect.poll(() => name.getAttribute('aria-sort')).toBe('descending');
    // No English from the table library in the German UI.
    const html = await page.content();
    for (const english of ['Sorted ascending', 'Sorted descending', 'Not sorted', 'No records']) {
      expect(html).not.toContain(english);
    }

    const search = page.getByLabel('Personen durchsuchen');
    await search.focus();
    const ring = await search.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });

  it('offers the network graph as a table', async () => {
    const page = await b.signedIn({ viewport: { width: 1440, height: 900 } });
    await page.goto('/netzwerk/graph');
    const canvas = page.locator('[data-testid="graph-canvas"]');
    // The graph's code and layout take long on a busy machine.
    await canvas.waitFor({ timeout: 30_000 });
    expect(await canvas.getAttribute('aria-label')).toMatch(/Netzwerkgraph mit \d+ Punkten und \d+ Verbindungen/);
    await page.locator('label', { hasText: 'Als Tabelle' }).click();
    await page.waitForURL(/view=table/);
    const table = page.getByRole('table', { name: 'Punkte des Graphen mit ihren Verbindungen' });
    await table.waitFor();
    const row = table.getByRole('row', { name: /^Landesentwicklungsgesellschaft Thüringen/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Konsortialpartner/);
    await row.getByRole('button', { name: /Beziehungen zeigen/ }).click();
    await page.waitForURL(/type=organization&id=\d+/);
    await page.getByRole('heading', { name: /^Beziehungen von / }).waitFor();
    await table.waitFor();
  });
});
