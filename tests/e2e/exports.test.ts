import { readFileSync } from 'node:fs';
import { sortKey } from '@anett/shared/normalize';
// @ts-expect-error -- @types/papaparse is installed for the server package only; the parse call is typed below.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';

describe('segments and mailing-list export in a real browser', () => {
  const b = useBrowser();

  it('saves a filtered list as a segment, exports it from /exporte and downloads the CSV', async () => {
    const name = `E2E Jena ${Date.now()}`;
    const page = await b.newPage();
    await b.login(page);

    await page.goto('/personen?district=16053');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /Person/ })
      .waitFor();
    await page.getByRole('button', { name: 'Als Segment speichern' }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Filter als Segment speichern' });
    await saveDialog.getByLabel('Name').fill(name);
    await saveDialog.getByLabel('Mit allen teilen').check();
    await saveDialog.getByLabel('Name').press('Enter');
    await page.getByText(`Segment „${name}“ gespeichert.`).waitFor();
    await saveDialog.waitFor({ state: 'hidden' });

    await page.goto('/exporte');
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    await row.getByText('Geteilt').waitFor();

    await row.getByRole('button', { name: 'Exportieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verteiler exportieren' });
    const preview = dialog.getByTestId('export-preview');
    await preview.waitFor();
    const summary = (await preview.textContent()) ?? '';
    expect(summary).toMatch(/^\d[\d.]* Personen? werden? exportiert · (ausgeschlossen: .*\d|niemand ausgeschlossen)/);
    const included = Number(/^([\d.]+)/.exec(summary)?.[1]?.replace(/\./g, ''));
    expect(included).toBeGreaterThan(0);

    const downloadEvent = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Herunterladen' }).click();
    const download = await downloadEvent;
    // Named with the day of the export.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${name}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^"?Anrede"?;"?Titel"?;"?Vorname"?;"?Nachname"?;"?Briefanrede"?/);
    expect(lines).toHaveLength(included + 1);
    // Rows in name order (Nachname, Vorname; ä as a, case ignored), as the person list shows them.
    const rows = (Papa.parse(lines.join('\n'), { delimiter: ';' }) as { data: string[][] }).data.slice(1);
    const keys = rows.map((r) => sortKey(`${r[3]} ${r[2]}`));
    expect(keys).toEqual([...keys].sort());
    await page.getByText(new RegExp(`^${included} Personen? exportiert\\.$`)).waitFor();
  });

  it('opens a segment back into the filtered person list', async () => {
    const name = `E2E Öffnen ${Date.now()}`;
    const page = await b.newPage();
    await b.login(page);
    await page.goto('/personen?district=16053');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /Person/ })
      .waitFor();
    await page.getByRole('button', { name: 'Als Segment speichern' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`Segment „${name}“ gespeichert.`).waitFor();

    await page.goto('/exporte');
    await page.getByRole('button', { name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/personen' && decodeURIComponent(url.search).includes('16053'));
    await page.getByText('Aktive Filter:').waitFor();
    // The opened segment says its name; a changed filter can be saved back into it.
    await page.getByTestId('open-segment-name').filter({ hasText: name }).waitFor();
    const save = page.getByRole('button', { name: 'Filter im Segment speichern' });
    expect(await save.isDisabled()).toBe(true);
    await page.goto(`${page.url()}&hasEmail=true`);
    await page.getByText('Filter geändert').waitFor();
    await save.click();
    await page.getByText(`Der Filter von „${name}“ wurde gespeichert.`).waitFor();
    await expect.poll(() => save.isDisabled()).toBe(true);

    await page.goto('/exporte');
    await page.getByRole('button', { name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/personen' && url.search.includes('hasEmail=true'));
    expect(decodeURIComponent(page.url())).toContain('16053');
  });
});
