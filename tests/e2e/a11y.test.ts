import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type AxeViolation, runAxe } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';

/** A logged-in API client for looking up demo data (the browser's token lives only in its memory). */
async function demoApi(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inject('admin')),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  return async <T>(path: string): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return (await r.json()) as T;
  };
}

type Items<T> = { items: T[] };

/** Waits until the page shows its content: a heading, no spinner, no pending request. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"] .mantine-Loader, .mantine-Skeleton'));
  // Mantine's transitions (menus, modals, notifications) take up to 300 ms.
  await page.waitForTimeout(350);
}

type Screen = { name: string; path: string; open?: (page: Page) => Promise<void> };

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

describe('accessibility (BITV 2.0 / WCAG 2.1 AA) with axe-core', () => {
  const b = useBrowser();

  it('has no critical or serious violation on any page, in German and English, at 1440 and 390 px', async () => {
    const get = await demoApi(b.baseUrl());
    const [org] = (await get<Items<{ id: number }>>('/api/organizations?q=LEG%20Th%C3%BCringen&pageSize=1')).items;
    const events = (await get<Items<{ id: number; counts: { attended: number } }>>('/api/events?pageSize=100')).items;
    const past = events.find((e) => e.counts.attended > 5);
    const [attendee] = (await get<Items<{ id: number }>>(`/api/persons?eventId=${past?.id}&pageSize=1`)).items;
    expect(org && past && attendee).toBeTruthy();

    const screens: Screen[] = [
      { name: 'dashboard', path: '/' },
      { name: 'organisations', path: '/organisationen' },
      { name: 'organisation', path: `/organisationen/${org?.id}` },
      { name: 'persons', path: '/personen' },
      { name: 'person', path: `/personen/${attendee?.id}` },
      { name: 'events', path: '/veranstaltungen' },
      { name: 'event', path: `/veranstaltungen/${past?.id}` },
      { name: 'check-in', path: `/veranstaltungen/${past?.id}/checkin` },
      { name: 'contact log', path: '/kontakte' },
      { name: 'follow-ups', path: '/kontakte/wiedervorlagen' },
      { name: 'network', path: '/netzwerk' },
      { name: 'graph', path: '/netzwerk/graph' },
      { name: 'reach report', path: '/berichte/reichweite' },
      { name: 'exports', path: '/exporte' },
      { name: 'users', path: '/verwaltung/benutzer' },
      { name: 'duplicates', path: '/verwaltung/dubletten' },
      { name: 'topics', path: '/verwaltung/themen' },
      {
        name: 'quick log dialog',
        path: '/kontakte',
        open: async (page) => {
          await page.keyboard.press('n');
          await page.getByRole('dialog').waitFor();
        },
      },
      {
        name: 'global search',
        path: '/',
        open: async (page) => {
          await page.keyboard.press('/');
          await page.getByRole('dialog').waitFor();
          await page.keyboard.type('Gotha');
          await page.locator('#global-search-results [data-action]').first().waitFor();
        },
      },
      {
        name: 'user menu',
        path: '/',
        open: async (page) => {
          await page
            .locator('header')
            .getByRole('button', { name: /Benutzermenü|User menu/ })
            .click();
          await page.getByRole('menu').waitFor();
        },
      },
    ];

    const found: string[] = [];
    const note = (where: string, violations: AxeViolation[]) => {
      for (const v of violations) {
        if (v.impact !== 'critical' && v.impact !== 'serious') continue;
        found.push(
          `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.length}× ${v.targets.slice(0, 3).join(' | ')}`,
        );
      }
    };

    for (const lang of ['de', 'en'] as const) {
      for (const viewport of VIEWPORTS) {
        const page = await b.newPage({ viewport });
        await page.addInitScript((l) => localStorage.setItem('anett.lang', l), lang);
        await page.goto('/login');
        await page.locator('h1').first().waitFor();
        note(`login [${lang} ${viewport.width}]`, await runAxe(page));
        // The login form in either language: found by its field types.
        await page.locator('input[type="email"]').fill(inject('admin').email);
        await page.locator('input[type="password"]').fill(inject('admin').password);
        await page.locator('button[type="submit"]').click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        for (const screen of screens) {
          await page.goto(screen.path);
          await settle(page);
          if (screen.open) {
            try {
              await screen.open(page);
            } catch (err) {
              found.push(
                `${screen.name} [${lang} ${viewport.width}]: cannot be opened: ${(err as Error).message.split('\n')[0]}`,
              );
              continue;
            }
            await page.waitForTimeout(350);
          }
          note(`${screen.name} [${lang} ${viewport.width}]`, await runAxe(page));
        }
        await page.context().close();
      }
    }
    console.log(found.join('\n'));
    expect(found).toEqual([]);
  }, 600_000);
});
