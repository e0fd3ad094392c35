import { auditEntries, persons, suppressions } from '@anett/db/schema';
import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import { createExportsRepository } from '@anett/server/modules/exports/exports.repository';
import { createExportsService } from '@anett/server/modules/exports/exports.service';
import { escapeText, foldLine } from '@anett/server/modules/exports/vcard';
import { EXPORT_COLUMNS } from '@anett/shared/schemas/export';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import ICAL from 'ical.js';
// @ts-expect-error -- @types/papaparse is installed for the server package only; the parse call is typed below.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { appWithUsers, createTestApp, type Json, type TestApp } from '../support/app.ts';
import {
  createAffiliation,
  createConsent,
  createOffice,
  createOrganization,
  createPerson,
  createTag,
} from '../support/factories.ts';
import { zipEntry } from '../support/zip.ts';

const suppress = (t: TestApp, email: string) =>
  t.db
    .insert(suppressions)
    .values({ emailHash: emailHash(email), reason: 'objection', createdAt: new Date().toISOString() })
    .run();

/**
 * A mailing list with every case: salutations with titles and an office, a neutral one, a formula in a name, and
 * persons left out for each reason. All carry the tag, so the filter `tag` selects exactly them.
 */
async function world() {
  const { t, manager, viewer } = await appWithUsers({ manager: 'manager', viewer: 'viewer' });
  const db = t.db;
  const tag = createTag(db, { name: 'Verteiler Transformation' });
  const tagIds = [tag.id];
  const org = createOrganization(db, {
    name: 'Präzisionsteile Müller; Söhne, Jena GmbH',
    street: 'Carl-Zeiss-Straße 1',
    postalCode: '07743',
    city: 'Jena',
  });
  const noAddressOrg = createOrganization(db, { name: 'Ohne Adresse GmbH' });
  const granted = (personId: number, channel = 'email_newsletter') =>
    createConsent(db, { personId, channel, status: 'granted' });

  const mueller = createPerson(db, {
    salutation: 'frau',
    title: 'Dr.',
    firstName: 'Anna',
    lastName: 'Müller',
    email: 'anna.mueller@example.org',
    phone: '+49 3641 681-123',
    mobile: '0170 7654321',
    tagIds,
  });
  createAffiliation(db, {
    personId: mueller.id,
    organizationId: org.id,
    function: 'Geschäftsführerin',
    isPrimary: true,
  });
  granted(mueller.id);
  granted(mueller.id, 'post');
  const schmidt = createPerson(db, {
    salutation: 'herr',
    title: 'Prof. Dr.-Ing.',
    firstName: 'Bernd',
    lastName: 'Schmidt',
    email: 'b.schmidt@example.org',
    tagIds,
  });
  granted(schmidt.id);
  granted(schmidt.id, 'post');
  createAffiliation(db, { personId: schmidt.id, organizationId: noAddressOrg.id });
  const weber = createPerson(db, {
    firstName: 'Alex',
    lastName: 'Weber',
    email: 'alex.weber@example.org',
    mobile: '0170 1234567',
    tagIds,
  });
  granted(weber.id);
  const landraetin = createPerson(db, {
    salutation: 'frau',
    firstName: 'Petra',
    lastName: 'Kreisler',
    email: 'landraetin@example.org',
    tagIds,
  });
  createOffice(db, { personId: landraetin.id, title: 'Landrätin', jurisdiction: 'Landkreis Schmalkalden-Meiningen' });
  granted(landraetin.id);
  const formula = createPerson(db, {
    firstName: '=HYPERLINK("http://evil.example/x","Klick")',
    lastName: '+Plus',
    email: 'formula@example.org',
    tagIds,
  });
  granted(formula.id);

  const withdrawn = createPerson(db, { firstName: 'Wanda', lastName: 'Widerruf', email: 'wanda@example.org', tagIds });
  createConsent(db, { personId: withdrawn.id, status: 'granted', recordedAt: '2024-01-01T00:00:00.000Z' });
  createConsent(db, { personId: withdrawn.id, status: 'withdrawn', recordedAt: '2024-02-01T00:00:00.000Z' });
  const noConsent = createPerson(db, {
    firstName: 'Nora',
    lastName: 'Ohnezustimmung',
    email: 'nora@example.org',
    tagIds,
  });
  const noEmail = createPerson(db, { firstName: 'Emil', lastName: 'Ohnemail', tagIds });
  granted(noEmail.id);
  const suppressed = createPerson(db, {
    firstName: 'Sven',
    lastName: 'Gesperrt',
    email: 'Sven.Gesperrt@example.org',
    tagIds,
  });
  granted(suppressed.id);
  suppress(t, 'sven.gesperrt@example.org');
  const deleted = createPerson(db, {
    firstName: 'Doris',
    lastName: 'Geloescht',
    email: 'doris@example.org',
    deletedAt: '2024-01-01T00:00:00.000Z',
    tagIds,
  });
  granted(deleted.id);
  const erased = createPerson(db, {
    firstName: 'Gelöschte',
    lastName: 'Person',
    erasedAt: '2024-01-01T00:00:00.000Z',
    tagIds,
  });
  granted(erased.id);

  const excludedNames = ['Widerruf', 'Ohnezustimmung', 'Ohnemail', 'Gesperrt', 'Geloescht', 'Gelöschte'];
  return {
    t,
    manager: manager.token,
    viewer: viewer.token,
    managerId: manager.userId,
    tag,
    excludedNames,
    ids: { mueller, schmidt, weber, landraetin, formula, withdrawn, noConsent, noEmail, suppressed },
  };
}
type World = Awaited<ReturnType<typeof world>>;

