import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { runAxe } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';

type Person = { id: number; firstName: string; lastName: string; email: string | null; version: number };

/** No axe violation on the page as it is now (the step named for the message). */
async function expectAxeClean(page: Page, step: string) {
  const violations = await runAxe(page);
  expect(violations, `${step}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** A phone's width; waits until the layout has settled with nothing wider than the screen. */
async function narrow(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForFunction(() => document.documentElement.scrollWidth <= 390);
}

describe('person import in a real browser', () => {
  const b = useBrowser();

  it('a manager imports a German Excel CSV: maps a column, skips the broken row, updates the duplicate, finds the new person', async () => {
    const call = await adminApi();
    const manager = { email: `import-e2e-${Date.now()}@anett.local`, password: 'Listen aus Ilmenau 2024' };
    await call('POST', '/api/users', { name: 'Import Managerin', role: 'manager', ...manager });
    // A demo person with an e-mail address: the file lists them again (same address) as a possible duplicate.
    const {
      items: [demo],
    } = await call<{ items: Person[] }>('GET', '/api/persons?hasEmail=true&sort=-lastName&pageSize=1');
    if (!demo?.email) throw new Error('no demo person with an e-mail address');

    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page, manager);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await expectAxeClean(page, 'file step');
    await b.screenshot(page, 'import-file-1440');

    // A wrong file is refused in the page, saying what to do.
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: 'liste.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
    await page
      .getByRole('alert')
      .getByText(/„liste\.xls“ ist keine CSV- oder Excel-Datei/)
      .waitFor();

    // German Excel: BOM, `;`, CRLF; "Durchwahl" is a header the app does not know.
    const lines = [
      ['Anrede', 'Vorname', 'Nachname', 'E-Mail', 'Firma', 'Funktion', 'Durchwahl'],
      [
        'Frau',
        'Jördis',
        'Importtest',
        'joerdis.importtest@example.org',
        'Importtest Präzision GmbH',
        'Einkauf',
        '03677 123',
      ],
      ['Herr', 'Bert', 'Fehlerhaft', 'keine-mail-adresse', '', '', ''],
      ['', demo.firstName, demo.lastName, demo.email.toUpperCase(), '', '', ''],
    ];
    const csv = `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
    // Picked with the keyboard: Enter on the button opens the file chooser.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Datei auswählen' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'teilnehmer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    // Mapping: prefilled from the headers; the unknown column is mapped by hand, a field twice is refused beside it.
    await page.getByRole('heading', { name: 'Spalten zuordnen' }).waitFor();
    // The new step's heading has the focus: keyboard users go on from the top of the step.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Spalten zuordnen');
    const select = (column: string) => page.getByLabel(`Übernehmen als – Spalte „${column}“`);
    expect(await select('Vorname').inputValue()).toBe('firstName');
    expect(await select('Firma').inputValue()).toBe('organization');
    expect(await select('Durchwahl').inputValue()).toBe('');
    // Each column shows its first value, so an unknown header can be recognised by its content.
    await page
      .getByRole('row', { name: /^Durchwahl/ })
      .getByText('03677 123')
      .waitFor();
    await select('Durchwahl').selectOption('firstName');
    await page.getByText('„Vorname“ ist schon der Spalte „Vorname“ zugeordnet.').waitFor();
    expect(await page.getByRole('button', { name: 'Weiter: Zeilen prüfen' }).isDisabled()).toBe(true);
    await select('Durchwahl').selectOption('phone');
    await expectAxeClean(page, 'mapping step');
    await b.screenshot(page, 'import-mapping-1440');
    await narrow(page);
    await b.screenshot(page, 'import-mapping-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Weiter: Zeilen prüfen' }).click();

    // Preview: one ready, one with an error naming the field, one possible duplicate linked to the demo person.
    await page.getByRole('heading', { name: 'Zeilen prüfen' }).waitFor();
    const summary = page.getByTestId('import-summary');
    await summary.getByText('1 bereit').waitFor();
    await summary.getByText('1 fehlerhaft').waitFor();
    await summary.getByText('1 ohne Entscheidung').waitFor();
    const broken = page.getByTestId('import-row-3');
    await broken.getByText('Fehler', { exact: true }).waitFor();
    await broken.getByText(/^E-Mail: /).waitFor();
    const duplicate = page.getByTestId('import-row-4');
    await duplicate.getByText('mögliches Duplikat').waitFor();
    const existing = duplicate.getByRole('link', { name: new RegExp(`${demo.firstName} ${demo.lastName}`) });
    expect(await existing.getAttribute('href')).toBe(`/personen/${demo.id}`);
    const commit = page.getByRole('button', { name: /Zeilen? importieren$/ });
    expect(await commit.isDisabled()).toBe(true);
    await page.getByText('1 Zeile ist fehlerhaft').waitFor();
    await page.getByText('Für 1 mögliches Duplikat fehlt Ihre Entscheidung.').waitFor();
    await expectAxeClean(page, 'preview step');
    await b.screenshot(page, 'import-preview-1440');
    await narrow(page);
    await b.screenshot(page, 'import-preview-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByLabel('Entscheidung für Zeile 3 (Bert Fehlerhaft)').selectOption('skip');
    await page
      .getByLabel(`Entscheidung für Zeile 4 (${demo.firstName} ${demo.lastName})`)
      .selectOption({ label: 'vorhandenen aktualisieren' });
    await summary.getByText('2 bereit').waitFor();
    await summary.getByText('1 übersprungen').waitFor();
    await page.getByRole('button', { name: '2 Zeilen importieren' }).click();

    // Done: the figures, the new person by name, the way to the list.
    await page.getByRole('heading', { name: 'Import abgeschlossen' }).waitFor();
    const figure = async (key: string) => page.getByTestId(`import-result-${key}`).locator('p').allTextContents();
    expect(await figure('created')).toEqual(['1', 'angelegt']);
    expect(await figure('updated')).toEqual(['1', 'aktualisiert']);
    expect(await figure('skipped')).toEqual(['1', 'übersprungen']);
    expect(await figure('organizationsCreated')).toEqual(['1', 'Organisationen angelegt']);
    await page.getByRole('link', { name: 'Jördis Importtest' }).waitFor();
    await expectAxeClean(page, 'done step');
    await b.screenshot(page, 'import-done-1440');
    await page.getByRole('link', { name: 'Personenliste öffnen (zuletzt geändert zuerst)' }).click();
    await page.waitForURL(/\/personen\?sort=-updatedAt/);
    await page.getByRole('row').filter({ hasText: 'Jördis Importtest' }).first().waitFor();

    // What the server holds: the person with phone and organisation; the demo person kept their address.
    const found = await call<{ items: (Person & { organization: { name: string } | null; phone: string | null })[] }>(
      'GET',
      '/api/persons?q=Importtest',
    );
    expect(found.items.map((p) => [p.firstName, p.lastName, p.email, p.organization?.name])).toEqual([
      ['Jördis', 'Importtest', 'joerdis.importtest@example.org', 'Importtest Präzision GmbH'],
    ]);
    const after = await call<Person>('GET', `/api/persons/${demo.id}`);
    expect(after).toMatchObject({ email: demo.email, version: demo.version + 1 });
  });

  it('is not offered to viewers', async () => {
    const call = await adminApi();
    const viewer = { email: `import-viewer-${Date.now()}@anett.local`, password: 'Nur lesen in Gotha 2024' };
    await call('POST', '/api/users', { name: 'Vera Betrachterin', role: 'viewer', ...viewer });
    const page = await b.newPage();
    await b.login(page, viewer);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Personen' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Import' }).count()).toBe(0);
    await page.goto('/import');
    await page.getByText('Kein Zugriff').waitFor();
  });
});
