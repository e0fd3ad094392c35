import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shotsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-results/screenshots');

type PageOptions = { viewport?: { width: number; height: number } };
type User = { email: string; password: string };

/** A token that makes names of this run unique (letters only: it stays one word for the search). */
export const unique = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** A text input by its accessible name (labels of required fields carry a hidden asterisk). */
export const field = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** A real headless Chromium for one test file; each test opens its own context (cookies, storage). */
export function useBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[] = [];
  // An uncaught error in the page is a failure of the test that caused it.
  afterEach(() => {
    const errors = pageErrors.splice(0);
    if (errors.length) throw new Error(`uncaught error in the page: ${errors.map((e) => e.message).join('\n')}`);
  });
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-sync',
        '--disable-component-update',
      ],
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  async function newPage(opts: PageOptions = {}): Promise<Page> {
    const context = await browser.newContext({
      baseURL: inject('baseUrl'),
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: opts.viewport ?? { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => pageErrors.push(err));
    return page;
  }

  /** Logs in through the login form as the demo admin (or the given user). */
  async function login(page: Page, user: User = inject('admin')) {
    if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
    await page.getByLabel('E-Mail').fill(user.email);
    await page.getByLabel('Passwort').fill(user.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  return {
    baseUrl: () => inject('baseUrl'),
    newPage,
    login,
    /** A new page, logged in as the demo admin (or the given user): how most tests begin. */
    async signedIn(opts: PageOptions = {}, user?: User) {
      const page = await newPage(opts);
      await login(page, user);
      return page;
    },
    async screenshot(page: Page, name: string) {
      mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
    },
  };
}

/** Opens the person list with `query` (a URL query string) and waits until it has counted the persons. */
export async function openPersonList(page: Page, query: string) {
  await page.goto(`/personen?${query}`);
  await page
    .getByTestId('result-count')
    .filter({ hasText: /Person/ })
    .waitFor();
}

/** Clicks "Exportieren" in `scope` (the person list, a segment's row) and waits for the export dialog's preview. */
export async function openExportDialog(page: Page, scope: Page | Locator = page) {
  await scope.getByRole('button', { name: 'Exportieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verteiler exportieren' });
  const preview = dialog.getByTestId('export-preview');
  await preview.waitFor();
  return { dialog, preview };
}