const get = (w: World, url: string, token = w.manager) => w.t.as(token, { method: 'GET', url });
const exportAudits = (w: World) =>
  w.t.db
    .select()
    .from(auditEntries)
    .where(eq(auditEntries.entity, 'export'))
    .all() as (typeof auditEntries.$inferSelect & { diff: Json })[];

function parseCsv(body: string): string[][] {
  return (Papa as { parse: (text: string, options: object) => { data: string[][] } }).parse(
    body.replace(/^\uFEFF/, ''),
    {
      delimiter: ';',
      skipEmptyLines: true,
    },
  ).data;
}

describe('mailing-list exports', () => {
  it('previews included and excluded counts, and the CSV contains exactly the included persons', async () => {
    const w = await world();
    const query = `tag=${w.tag.id}&channel=email_newsletter`;
    const preview = await get(w, `/api/exports/preview?${query}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      included: 5,
      excluded: { suppressed: 1, withdrawn: 1, noEmail: 1, noAddress: 0, noPhone: 0, noConsent: 1 },
      total: 9,
    });

    const res = await get(w, `/api/exports/persons.csv?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="anett-verteiler-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''anett-verteiler-\d{4}-\d{2}-\d{2}\.csv$/,
    );

    // Byte-wise: BOM, separator, CRLF after every record, every field quoted.
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => `"${c}"`).join(';'));
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/^"(?:[^"]|"")*"(?:;"(?:[^"]|"")*")*$/);

    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    const data = rows.slice(1).map((r) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, r[i]])));
    expect(data).toHaveLength(preview.json().included);
    const byLast = (name: string) => data.find((r) => r.Nachname === name) as Record<string, string>;

    expect(byLast('Müller')).toEqual({
      Anrede: 'Frau',
      Titel: 'Dr.',
      Vorname: 'Anna',
      Nachname: 'Müller',
      Briefanrede: 'Sehr geehrte Frau Dr. Müller,',
      Funktion: 'Geschäftsführerin',
      Organisation: 'Präzisionsteile Müller; Söhne, Jena GmbH',
      Straße: 'Carl-Zeiss-Straße 1',
      PLZ: '07743',
      Ort: 'Jena',
      'E-Mail': 'anna.mueller@example.org',
      // A phone number is no formula: written as it is, no apostrophe; the mobile has its own column.
      Telefon: '+49 3641 681-123',
      Mobil: '0170 7654321',
    });
    expect(byLast('Schmidt').Briefanrede).toBe('Sehr geehrter Herr Prof. Dr. Schmidt,');
    expect(byLast('Schmidt').Titel).toBe('Prof. Dr.-Ing.');
    expect(byLast('Weber').Briefanrede).toBe('Guten Tag Alex Weber,');
    expect(byLast('Weber').Telefon).toBe('');
    expect(byLast('Weber').Mobil).toBe('0170 1234567');
    expect(byLast('Kreisler').Briefanrede).toBe('Sehr geehrte Frau Landrätin,');
    // Formula injection: what a spreadsheet would evaluate starts with a quote, so Excel and Calc show text.
    const formula = byLast("'+Plus");
    expect(formula.Vorname).toBe(`'=HYPERLINK("http://evil.example/x","Klick")`);
    expect(formula.Briefanrede).toBe(`Guten Tag =HYPERLINK("http://evil.example/x","Klick") +Plus,`);
    for (const r of data) {
      for (const cell of Object.values(r) as string[]) {
        expect(cell).not.toMatch(/^[=@\t\r]/);
        // '+' or '-' first only for numbers such as phone numbers: nothing a formula could call or refer to.
        if (/^[+-]/.test(cell)) expect(cell).toMatch(/^[+-][\d ()/.,+-]*$/);
      }
    }
    for (const name of w.excludedNames) expect(res.body).not.toContain(name);

    // In name order as the person list sorts (ü as u, case ignored), not in the order the persons were entered.
    expect(data.map((r) => r.Nachname)).toEqual(["'+Plus", 'Kreisler', 'Müller', 'Schmidt', 'Weber']);

    const audits = exportAudits(w);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.userId).toBe(w.managerId);
    expect(audits[0]?.action).toBe('export');
    expect(audits[0]?.diff).toEqual({
      format: 'csv',
      filter: { tag: [w.tag.id] },
      channel: 'email_newsletter',
      purpose: null,
      count: 5,
    });
  });

  it('writes an XLSX with a bold header, frozen first row, autofilter, and every value as text without a prefix', async () => {
    const w = await world();
    const preview = (await get(w, `/api/exports/preview?tag=${w.tag.id}`)).json();
    const res = await get(w, `/api/exports/persons.xlsx?tag=${w.tag.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="anett-verteiler-\d{4}-\d{2}-\d{2}\.xlsx"/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMNS]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:M${preview.included + 1}`);
    // The hidden name LibreOffice needs to keep the filter (Excel writes it too).
    const workbookXml = zipEntry(res.rawPayload, 'xl/workbook.xml');
    expect(workbookXml).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Verteiler&apos;!$A$1:$M$${preview.included + 1}</definedName>`,
    );
    // Every column is formatted as text, so what a user types later is not converted either.
    for (let c = 1; c <= EXPORT_COLUMNS.length; c++) expect(sheet.getColumn(c).numFmt).toBe('@');
    expect(sheet.rowCount).toBe(preview.included + 1);

    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(4).value), row);
    });
    const mueller = rows.get('Müller') as ExcelJS.Row;
    const plz = mueller.getCell(EXPORT_COLUMNS.indexOf('PLZ') + 1);
    expect(plz.value).toBe('07743');
    expect(plz.type).toBe(ExcelJS.ValueType.String);
    expect(mueller.getCell(5).value).toBe('Sehr geehrte Frau Dr. Müller,');
    expect(rows.get('Kreisler')?.getCell(5).value).toBe('Sehr geehrte Frau Landrätin,');
    expect(mueller.getCell(EXPORT_COLUMNS.indexOf('Telefon') + 1).value).toBe('+49 3641 681-123');
    expect(mueller.getCell(EXPORT_COLUMNS.indexOf('Mobil') + 1).value).toBe('0170 7654321');
    // A text cell is never evaluated: the value is written as it is, with no visible apostrophe.
    const formula = rows.get('+Plus') as ExcelJS.Row;
    expect(formula.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(formula.getCell(3).value).toBe(`=HYPERLINK("http://evil.example/x","Klick")`);
    expect(formula.getCell(3).formula).toBeUndefined();
    for (const name of w.excludedNames) expect([...rows.keys()]).not.toContain(name);
    expect(exportAudits(w)[0]?.diff).toMatchObject({ format: 'xlsx', count: preview.included });
  });

  it('writes one vCard 3.0 file that a vCard parser reads back with umlauts, escapes and folded lines intact', async () => {
    const w = await world();
    const longFunction =
      'Leiterin Qualitätsmanagement für Fahrzeugkomponenten, Wasserstoffanwendungen und Elektromobilität\nIndustrie 4.0 – Süd-Thüringen \\ Nord';
    const org = createOrganization(w.t.db, { name: 'Zulieferer Öhringen GmbH' });
    const jördis = createPerson(w.t.db, {
      salutation: 'frau',
      firstName: 'Jördis',
      lastName: 'Größer-Süß',
      email: 'joerdis@example.org',
      tagIds: [w.tag.id],
    });
    createAffiliation(w.t.db, { personId: jördis.id, organizationId: org.id, function: longFunction });
    createConsent(w.t.db, { personId: jördis.id });
    const res = await get(w, `/api/exports/persons.vcf?tag=${w.tag.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/vcard; charset=utf-8');
    const raw = res.rawPayload;
    const text = raw.toString('utf8');
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Folding never splits a UTF-8 sequence: every physical line is valid UTF-8 on its own.
    for (const line of raw.toString('latin1').split('\r\n')) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'latin1'))).not.toThrow();
    }

    const parsed = ICAL.parse(text);
    const cards: ICAL.Component[] = (Array.isArray(parsed[0]) ? parsed : [parsed]).map(
      (jcal: unknown[]) => new ICAL.Component(jcal),
    );
    expect(cards).toHaveLength(6);
    expect(text).toContain('\r\n ');
    const folded = cards.find((c) => c.getFirstPropertyValue('fn') === 'Jördis Größer-Süß') as ICAL.Component;
    expect(folded.getFirstPropertyValue('title')).toBe(longFunction);
    expect(folded.getFirstPropertyValue('n')).toEqual(['Größer-Süß', 'Jördis', '', 'Frau', '']);
    const byFn = new Map(cards.map((c) => [String(c.getFirstPropertyValue('fn')), c]));
    const mueller = byFn.get('Dr. Anna Müller') as ICAL.Component;
    expect(mueller).toBeDefined();
    expect(mueller.getFirstPropertyValue('version')).toBe('3.0');
    expect(mueller.getFirstPropertyValue('n')).toEqual(['Müller', 'Anna', '', 'Frau Dr.', '']);
    expect(mueller.getFirstPropertyValue('org')).toBe('Präzisionsteile Müller; Söhne, Jena GmbH');
    expect(mueller.getFirstPropertyValue('title')).toBe('Geschäftsführerin');
    expect(mueller.getFirstPropertyValue('email')).toBe('anna.mueller@example.org');
    expect(mueller.getAllProperties('tel').map((p) => [p.getParameter('type'), p.getFirstValue()])).toEqual([
      [['WORK', 'VOICE'], '+49 3641 681-123'],
      ['CELL', '0170 7654321'],
    ]);
    expect(mueller.getFirstPropertyValue('adr')).toEqual(['', '', 'Carl-Zeiss-Straße 1', 'Jena', '', '07743', '']);
    expect(byFn.get('Prof. Dr.-Ing. Bernd Schmidt')).toBeDefined();
    const weber = byFn.get('Alex Weber') as ICAL.Component;
    expect(weber.getAllProperties('tel').map((p) => p.getParameter('type'))).toEqual(['CELL']);
    for (const name of w.excludedNames) expect(text).not.toContain(name);
    expect(exportAudits(w)[0]?.diff).toMatchObject({ format: 'vcf', count: 6 });

    // A stable UID per person (an address book updates the contact instead of adding it again) and the last change.
    const uids = cards.map((c) => String(c.getFirstPropertyValue('uid')));
    for (const uid of uids)
      expect(uid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uids).size).toBe(cards.length);
    expect(text).toMatch(/\r\nREV:\d{8}T\d{6}Z\r\n/);
    const again = (await get(w, `/api/exports/persons.vcf?tag=${w.tag.id}`)).body;
    expect(again.match(/^UID:.*$/gm)?.map((l) => l.slice(4).trim())).toEqual(uids);
    // A change of the person moves REV on, the UID stays.
    w.t.db.update(persons).set({ updatedAt: '2031-05-06T07:08:09.000Z' }).where(eq(persons.id, w.ids.mueller.id)).run();
    const changed = ICAL.parse((await get(w, `/api/exports/persons.vcf?tag=${w.tag.id}`)).body).map(
      (jcal: unknown[]) => new ICAL.Component(jcal),
    ) as ICAL.Component[];
    const muellerAgain = changed.find((c) => c.getFirstPropertyValue('fn') === 'Dr. Anna Müller') as ICAL.Component;
    expect(muellerAgain.getFirstPropertyValue('uid')).toBe(mueller.getFirstPropertyValue('uid'));
    expect(String(muellerAgain.getFirstPropertyValue('rev'))).toMatch(/^2031-05-06T07:08:09/);
  });

  it('escapes vCard text values and folds them without splitting characters', () => {
    // ical.js unescapes '\;' only in structured values (N, ADR, ORG, covered above), so TEXT escaping is checked here.
    expect(escapeText('a\\b,c;d\r\ne\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
    const line = `TITLE:${'ä'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('FN:kurz')).toBe('FN:kurz');
    const emoji = foldLine(`NOTE:${'😀'.repeat(40)}`).split('\r\n');
    expect(emoji.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(`NOTE:${'😀'.repeat(40)}`);
    for (const part of emoji) expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
  });

  it('with a stated purpose exports persons without consent, but never withdrawn or suppressed ones; the purpose is logged', async () => {
    const w = await world();
    const purpose = 'Einladung Mitgliederversammlung 2025';
    const query = `tag=${w.tag.id}&purpose=${encodeURIComponent(purpose)}`;
    const preview = (await get(w, `/api/exports/preview?${query}`)).json();
    expect(preview).toEqual({
      included: 6,
      excluded: { suppressed: 1, withdrawn: 1, noEmail: 1, noAddress: 0, noPhone: 0, noConsent: 0 },
      total: 9,
    });
    const res = await get(w, `/api/exports/persons.csv?${query}`);
    const last = parseCsv(res.body)
      .slice(1)
      .map((r) => r[3]);
    expect(last).toContain('Ohnezustimmung');
    expect(last).not.toContain('Widerruf');
    expect(last).not.toContain('Gesperrt');
    expect(last).toHaveLength(preview.included);
    expect(exportAudits(w)[0]?.diff).toMatchObject({ purpose, count: 6 });

    const short = await get(w, `/api/exports/persons.csv?tag=${w.tag.id}&purpose=kurz`);
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('purpose');
    expect(exportAudits(w)).toHaveLength(1);
  });

  it('for post needs a complete address of the current organisation instead of an e-mail', async () => {
    const w = await world();
    const preview = (await get(w, `/api/exports/preview?tag=${w.tag.id}&channel=post`)).json();
    // Müller: address and post consent; Schmidt: post consent, but his organisation has no address; the others have
    // no address either (a missing address is reported before a missing consent).
    expect(preview).toEqual({
      included: 1,
      excluded: { suppressed: 1, withdrawn: 0, noEmail: 0, noAddress: 7, noPhone: 0, noConsent: 0 },
      total: 9,
    });
    const res = await get(w, `/api/exports/persons.csv?tag=${w.tag.id}&channel=post`);
    expect(res.headers['content-disposition']).toMatch(/anett-verteiler-post-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parseCsv(res.body).slice(1);
    expect(rows.map((r) => r[3])).toEqual(['Müller']);
  });

  it('applies the person filters (the same ones as the list) and combines with the consent filter', async () => {
    const w = await world();
    const byName = (await get(w, `/api/exports/preview?tag=${w.tag.id}&q=Müller`)).json();
    expect(byName.included).toBe(1);
    const list = await get(w, `/api/persons?tag=${w.tag.id}&pageSize=100`);
    expect((await get(w, `/api/exports/preview?tag=${w.tag.id}`)).json().total).toBe(list.json().total);
  });

  it('refuses viewers and bad parameters without writing an audit entry', async () => {
    const w = await world();
    for (const format of ['csv', 'xlsx', 'vcf']) {
      expect((await get(w, `/api/exports/persons.${format}?tag=${w.tag.id}`, w.viewer)).statusCode).toBe(403);
    }
    expect((await get(w, `/api/exports/preview`, w.viewer)).statusCode).toBe(403);
    const bad = await get(w, `/api/exports/persons.csv?channel=fax`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('channel');
    const badDistrict = await get(w, `/api/exports/preview?district=99999`);
    expect(badDistrict.statusCode).toBe(400);
    expect(badDistrict.json().errors[0].field).toMatch(/^district/);
    expect(exportAudits(w)).toHaveLength(0);
  });

  it('keeps the database writable while an export is being read', async () => {
    const w = await world();
    // The export's rows as the download pulls them: the iterator stays open between chunks.
    const rows = createExportsRepository(w.t.db).rows({ filter: { tag: [w.tag.id] }, channel: 'email_newsletter' });
    const first = rows.next();
    expect(first.done).toBe(false);
    const created = await w.t.post(w.manager, '/api/persons', { firstName: 'Mitten', lastName: 'Drin' });
    expect(created.statusCode).toBe(201);
    const consent = await w.t.post(w.manager, `/api/persons/${w.ids.noConsent.id}/consents`, {
      channel: 'email_newsletter',
      status: 'granted',
      source: 'phone',
    });
    expect(consent.statusCode).toBe(201);
    // The export reads the snapshot it started with.
    expect([first.value, ...rows].map((r) => r?.lastName)).toEqual(['+Plus', 'Kreisler', 'Müller', 'Schmidt', 'Weber']);
  });
});

describe('aborted downloads', () => {
  it.each(['csv', 'xlsx', 'vcf'] as const)(
    '%s: release their database snapshot and count as incomplete',
    async (format) => {
      const w = await world();
      w.t.db.transaction(() => {
        for (let i = 0; i < 1500; i++) {
          const p = createPerson(w.t.db, {
            firstName: `Viele${i}`,
            lastName: `Empfänger${i}`,
            email: `viele${i}@example.org`,
            tagIds: [w.tag.id],
          });
          createConsent(w.t.db, { personId: p.id });
        }
      });
      const file = createExportsService(createExportsRepository(w.t.db)).file(
        { filter: { tag: [w.tag.id] }, channel: 'email_newsletter' },
        format,
      );
      for await (const _ of file.chunks) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const summary = file.summary();
      expect(summary.completed).toBe(false);
      expect(summary.count).toBeLessThan(1505);
      // No reader is left holding a snapshot: a full checkpoint is not blocked.
      w.t.db.insert(auditEntries).values({ at: new Date().toISOString(), entity: 'test', action: 'write' }).run();
      expect(w.t.db.$client.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    },
    30_000,
  );
});

describe('export population (property)', () => {
  const channels = ['email_newsletter', 'post', 'phone'] as const;
  const entry = fc.record({
    channel: fc.constantFrom(...channels, 'event_photos'),
    status: fc.constantFrom('granted' as const, 'withdrawn' as const),
    // Few distinct times, so equal recording times (decided by insertion order) occur.
    day: fc.integer({ min: 1, max: 4 }),
  });
  const personSpec = fc.record({
    history: fc.array(entry, { maxLength: 6 }),
    suppressed: fc.boolean(),
    erased: fc.boolean(),
    deleted: fc.boolean(),
  });

  it('exports a person for a channel iff the latest entry for that channel is a grant and they are not suppressed, erased or deleted', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(personSpec, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...channels),
        async (specs, channel) => {
          run++;
          const tag = createTag(t.db, { name: `Lauf ${run}` });
          const org = createOrganization(t.db, { street: 'Weg 1', postalCode: '99084', city: 'Erfurt' });
          const expected = new Set<string>();
          specs.forEach((spec, i) => {
            const email = `lauf${run}.p${i}@example.org`;
            const p = createPerson(t.db, {
              firstName: 'P',
              lastName: `L${run}x${i}`,
              email,
              phone: '0361 1',
              tagIds: [tag.id],
              erasedAt: spec.erased ? '2024-01-01T00:00:00.000Z' : null,
              deletedAt: spec.deleted ? '2024-01-01T00:00:00.000Z' : null,
            });
            createAffiliation(t.db, { personId: p.id, organizationId: org.id });
            for (const e of spec.history) {
              createConsent(t.db, {
                personId: p.id,
                channel: e.channel,
                status: e.status,
                recordedAt: `2024-03-0${e.day}T00:00:00.000Z`,
              });
            }
            if (spec.suppressed) suppress(t, email);
            // The latest entry: the highest time, among equal times the last inserted.
            let latest: (typeof spec.history)[number] | undefined;
            for (const e of spec.history) if (e.channel === channel && (!latest || e.day >= latest.day)) latest = e;
            if (latest?.status === 'granted' && !spec.suppressed && !spec.erased && !spec.deleted)
              expected.add(p.lastName);
          });
          const res = await t.as(token, {
            method: 'GET',
            url: `/api/exports/persons.csv?tag=${tag.id}&channel=${channel}`,
          });
          const exported = parseCsv(res.body)
            .slice(1)
            .map((r) => r[3] as string);
          expect(new Set(exported)).toEqual(expected);
          expect(exported).toHaveLength(expected.size);
          const preview = await t.as(token, {
            method: 'GET',
            url: `/api/exports/preview?tag=${tag.id}&channel=${channel}`,
          });
          expect(preview.json().included).toBe(expected.size);
          expect(preview.json().total).toBe(specs.filter((s) => !s.erased && !s.deleted).length);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('persons table is untouched by exports', () => {
  it('an export changes no person', async () => {
    const w = await world();
    const before = w.t.db.select().from(persons).all();
    await get(w, `/api/exports/persons.csv?tag=${w.tag.id}`);
    expect(w.t.db.select().from(persons).all()).toEqual(before);
  });
});
