import { readFileSync } from 'node:fs';
import { sortKey } from '@anett/shared/normalize';
import ExcelJS from 'exceljs';
// @ts-expect-error -- @types/papaparse is installed for the server package only; the parse call is typed below.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openExportDialog, openPersonList, useBrowser } from '../support/browser.ts';
import { convertWithLibreOffice, libreOfficeMissing } from '../support/libreoffice.ts';

const loMissing = libreOfficeMissing();
if (loMissing) process.stdout.write(`\nSkipping the LibreOffice part of the export browser test: ${loMissing}\n`);

describe('segments and mailing-list export in a real browser', () => {
  const b = useBrowser();

  it('saves a filtered list as a segment, exports it from /exporte and downloads the CSV', async () => {
    const name = `E2E Jena ${Date.now()}`;
    const page = await b.newPage();
    await b.login(page);

    await openPersonList(page, 'district=16053');
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

    const { dialog, preview } = await openExportDialog(page, row);
    const summary = (await preview.textContent()) ?? '';
    expect(summary).toMatch(/^\d[\d.]* Personen? werden? exportiert · (ausgeschlossen: .*\d|niemand ausgeschlossen)/);
    const included = Number(/^([\d.]+)/.exec(summary)?.[1]?.replace(/\./g, ''));
    expect(included).toBeGreaterThan(0);

    // The CSV is offered for mail merge and newsletter programs, and says why spreadsheets want the workbook.
    const csv = dialog.getByRole('radio', { name: 'CSV für Serienbrief & Newsletter' });
    await csv.check();
    await expect(
      csv.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).textContent()),
    ).resolves.toMatch(/XLSX-Datei wählen.*07745/);
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

  it('offers the workbook for Excel by default, and LibreOffice Calc opens it with postcodes and phone numbers intact', async () => {
    const page = await b.newPage();
    await b.login(page);
    // Jena: every postcode starts with 07.
    await openPersonList(page, 'district=16053');
    const { dialog } = await openExportDialog(page);
    const xlsx = dialog.getByRole('radio', { name: 'Excel / LibreOffice (XLSX)' });
    await expect(xlsx.isChecked()).resolves.toBe(true);
    await expect(
      xlsx.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).textContent()),
    ).resolves.toMatch(/Für Excel und LibreOffice Calc: Postleitzahlen mit führender Null/);
    await b.screenshot(page, 'export-dialog-xlsx');
    await page.setViewportSize({ width: 390, height: 844 });
    await b.screenshot(page, 'export-dialog-xlsx-390');
    await page.setViewportSize({ width: 1366, height: 768 });

    const downloadEvent = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Herunterladen' }).click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = readFileSync(await download.path());
    if (loMissing) return;

    // Opened and saved by Calc with German settings, then read back.
    const saved = await convertWithLibreOffice(file, 'verteiler.xlsx', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => {
      const values: unknown[] = [];
      sheet.getColumn(header.indexOf(name) + 1).eachCell((cell, row) => {
        if (row > 1) values.push(cell.value);
      });
      return values;
    };
    const postcodes = column('PLZ').filter((v) => v !== null && v !== '');
    expect(postcodes.length).toBeGreaterThan(0);
    for (const plz of postcodes) expect(plz).toMatch(/^07\d{3}$/);
    const phones = [...column('Telefon'), ...column('Mobil')].filter((v) => v !== null && v !== '');
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(typeof phone === 'string' && !phone.startsWith("'"), String(phone)).toBe(true);
  }, 240_000);

  it('opens a segment back into the filtered person list', async () => {
    const name = `E2E Öffnen ${Date.now()}`;
    const page = await b.newPage();
    await b.login(page);
    await openPersonList(page, 'district=16053');
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
