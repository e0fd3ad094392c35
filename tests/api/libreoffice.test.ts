import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import {
  createAffiliation,
  createAttendance,
  createConsent,
  createEvent,
  createNode,
  createOrganization,
  createPerson,
} from '../support/factories.ts';
import { convertWithLibreOffice, germanCsvImport, libreOfficeMissing } from '../support/libreoffice.ts';
import { zipEntry } from '../support/zip.ts';

/**
 * The files as their users open them: LibreOffice Calc (Debian's libreoffice-calc-nogui, headless, German locale)
 * opens the downloaded workbook or CSV and saves it; the cells are read back from what Calc saved.
 */
const missing = libreOfficeMissing();
if (missing) process.stdout.write(`\nSkipping the LibreOffice tests: ${missing}\n`);

/** One person in Jena with everything a spreadsheet likes to change. */
async function mailingList() {
  const t = await createTestApp();
  const { token } = await t.login('manager');
  const org = createOrganization(t.db, {
    name: '=Formteile Jena GmbH',
    street: 'Carl-Zeiss-Straße 1',
    postalCode: '07745',
    city: 'Jena',
  });
  const anna = createPerson(t.db, {
    salutation: 'frau',
    title: 'Dr.',
    firstName: 'Jördis',
    lastName: '+Größer',
    email: 'joerdis@example.org',
    phone: '+49 3641 681-123',
    mobile: '0170 1234567',
  });
  createAffiliation(t.db, { personId: anna.id, organizationId: org.id, function: '-Einkauf-', isPrimary: true });
  createConsent(t.db, { personId: anna.id });
  const get = async (format: 'csv' | 'xlsx') => {
    const res = await t.as(token, { method: 'GET', url: `/api/exports/persons.${format}` });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };
  return { t, token, get };
}

/** The first sheet's rows of a workbook as Calc saved it: each cell's value and whether it is a formula. */
async function sheetOf(xlsx: Buffer, name?: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = (name ? workbook.getWorksheet(name) : workbook.worksheets[0]) as ExcelJS.Worksheet;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const row = (n: number) => {
    const cells = sheet.getRow(n);
    return Object.fromEntries(header.map((h, i) => [h, cells.getCell(i + 1)]));
  };
  return { workbook, sheet, header, row };
}

describe.skipIf(missing !== null)('files opened in LibreOffice Calc', { timeout: 180_000 }, () => {
  it('the workbook ("for Excel") keeps postcode, phone numbers, text that looks like a formula, and the autofilter', async () => {
    const { get } = await mailingList();
    const saved = await convertWithLibreOffice(await get('xlsx'), 'verteiler.xlsx', 'xlsx');
    const { row } = await sheetOf(saved);
    const r = row(2);
    expect(r.PLZ?.value).toBe('07745');
    expect(r.Telefon?.value).toBe('+49 3641 681-123');
    expect(r.Mobil?.value).toBe('0170 1234567');
    // Text cells are never evaluated, and no apostrophe shows.
    expect(r.Nachname?.value).toBe('+Größer');
    expect(r.Organisation?.value).toBe('=Formteile Jena GmbH');
    expect(r.Funktion?.value).toBe('-Einkauf-');
    for (const cell of Object.values(r)) expect(cell?.formula, cell?.address).toBeUndefined();
    // Calc kept the filter: it wrote it back with its defined name.
    const sheetXml = zipEntry(saved, 'xl/worksheets/sheet1.xml') ?? '';
    expect(sheetXml).toMatch(/<autoFilter ref="A1:M2"/);
    expect(zipEntry(saved, 'xl/workbook.xml')).toMatch(
      /<definedName[^>]*name="_xlnm\._FilterDatabase"[^>]*>Verteiler!\$A\$1:\$M\$2</,
    );

    // As Calc shows the cells (saved as text with German settings): the same.
    const shown = (await convertWithLibreOffice(saved, 'gespeichert.xlsx', 'csv')).toString('utf8');
    expect(shown.split(/\r?\n/)[1]).toBe(
      'Frau;Dr.;Jördis;+Größer;Sehr geehrte Frau Dr. +Größer,;-Einkauf-;=Formteile Jena GmbH;Carl-Zeiss-Straße 1;07745;Jena;joerdis@example.org;+49 3641 681-123;0170 1234567',
    );
  });

  it('the CSV (for mail merge) keeps phone numbers without an apostrophe and evaluates no formula; its postcodes need the text option', async () => {
    const { get } = await mailingList();
    const csv = await get('csv');
    const opened = await sheetOf(
      await convertWithLibreOffice(csv, 'verteiler.csv', 'xlsx', { infilter: germanCsvImport() }),
    );
    const r = opened.row(2);
    expect(r.Telefon?.value).toBe('+49 3641 681-123');
    expect(r.Mobil?.value).toBe('0170 1234567');
    // What Excel or Calc would evaluate carries the apostrophe, so it stays text.
    expect(r.Organisation?.value).toBe("'=Formteile Jena GmbH");
    expect(r.Funktion?.value).toBe("'-Einkauf-");
    for (const cell of Object.values(r)) expect(cell?.formula, cell?.address).toBeUndefined();
    // With the dialog's defaults Calc reads 07745 as the number 7745: why the export dialog offers the workbook for
    // spreadsheets and labels the CSV for mail-merge and newsletter programs.
    expect(r.PLZ?.value).toBe(7745);
    const asText = await sheetOf(
      await convertWithLibreOffice(csv, 'verteiler.csv', 'xlsx', { infilter: germanCsvImport({ quotedAsText: true }) }),
    );
    expect(asText.row(2).PLZ?.value).toBe('07745');
  });

  it('the reach workbook keeps its dates, numbers and autofilter', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer');
    const node = createNode(t.db, { name: 'QTI-Knoten Rohr' });
    const event = createEvent(t.db, { nodeId: node.id, startsAt: '2024-11-15T09:00:00.000Z' });
    const org = createOrganization(t.db, { name: 'Zulieferer GmbH', sizeClass: 'small', postalCode: '07745' });
    for (let i = 0; i < 3; i++) {
      createAttendance(t.db, { eventId: event.id, personId: createPerson(t.db).id, organizationId: org.id });
    }
    const res = await t.as(token, { method: 'GET', url: '/api/reports/reach.xlsx?from=2024-10-01&to=2024-12-31' });
    expect(res.statusCode).toBe(200);
    const saved = await convertWithLibreOffice(res.rawPayload, 'reichweite.xlsx', 'xlsx');
    const { sheet, row, workbook } = await sheetOf(saved, 'Reichweite');
    expect(row(2).Knoten?.value).toBe('QTI-Knoten Rohr');
    expect(row(2).Quartal?.value).toBe('Q4 2024');
    expect(row(2).Personen?.value).toBe(3);
    expect(zipEntry(saved, 'xl/worksheets/sheet1.xml')).toMatch(
      new RegExp(`<autoFilter ref="A1:[A-Z]+${sheet.rowCount}"`),
    );
    const info = ((workbook.getWorksheet('Info') as ExcelJS.Worksheet).getSheetValues().slice(1) as unknown[][]).map(
      (r) => r.slice(1),
    );
    expect(info).toContainEqual(['Zeitraum', '01.10.2024 – 31.12.2024']);
    expect(info.find((r) => r[0] === 'Berechnet am')?.[1]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  });
});
