import {
  affiliations,
  auditEntries,
  consents,
  importMappings,
  organizations,
  persons,
  suppressions,
} from '@anett/db/schema';
import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import { EXPORT_COLUMNS } from '@anett/shared/schemas/export';
import { asc, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appWithUsers, type Json, type TestApp } from '../support/app.ts';
import { createOrganization, createPerson } from '../support/factories.ts';

async function setup() {
  const { t, manager, viewer } = await appWithUsers({ manager: 'manager', viewer: 'viewer' });
  const post = (path: 'preview' | 'commit', body: Json, token = manager.token) =>
    t.post(token, `/api/imports/${path}`, body);
  return { t, manager, viewer, post };
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** A German Excel CSV: BOM, `;`, CRLF. */
const csv = (rows: string[][]) => b64(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`);
const tally = (t: TestApp) => ({
  persons: t.db.select({ n: count() }).from(persons).get()?.n,
  organizations: t.db.select({ n: count() }).from(organizations).get()?.n,
  affiliations: t.db.select({ n: count() }).from(affiliations).get()?.n,
  consents: t.db.select({ n: count() }).from(consents).get()?.n,
  audit: t.db.select({ n: count() }).from(auditEntries).get()?.n,
});

const PERSON_HEADER = ['Anrede', 'Titel', 'Vorname', 'Nachname', 'E-Mail', 'Firma', 'Funktion', 'Telefon'];

describe('person import', () => {
  it('previews with a guessed mapping, imports every row of a valid file in one go, with consents and organisations', async () => {
    const { t, manager, post } = await setup();
    const known = createOrganization(t.db, { name: 'Präzisionsteile Meiningen GmbH' });
    const file = csv([
      PERSON_HEADER,
      [
        'Frau',
        'Dr.',
        'Jördis',
        'Größer',
        'Joerdis.Groesser@Example.org',
        'Präzisionsteile Meiningen',
        'Leiterin Einkauf',
        '03693 1234',
      ],
      ['Herr', '', 'Björn', 'Süß', 'bjoern@example.org', 'Neue Zulieferer GmbH', '', ''],
      ['', '', 'Alex', 'Weber', '', '', '', '0170 555'],
    ]);
    const body = {
      kind: 'persons',
      fileName: 'teilnehmer.csv',
      contentBase64: file,
      consent: { channel: 'email_newsletter', source: 'event_registration', legalBasis: 'Einwilligung' },
    };
    const preview = await post('preview', body);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.columns).toEqual(PERSON_HEADER);
    // The first non-empty cell of each column (Titel is empty in the first row).
    expect(p.examples).toMatchObject({ Anrede: 'Frau', Titel: 'Dr.', Telefon: '03693 1234' });
    expect(p.mapping).toEqual({
      Anrede: 'salutation',
      Titel: 'title',
      Vorname: 'firstName',
      Nachname: 'lastName',
      'E-Mail': 'email',
      Firma: 'organization',
      Funktion: 'function',
      Telefon: 'phone',
    });
    expect(p.summary).toEqual({
      total: 3,
      ready: 3,
      invalid: 0,
      duplicates: 0,
      undecided: 0,
      suppressed: 0,
      skipped: 0,
    });
    expect(p.rows[0]).toMatchObject({
      line: 2,
      action: 'create',
      errors: [],
      values: { firstName: 'Jördis', lastName: 'Größer' },
    });
    expect(tally(t).persons).toBe(0);

    const commit = await post('commit', body);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ created: 3, updated: 0, skipped: 0, consents: 3, organizationsCreated: 1 });
    const rows = t.db.select().from(persons).orderBy(asc(persons.id)).all();
    expect(rows.map((r) => [r.salutation, r.title, r.firstName, r.lastName, r.email])).toEqual([
      ['frau', 'Dr.', 'Jördis', 'Größer', 'joerdis.groesser@example.org'],
      ['herr', null, 'Björn', 'Süß', 'bjoern@example.org'],
      [null, null, 'Alex', 'Weber', null],
    ]);
    const joerdis = (await t.as(manager.token, { method: 'GET', url: `/api/persons/${rows[0]!.id}` })).json();
    expect(joerdis.affiliations).toEqual([
      expect.objectContaining({
        organization: { id: known.id, name: known.name },
        function: 'Leiterin Einkauf',
        isPrimary: true,
      }),
    ]);
    expect(joerdis.consents).toEqual([
      expect.objectContaining({ channel: 'email_newsletter', status: 'granted', source: 'event_registration' }),
    ]);
    const created = t.db.select().from(organizations).where(eq(organizations.name, 'Neue Zulieferer GmbH')).all();
    expect(created).toHaveLength(1);
    // Searchable right away (FTS triggers) and audited.
    const found = await t.as(manager.token, { method: 'GET', url: '/api/persons?q=Grosser' });
    expect(found.json().items.map((i: Json) => i.lastName)).toEqual(['Größer']);
    const audit = t.db.select().from(auditEntries).where(eq(auditEntries.action, 'import')).all();
    expect(audit).toHaveLength(3);
    expect(t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'import')).get()?.diff).toMatchObject({
      kind: 'persons',
      created: 3,
    });

    // The mapping is remembered per user and kind.
    const mapping = await t.as(manager.token, { method: 'GET', url: '/api/imports/mapping?kind=persons' });
    expect(mapping.json()).toEqual({ kind: 'persons', mapping: p.mapping });
    expect(
      (await t.as(manager.token, { method: 'GET', url: '/api/imports/mapping?kind=organizations' })).json().mapping,
    ).toBeNull();
  });

  it('a file with one broken row writes nothing: 422 with the row report naming line and field', async () => {
    const { t, post } = await setup();
    const before = tally(t);
    const file = csv([
      PERSON_HEADER,
      ['Frau', '', 'Anna', 'Gültig', 'anna@example.org', '', '', ''],
      ['Frau', '', 'Berta', 'Kaputt', 'keine-mail-adresse', '', '', ''],
      ['Madame', '', 'Clara', '', 'clara@example.org', '', '', ''],
    ]);
    const body = { kind: 'persons', fileName: 'liste.csv', contentBase64: file };
    const preview = (await post('preview', body)).json();
    expect(preview.summary).toMatchObject({ total: 3, ready: 1, invalid: 2 });
    expect(preview.rows[1].errors).toEqual([expect.objectContaining({ field: 'email' })]);
    expect(preview.rows[2].errors.map((e: Json) => e.field).sort()).toEqual(['lastName', 'salutation']);

    const res = await post('commit', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IMPORT_INVALID');
    expect(res.json().errors.map((e: Json) => e.field)).toEqual([
      'rows.3.email',
      'rows.4.salutation',
      'rows.4.lastName',
    ]);
    expect(res.json().data.rows).toHaveLength(3);
    expect(tally(t)).toEqual({ ...before, audit: before.audit });

    // Skipping the broken rows lets the rest in.
    const skipped = await post('commit', { ...body, decisions: { 3: 'skip', 4: 'skip' } });
    expect(skipped.json()).toMatchObject({ created: 1, skipped: 2 });
  });

  it('handles duplicates as chosen per line: skip, update or create; undecided ones block the commit', async () => {
    const { t, post } = await setup();
    const existing = createPerson(t.db, {
      firstName: 'Anna',
      lastName: 'Müller',
      email: 'anna@example.org',
      phone: '0361 1',
    });
    createPerson(t.db, { firstName: 'Bernd', lastName: 'Schmidt' });
    createPerson(t.db, { firstName: 'Carla', lastName: 'Klein', email: 'carla@example.org' });
    const file = csv([
      ['Vorname', 'Nachname', 'E-Mail', 'Telefon'],
      ['Anna', 'Mueller-Neu', 'ANNA@example.org', '0361 999'],
      ['Bernd', 'Schmidt', 'bernd@example.org', ''],
      ['Carla', 'Klein', 'carla@example.org', ''],
      ['Dora', 'Neu', 'dora@example.org', ''],
      ['Dora', 'Neu', 'dora2@example.org', ''],
    ]);
    const body = { kind: 'persons', fileName: 'dubletten.csv', contentBase64: file };
    const preview = (await post('preview', body)).json();
    expect(preview.rows.map((r: Json) => [r.line, r.duplicates.map((d: Json) => d.reason), r.action])).toEqual([
      [2, ['email'], null],
      [3, ['name'], null],
      [4, ['email'], null],
      [5, [], 'create'],
      [6, ['file'], null],
    ]);
    expect(preview.rows[0].duplicates[0]).toMatchObject({
      id: existing.id,
      name: 'Anna Müller',
      detail: 'anna@example.org',
    });
    expect(preview.summary).toMatchObject({ duplicates: 4, undecided: 4, ready: 1 });

    const undecided = await post('commit', { ...body, decisions: { 2: 'update' } });
    expect(undecided.statusCode).toBe(422);
    expect(undecided.json().errors.map((e: Json) => e.field)).toEqual(['decisions.3', 'decisions.4', 'decisions.6']);
    expect(t.db.select({ n: count() }).from(persons).get()?.n).toBe(3);

    const res = await post('commit', { ...body, decisions: { 2: 'update', 3: 'create', 4: 'skip', 6: 'create' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, updated: 1, skipped: 1 });
    const anna = t.db.select().from(persons).where(eq(persons.id, existing.id)).get();
    expect(anna).toMatchObject({
      firstName: 'Anna',
      lastName: 'Mueller-Neu',
      email: 'anna@example.org',
      phone: '0361 999',
      version: 2,
    });
    expect(t.db.select().from(persons).where(eq(persons.lastName, 'Schmidt')).all()).toHaveLength(2);
    expect(t.db.select().from(persons).where(eq(persons.lastName, 'Klein')).all()).toHaveLength(1);
    expect(t.db.select().from(persons).where(eq(persons.lastName, 'Neu')).all()).toHaveLength(2);
  });

  it('refuses suppressed e-mail addresses', async () => {
    const { t, post } = await setup();
    t.db
      .insert(suppressions)
      .values({
        emailHash: emailHash('gesperrt@example.org'),
        reason: 'erasure',
        createdAt: '2024-01-01T00:00:00.000Z',
      })
      .run();
    const body = {
      kind: 'persons',
      fileName: 'x.csv',
      contentBase64: csv([
        ['Vorname', 'Nachname', 'E-Mail'],
        ['Gerd', 'Gesperrt', ' Gesperrt@Example.org '],
      ]),
    };
    const preview = (await post('preview', body)).json();
    expect(preview.rows[0]).toMatchObject({
      suppressed: true,
      action: null,
      errors: [expect.objectContaining({ field: 'email' })],
    });
    expect(preview.summary.suppressed).toBe(1);
    const res = await post('commit', { ...body, decisions: { 2: 'create' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('rows.2.email');
    expect(t.db.select({ n: count() }).from(persons).get()?.n).toBe(0);
  });

  it('a file whose headers place no required field answers 400 with its columns and the mapping tried', async () => {
    const { t, post } = await setup();
    const file = csv([
      ['Spalte A', 'Spalte B', 'E-Mail'],
      ['Anna', 'Aal', 'anna@example.org'],
    ]);
    const res = await post('preview', { kind: 'persons', fileName: 'a.csv', contentBase64: file });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: Json) => e.field)).toEqual(['mapping', 'mapping']);
    // The page shows the columns for mapping by hand.
    expect(res.json().data).toEqual({
      columns: ['Spalte A', 'Spalte B', 'E-Mail'],
      examples: { 'Spalte A': 'Anna', 'Spalte B': 'Aal', 'E-Mail': 'anna@example.org' },
      mapping: { 'Spalte A': '', 'Spalte B': '', 'E-Mail': 'email' },
    });
    const twice = await post('preview', {
      kind: 'persons',
      fileName: 'a.csv',
      contentBase64: file,
      mapping: { 'Spalte A': 'firstName', 'Spalte B': 'firstName', 'E-Mail': 'email' },
    });
    expect(twice.json().errors).toEqual([
      { field: 'mapping.Spalte B', message: expect.stringContaining('Spalte A') },
      { field: 'mapping', message: expect.stringContaining('lastName') },
    ]);
    expect(twice.json().data.columns).toEqual(['Spalte A', 'Spalte B', 'E-Mail']);
    expect(tally(t).persons).toBe(0);
  });

  it('uses an explicit mapping, remembers it and offers it again for files with the same columns', async () => {
    const { t, manager, post } = await setup();
    const file = csv([
      ['Spalte A', 'Spalte B', 'Ignoriert'],
      ['Anna', 'Aal', 'x'],
    ]);
    const mapping = { 'Spalte A': 'firstName', 'Spalte B': 'lastName', Ignoriert: '' };
    const preview = (
      await post('preview', { kind: 'persons', fileName: 'a.csv', contentBase64: file, mapping })
    ).json();
    expect(preview.rows[0].values).toEqual({ firstName: 'Anna', lastName: 'Aal' });
    const again = (await post('preview', { kind: 'persons', fileName: 'a.csv', contentBase64: file })).json();
    expect(again.mapping).toEqual(mapping);
    expect(t.db.select().from(importMappings).where(eq(importMappings.userId, manager.userId)).all()).toHaveLength(1);
  });

  it('maps every file by its own headers; the remembered mapping only fills columns whose header is unknown', async () => {
    const { post } = await setup();
    const preview = async (rows: string[][]) =>
      (await post('preview', { kind: 'persons', fileName: 'p.csv', contentBase64: csv(rows) })).json();
    // An English file first, then a German one: the German headers are read, not refused for the old mapping.
    const english = await preview([
      ['First name', 'Last name', 'E-mail address', 'Mobile phone', 'Company'],
      ['Anna', 'Aal', 'anna@example.org', '0170 1', 'Aal AG'],
    ]);
    expect(english.mapping).toEqual({
      'First name': 'firstName',
      'Last name': 'lastName',
      'E-mail address': 'email',
      'Mobile phone': 'mobile',
      Company: 'organization',
    });
    const german = await preview([
      ['Vorname', 'Nachname', 'E-Mail-Adresse', 'Mobil', 'Telefon dienstlich', 'Firma', 'Postleitzahl'],
      ['Björn', 'Süß', 'b@example.org', '0171 2', '03641 3', 'Süß KG', '07745'],
    ]);
    expect(german.mapping).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      'E-Mail-Adresse': 'email',
      Mobil: 'mobile',
      'Telefon dienstlich': 'phone',
      Firma: 'organization',
      Postleitzahl: 'postalCode',
    });
    expect(german.rows[0].errors).toEqual([]);
    // A column the headers cannot place takes the field chosen for it last time — unless a header took that field.
    await post('preview', {
      kind: 'persons',
      fileName: 'p.csv',
      contentBase64: csv([
        ['Kürzel', 'Durchwahl', 'Vorname', 'Nachname'],
        ['x', '12', 'C', 'D'],
      ]),
      mapping: { Kürzel: 'notes', Durchwahl: 'phone', Vorname: 'firstName', Nachname: 'lastName' },
    });
    const mixed = await preview([
      ['Kürzel', 'Durchwahl', 'Vorname', 'Nachname', 'Mobil', 'Telefon'],
      ['x', '12', 'Eva', 'Ernst', '0172 3', '03641 4'],
    ]);
    expect(mixed.mapping).toEqual({
      Kürzel: 'notes',
      Durchwahl: '',
      Vorname: 'firstName',
      Nachname: 'lastName',
      Mobil: 'mobile',
      Telefon: 'phone',
    });
  });

  it("reads the app's own export headers and gives an organisation it creates the address from the file", async () => {
    const { t, post } = await setup();
    const header = [...EXPORT_COLUMNS];
    const row = [
      'Frau',
      'Dr.',
      'Jördis',
      'Größer',
      'Sehr geehrte Frau Dr. Größer,',
      'Leiterin Einkauf',
      'Optik Jena GmbH',
      'Carl-Zeiss-Straße 1',
      '07745',
      'Jena',
      'joerdis@example.org',
      '+49 3641 681-123',
      '0170 7654321',
    ];
    const file = csv([
      header,
      row,
      ['', '', 'Alex', 'Weber', 'Guten Tag Alex Weber,', '', '', 'Am Anger 1', '', '', '', '', ''],
    ]);
    const body = { kind: 'persons', fileName: 'verteiler.csv', contentBase64: file };
    const preview = (await post('preview', body)).json();
    expect(preview.mapping).toEqual({
      Anrede: 'salutation',
      Titel: 'title',
      Vorname: 'firstName',
      Nachname: 'lastName',
      Briefanrede: '',
      Funktion: 'function',
      Organisation: 'organization',
      Straße: 'street',
      PLZ: 'postalCode',
      Ort: 'city',
      'E-Mail': 'email',
      Telefon: 'phone',
      Mobil: 'mobile',
    });
    // An address without an organisation would be dropped: the row says so instead.
    expect(preview.rows[1].errors).toEqual([{ field: 'street', message: expect.stringMatching(/ohne Organisation/) }]);
    const res = await post('commit', { ...body, decisions: { 3: 'skip' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, organizationsCreated: 1, skipped: 1 });
    const person = t.db.select().from(persons).get();
    expect(person).toMatchObject({ phone: '+49 3641 681-123', mobile: '0170 7654321', title: 'Dr.' });
    const org = t.db.select().from(organizations).get();
    expect(org).toMatchObject({
      name: 'Optik Jena GmbH',
      street: 'Carl-Zeiss-Straße 1',
      postalCode: '07745',
      city: 'Jena',
    });
    expect(t.db.select().from(affiliations).get()).toMatchObject({ function: 'Leiterin Einkauf', isPrimary: true });
  });

  it('gives an existing organisation without an address the address from the file, and says where one is not taken', async () => {
    const { t, post } = await setup();
    const bare = createOrganization(t.db, { name: 'Optik Jena GmbH' });
    const addressed = createOrganization(t.db, {
      name: 'Gießerei Gotha GmbH',
      street: 'Kindleber Straße 1',
      postalCode: '99867',
      city: 'Gotha',
    });
    const file = csv([
      ['Vorname', 'Nachname', 'Organisation', 'Straße', 'PLZ', 'Ort'],
      ['Jördis', 'Größer', 'Optik Jena', 'Carl-Zeiss-Straße 1', '07745', 'Jena'],
      ['Björn', 'Süß', 'Optik Jena GmbH', 'Am Anger 2', '07743', 'Jena'],
      ['Alex', 'Weber', 'Gießerei Gotha GmbH', 'Bahnhofstraße 5', '99867', 'Gotha'],
      ['Mia', 'Roth', 'Gießerei Gotha GmbH', 'Kindleber Straße 1', '99867', 'Gotha'],
    ]);
    const body = { kind: 'persons', fileName: 'adressen.csv', contentBase64: file };
    const preview = (await post('preview', body)).json();
    expect(preview.rows.map((r: Json) => r.notices)).toEqual([
      ['Anschrift wird bei „Optik Jena GmbH“ ergänzt'],
      [
        'Anschrift nicht übernommen: „Optik Jena GmbH“ erhält die Anschrift aus Zeile 2 (Carl-Zeiss-Straße 1, 07745 Jena)',
      ],
      ['Anschrift nicht übernommen: „Gießerei Gotha GmbH“ hat schon eine Anschrift (Kindleber Straße 1, 99867 Gotha)'],
      [],
    ]);
    const res = await post('commit', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 4, organizationsCreated: 0 });
    const byId = (id: number) => t.db.select().from(organizations).where(eq(organizations.id, id)).get();
    expect(byId(bare.id)).toMatchObject({ street: 'Carl-Zeiss-Straße 1', postalCode: '07745', city: 'Jena' });
    expect(byId(addressed.id)).toMatchObject({ street: 'Kindleber Straße 1', postalCode: '99867', city: 'Gotha' });
    const audit = t.db.select().from(auditEntries).where(eq(auditEntries.entityId, bare.id)).all();
    expect(audit.filter((a) => a.entity === 'organization').map((a) => a.diff)).toContainEqual(
      expect.objectContaining({ street: [null, 'Carl-Zeiss-Straße 1'], postalCode: [null, '07745'] }),
    );
  });

  it('refuses bad requests naming the field, and writes nothing', async () => {
    const { t, viewer, post } = await setup();
    const file = csv([
      ['Vorname', 'Nachname'],
      ['Anna', 'Aal'],
    ]);
    const cases: [Json, string][] = [
      [{ kind: 'events', fileName: 'a.csv', contentBase64: file }, 'kind'],
      [{ kind: 'persons', fileName: 'a.csv', contentBase64: '%%%' }, 'contentBase64'],
      [
        { kind: 'persons', fileName: 'a.csv', contentBase64: file, mapping: { Vorname: 'shoeSize' } },
        'mapping.Vorname',
      ],
      [{ kind: 'persons', fileName: 'a.csv', contentBase64: file, mapping: { Vorname: 'firstName' } }, 'mapping'],
      [
        {
          kind: 'persons',
          fileName: 'a.csv',
          contentBase64: file,
          mapping: { Vorname: 'firstName', Nachname: 'lastName', Fehlt: 'email' },
        },
        'mapping.Fehlt',
      ],
      [
        {
          kind: 'persons',
          fileName: 'a.csv',
          contentBase64: file,
          mapping: { Vorname: 'lastName', Nachname: 'lastName' },
        },
        'mapping.Nachname',
      ],
      [{ kind: 'persons', fileName: 'a.csv', contentBase64: file, decisions: { 2: 'merge' } }, 'decisions.2'],
      [{ kind: 'organizations', fileName: 'a.csv', contentBase64: file, consent: { channel: 'post' } }, 'consent'],
      [{ kind: 'persons', fileName: 'a.xls', contentBase64: file }, 'fileName'],
    ];
    for (const [body, field] of cases) {
      const res = await post('commit', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res.json().errors.map((e: Json) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect(
      (await post('preview', { kind: 'persons', fileName: 'a.csv', contentBase64: file }, viewer.token)).statusCode,
    ).toBe(403);
    expect(tally(t)).toMatchObject({ persons: 0, organizations: 0 });
  });
});

describe('organisation import', () => {
  it('imports an XLSX with labels for kind and district, short size-class words and WZ codes', async () => {
    const { t, post } = await setup();
    const existing = createOrganization(t.db, { name: 'Boreas Antriebe GmbH', city: 'Suhl' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Firmen');
    sheet.addRow(['Name', 'Art', 'Größe', 'Straße', 'PLZ', 'Ort', 'Landkreis', 'Branche', 'Mitarbeiter']);
    sheet.addRow([
      'Optik Jena GmbH',
      'Unternehmen',
      'mittel',
      'Carl-Zeiss-Str. 1',
      '07743',
      'Jena',
      'Stadt Jena',
      '26; 29.32',
      120,
    ]);
    sheet.addRow(['IHK Erfurt', 'Kammer', '', 'Arnstädter Str. 34', '99096', 'Erfurt', '16051', '', '']);
    sheet.addRow(['Boreas Antriebe', 'company', 'Klein', 'Neue Str. 2', '98527', 'Suhl', 'Suhl', '29.1', '']);
    const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const body = { kind: 'organizations', fileName: 'firmen.xlsx', contentBase64 };
    const preview = (await post('preview', body)).json();
    expect(preview.summary).toMatchObject({ total: 3, ready: 2, duplicates: 1, undecided: 1, invalid: 0 });
    expect(preview.rows[2].duplicates[0]).toMatchObject({ id: existing.id, reason: 'name', detail: 'Suhl' });

    const res = await post('commit', { ...body, decisions: { 4: 'update' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 1 });
    const jena = t.db.select().from(organizations).where(eq(organizations.name, 'Optik Jena GmbH')).get();
    expect(jena).toMatchObject({
      kind: 'company',
      postalCode: '07743',
      city: 'Jena',
      district: '16053',
      employees: 120,
      sizeClass: 'medium',
    });
    const ihk = t.db.select().from(organizations).where(eq(organizations.name, 'IHK Erfurt')).get();
    expect(ihk).toMatchObject({ kind: 'chamber', district: '16051', sizeClass: null });
    const detail = (
      await t.as((await t.login('viewer')).token, { method: 'GET', url: `/api/organizations/${jena!.id}` })
    ).json();
    expect(detail.sectors).toEqual(['26', '29.32']);
    const boreas = t.db.select().from(organizations).where(eq(organizations.id, existing.id)).get();
    expect(boreas).toMatchObject({
      name: 'Boreas Antriebe',
      street: 'Neue Str. 2',
      postalCode: '98527',
      district: '16054',
      sizeClass: 'small',
      version: 2,
    });
  });

  it('accepts the size classes as users write them and names the field of one it cannot place', async () => {
    const { t, post } = await setup();
    const words: [string, string][] = [
      ['kleinst', 'micro'],
      ['Kleinstunternehmen', 'micro'],
      ['Kleinstunternehmen (< 10)', 'micro'],
      ['klein', 'small'],
      ['Kleinbetrieb', 'small'],
      ['small', 'small'],
      ['mittel', 'medium'],
      ['Mittleres Unternehmen', 'medium'],
      ['mittelgroß', 'medium'],
      ['groß', 'large'],
      ['Großunternehmen (≥ 250)', 'large'],
      ['large', 'large'],
    ];
    const file = csv([
      ['Name', 'Größenklasse'],
      ...words.map(([word], i) => [`Firma ${i} GmbH`, word]),
      ['Z AG', 'KMU'],
    ]);
    const preview = (await post('preview', { kind: 'organizations', fileName: 'o.csv', contentBase64: file })).json();
    expect(preview.mapping).toEqual({ Name: 'name', Größenklasse: 'sizeClass' });
    words.forEach(([word], i) => {
      expect(preview.rows[i].errors, word).toEqual([]);
      expect(preview.rows[i].values.sizeClass).toBe(word);
    });
    const commit = await post('commit', { kind: 'organizations', fileName: 'o.csv', contentBase64: file });
    expect(commit.statusCode).toBe(422);
    expect(commit.json().errors).toEqual([
      { field: `rows.${words.length + 2}.sizeClass`, message: expect.stringContaining("'KMU'") },
    ]);
    const fixed = csv([['Name', 'Größenklasse'], ...words.map(([word], i) => [`Firma ${i} GmbH`, word])]);
    const ok = await post('commit', { kind: 'organizations', fileName: 'o.csv', contentBase64: fixed });
    expect(ok.statusCode, ok.body).toBe(200);
    const stored = t.db.select().from(organizations).orderBy(asc(organizations.id)).all();
    expect(stored.map((o) => o.sizeClass)).toEqual(words.map(([, code]) => code));
  });

  it('refuses a postcode of four digits instead of guessing the lost zero, in organisation and person imports', async () => {
    const { t, post } = await setup();
    const orgFile = csv([
      ['Name', 'PLZ', 'Ort'],
      ['Optik Jena GmbH', '0774', 'Jena'],
      ['Gera Guss GmbH', '7545', 'Gera'],
      ['Altenburger Zulieferer GmbH', '04600', 'Altenburg'],
    ]);
    const res = await post('commit', { kind: 'organizations', fileName: 'o.csv', contentBase64: orgFile });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['rows.2.postalCode', 'rows.3.postalCode']);
    expect(errors[0]?.message).toMatch(/'0774' hat nur vier Ziffern/);
    const personFile = csv([
      ['Vorname', 'Nachname', 'Organisation', 'PLZ', 'Ort'],
      ['Anna', 'Aal', 'Optik Jena GmbH', '7745', 'Jena'],
    ]);
    const persons = await post('commit', { kind: 'persons', fileName: 'p.csv', contentBase64: personFile });
    expect(persons.statusCode).toBe(422);
    expect(persons.json().errors).toEqual([
      { field: 'rows.2.postalCode', message: expect.stringMatching(/vier Ziffern/) },
    ]);
    expect(tally(t)).toMatchObject({ persons: 0, organizations: 0 });
  });

  it('names the field of an invalid organisation row', async () => {
    const { t, post } = await setup();
    const file = csv([
      ['Name', 'Art', 'PLZ', 'Landkreis', 'Branche'],
      ['A GmbH', 'Raumschiff', '123', 'Atlantis', '99.99.99'],
    ]);
    const res = await post('commit', { kind: 'organizations', fileName: 'o.csv', contentBase64: file });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: Json) => e.field)
        .sort(),
    ).toEqual(['rows.2.district', 'rows.2.kind', 'rows.2.postalCode', 'rows.2.sectors']);
    expect(t.db.select({ n: count() }).from(organizations).get()?.n).toBe(0);
  });
});
