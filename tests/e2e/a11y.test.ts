import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { type AxeViolation, runAxe } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';

type Items<T> = { items: T[] };

/**
 * Goes to a page inside the running app (as a click on a link would: no reload, so axe stays injected) and waits
 * until it shows its content: a new heading, no spinner or skeleton, no request in flight.
 */
async function visit(page: Page, path: string) {
  // A new page brings a new heading; the same page with other search parameters keeps its own.
  const moved = await page.evaluate((to) => {
    const url = new URL(to, location.href);
    if (location.pathname + location.search === to) return false;
    const other = url.pathname !== location.pathname;
    if (other) for (const h of document.querySelectorAll('h1')) h.setAttribute('data-left', '');
    history.pushState(history.state, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    return other;
  }, path);
  // Pages with heavy code (the graph lays out its drawing) take long on a busy machine: the same check, more time.
  const timeout = 30_000;
  await page
    .locator(moved ? 'h1:not([data-left])' : 'h1')
    .first()
    .waitFor({ timeout });
  await page.waitForFunction(
    () => !document.querySelector('[role="status"] .mantine-Loader, .mantine-Skeleton, [aria-busy="true"]'),
    undefined,
    { timeout },
  );
  await page.waitForLoadState('networkidle', { timeout });
}

/** Opens something on the page (a dialog, a menu) before the check. */
type Screen = { name: string; path: string; open?: (page: Page) => Promise<void> };

const clickButton = (name: RegExp) => async (page: Page) => {
  await page.getByRole('button', { name }).first().click();
  await page.getByRole('dialog').waitFor();
};

/** A dialog opened from the page's "more actions" menu, checked once what it loads has arrived. */
const fromActionsMenu = (item: RegExp) => async (page: Page) => {
  await page.getByRole('button', { name: /^(Weitere Aktionen|More actions)$/ }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await page.getByRole('dialog').waitFor();
  await page.waitForLoadState('networkidle');
};

/** Component-library texts that must not show in the other language (visible text or accessible names). */
const FOREIGN = {
  de: [
    'Toggle password visibility',
    'Sorted ascending',
    'Sorted descending',
    'Not sorted',
    'No records',
    'Records per page',
    'Previous page',
    'Next page',
    'Previous month',
    'Next month',
    'Select all records',
  ],
  en: [
    'Zeichen anzeigen oder verbergen',
    'Eingabe leeren',
    'Keine Einträge',
    'Vorheriger Monat',
    'Nächster Monat',
    'Vorherige Seite',
    'Nächste Seite',
    'Schließen',
    'Benachrichtigungen',
  ],
};

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

describe('accessibility (BITV 2.0 / WCAG 2.1 AA) with axe-core', () => {
  const b = useBrowser();

  it('has no critical or serious violation on any page, in German and English, at 1440 and 390 px', async () => {
    const get = (await adminApi()).get;
    const [org] = (await get<Items<{ id: number }>>('/api/organizations?q=LEG%20Th%C3%BCringen&pageSize=1')).items;
    const events = (await get<Items<{ id: number; counts: { attended: number } }>>('/api/events?pageSize=100')).items;
    const past = events.find((e) => e.counts.attended > 5);
    const [attendee] = (await get<Items<{ id: number }>>(`/api/persons?eventId=${past?.id}&pageSize=1`)).items;
    expect(org && past && attendee).toBeTruthy();

    // The last one leaves the mobile drawer open.
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
      { name: 'graph as table', path: '/netzwerk/graph?view=table' },
      { name: 'reach report', path: '/berichte/reichweite' },
      { name: 'exports and segments', path: '/exporte' },
      { name: 'users', path: '/verwaltung/benutzer' },
      { name: 'duplicates', path: '/verwaltung/dubletten' },
      { name: 'topics', path: '/verwaltung/themen' },
      { name: 'import', path: '/import' },
      { name: 'suppression list', path: '/verwaltung/sperrliste' },
      { name: 'inactive persons', path: '/verwaltung/inaktive-personen' },
      { name: 'security', path: '/konto/sicherheit' },
      {
        name: 'consent dialog',
        path: `/personen/${attendee?.id}`,
        open: clickButton(/^(Einwilligung erfassen|Record consent)$/),
      },
      { name: 'merge dialog', path: `/personen/${attendee?.id}`, open: fromActionsMenu(/^(Zusammenführen|Merge)$/) },
      {
        name: 'erasure dialog',
        path: `/personen/${attendee?.id}`,
        open: fromActionsMenu(/^(Art\. 17 löschen|Erase \(Art\. 17\))$/),
      },
      {
        name: 'quick log dialog',
        path: '/kontakte',
        open: async (page) => {
          await page.keyboard.press('n');
          await page.locator('[role="dialog"] form').waitFor();
        },
      },
      { name: 'person form', path: '/personen', open: clickButton(/^(Person anlegen|Add person)$/) },
      { name: 'export dialog', path: '/personen', open: clickButton(/^(Exportieren|Export)$/) },
      { name: 'event form', path: '/veranstaltungen', open: clickButton(/^(Veranstaltung anlegen|New event)$/) },
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
        name: 'user menu or drawer',
        path: '/',
        open: async (page) => {
          const burger = page.getByRole('button', {
            name: /^(Navigation ein- oder ausblenden|Show or hide navigation)$/,
          });
          if (await burger.isVisible()) {
            await burger.click();
            await page
              .locator('#main-navigation')
              .getByRole('button', { name: /^(Abmelden|Log out)$/ })
              .waitFor();
          } else {
            await page
              .locator('header')
              .getByRole('button', { name: /Benutzermenü|User menu/ })
              .click();
            await page.getByRole('menu').waitFor();
          }
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
    const foreignWords = async (where: string, lang: 'de' | 'en', page: Page) => {
      const texts = await page.evaluate(() => {
        const names = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
          ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
        );
        return `${document.body.textContent}\n${names.join('\n')}`;
      });
      for (const word of FOREIGN[lang]) if (texts.includes(word)) found.push(`${where}: "${word}" in the ${lang} UI`);
    };

    for (const lang of ['de', 'en'] as const) {
      for (const viewport of VIEWPORTS) {
        const page = await b.newPage({ viewport });
        await page.addInitScript((l) => localStorage.setItem('anett.lang', l), lang);
        const at = `[${lang} ${viewport.width}]`;
        await page.goto('/login');
        await page.locator('h1').first().waitFor();
        note(`login ${at}`, await runAxe(page));
        // The login form in either language: found by its field types.
        await page.locator('input[type="email"]').fill(inject('admin').email);
        await page.locator('input[type="password"]').fill(inject('admin').password);
        await page.locator('button[type="submit"]').click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        for (const screen of screens) {
          await visit(page, screen.path).catch((err: Error) => {
            throw new Error(`${screen.name} ${at}: ${err.message}`);
          });
          if (screen.open) {
            try {
              await screen.open(page);
            } catch (err) {
              found.push(`${screen.name} ${at}: cannot be opened: ${(err as Error).message.split('\n')[0]}`);
              continue;
            }
            // Menus and dialogs fade in (Mantine transitions, up to 200 ms).
            await page.waitForTimeout(300);
          }
          note(`${screen.name} ${at}`, await runAxe(page));
          await foreignWords(`${screen.name} ${at}`, lang, page);
          // Dialogs and menus stay open across a navigation inside the app: close them.
          // A field with an open list (an autofocused select) takes the first Escape, as for a keyboard user.
          if (screen.open) {
            for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
              await page.keyboard.press('Escape');
              await page
                .getByRole('dialog')
                .waitFor({ state: 'detached', timeout: 1_000 })
                .catch(() => {});
            }
            await page.getByRole('dialog').waitFor({ state: 'detached' });
          }
        }
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
  }, 900_000);
});
