import { readFileSync } from 'node:fs';
import {
  auditEntries,
  interactionOrganizations,
  interactionPersons,
  interactions,
  personContactPoints,
} from '@anett/db/schema';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbChecksum } from '../support/db-checksum.ts';
import { createAffiliation, createOrganization, createPerson } from '../support/factories.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url));
const EML = 'netzwerktreffen.eml';
const HTML_EML = 'protokoll-nur-html.eml';
const MSG = 'angebot-schulung.msg';
const HTML_MSG = 'nur-html.msg';

type Part = { name: string; data: Buffer | string } | { field: string; value: string };

/** A multipart/form-data body as a browser sends it: each file in a part named `files`. */
function multipart(parts: Part[]) {
  const boundary = `----anett${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const head =
      'field' in p
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${p.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    chunks.push(Buffer.from(head), Buffer.from('field' in p ? p.value : p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const file = (name: string, as = name): Part => ({ name: as, data: fixture(name) });

async function setup() {
  const t = await createTestApp();
  const manager = await t.login('manager', 'manager@anett.example');
  const firm = createOrganization(t.db, { name: 'Zulieferer Thüringen GmbH' });
  const mira = createPerson(t.db, {
    firstName: 'Mira',
    lastName: 'Quendelbrück',
    email: 'mira.quendelbrueck@zulieferer.example',
  });
  createAffiliation(t.db, { personId: mira.id, organizationId: firm.id, isPrimary: true });
  // Known only by an additional contact point, written in another case.
  const karl = createPerson(t.db, { firstName: 'Karl', lastName: 'Obermoser', email: 'k.obermoser@firma.example' });
  t.db
    .insert(personContactPoints)
    .values({ personId: karl.id, kind: 'email', value: 'Karl.Privat@Mail.example' })
    .run();
  const jonas = createPerson(t.db, {
    firstName: 'Jonas',
    lastName: 'Falkenried',
    email: 'j.falkenried@btz-rohr.example',
  });
  const send = (url: string, parts: Part[], token = manager.token) =>
    t.as(token, { method: 'POST', url, ...multipart(parts) });
  return { t, manager, firm, mira, karl, jonas, send };
}

const emailEntries = (t: TestApp) => t.db.select().from(interactions).where(eq(interactions.kind, 'email')).all();
const linkedPersons = (t: TestApp, id: number) =>
  t.db
    .select()
    .from(interactionPersons)
    .where(eq(interactionPersons.interactionId, id))
    .all()
    .map((r) => r.personId)
    .sort();

describe('E-mails dropped into the contact log', () => {
  it('previews an .eml and an .msg: subject, date, text, every address matched by main or further address', async () => {
    const { send, mira, karl, jonas } = await setup();
    const res = await send('/api/mail-imports/preview', [file(EML), file(MSG)]);
    expect(res.statusCode, res.body).toBe(200);
    const { mails, unknown } = res.json();
    expect(mails).toHaveLength(2);

    const [eml, msg] = mails;
    expect(eml).toMatchObject({
      index: 0,
      fileName: EML,
      format: 'eml',
      subject: 'Teilnahme am Netzwerktreffen in Sömmerda',
      date: '2024-11-12T09:15:00.000Z',
      direction: 'in',
      from: { address: 'mira.quendelbrueck@zulieferer.example', name: 'Mira Quendelbrück', person: { id: mira.id } },
      alreadyLogged: null,
      duplicateOf: null,
      linkable: true,
    });
    expect(eml.text).toContain('gern nehmen wir mit zwei Personen am Netzwerktreffen in Sömmerda teil.');
    expect(eml.text).toContain('Viele Grüße');
    // The manager is staff, not a person; Karl is found by his private address; the third is unknown.
    expect(eml.to).toEqual([
      {
        address: 'manager@anett.example',
        name: 'Netzwerkmanagerin ANeTT',
        person: null,
        staff: true,
        suppressed: false,
      },
    ]);
    expect(
      eml.cc.map((a: { address: string; person: { id: number } | null }) => [a.address, a.person?.id ?? null]),
    ).toEqual([
      ['karl.privat@mail.example', karl.id],
      ['neu.kontakt@firma.example', null],
    ]);
    expect(eml.persons.map((p: { id: number }) => p.id).sort()).toEqual([mira.id, karl.id].sort());

    expect(msg).toMatchObject({
      index: 1,
      format: 'msg',
      subject: 'Angebot Schulung Wasserstoffanwendungen',
      date: '2024-11-20T09:30:00.000Z',
      from: { address: 'j.falkenried@btz-rohr.example', person: { id: jonas.id, name: 'Jonas Falkenried' } },
      to: [{ address: 'mira.quendelbrueck@zulieferer.example', person: { id: mira.id } }],
      cc: [{ address: 'kollegin@unbekannt.example', person: null, staff: false }],
    });
    expect(msg.text).toContain('anbei unser Angebot für die Schulung „Fachexperte für Wasserstoffanwendungen“');
    expect(unknown).toEqual([
      { address: 'neu.kontakt@firma.example', name: null },
      { address: 'kollegin@unbekannt.example', name: 'Unbekannte Kollegin' },
    ]);
  });

  it('turns HTML-only mails (.eml and .msg) into text', async () => {
    const { send } = await setup();
    const res = await send('/api/mail-imports/preview', [file(HTML_EML), file(HTML_MSG)]);
    expect(res.statusCode, res.body).toBe(200);
    const [eml, msg] = res.json().mails;
    expect(eml.text).toContain('Die Ergebnisse der Sitzung vom 14.11.:');
    expect(eml.text).toContain('Wasserstoff-Kurs startet im März');
    expect(eml.text).not.toMatch(/<|color:red/);
    // Sent from the manager's own address: outgoing.
    expect(eml.direction).toBe('out');
    expect(msg.text).toContain('ist noch ein Platz frei?');
    expect(msg.text).not.toContain('<b>');
  });

  it('logs each mail once as an e-mail entry with its persons, organisations, audit entry and search index', async () => {
    const { t, send, manager, mira, karl, jonas, firm } = await setup();
    const res = await send('/api/mail-imports/commit', [file(EML), file(MSG)]);
    expect(res.statusCode, res.body).toBe(200);
    const { logged, duplicates } = res.json();
    expect(duplicates).toEqual([]);
    expect(logged.map((l: { index: number }) => l.index)).toEqual([0, 1]);

    const entry = await t.as(manager.token, { method: 'GET', url: `/api/interactions/${logged[0].interactionId}` });
    expect(entry.json()).toMatchObject({
      kind: 'email',
      direction: 'in',
      subject: 'Teilnahme am Netzwerktreffen in Sömmerda',
      occurredAt: '2024-11-12T09:15:00.000Z',
      author: { id: manager.userId },
      organizations: [{ id: firm.id }],
    });
    expect(entry.json().summary).toMatch(/^Von: Mira Quendelbrück <mira\.quendelbrueck@zulieferer\.example>\n/);
    expect(entry.json().summary).toContain('Bitte senden Sie uns die Tagesordnung.');
    expect(linkedPersons(t, logged[0].interactionId)).toEqual([mira.id, karl.id].sort());
    expect(linkedPersons(t, logged[1].interactionId)).toEqual([mira.id, jonas.id].sort());

    const audit = t.db
      .select()
      .from(auditEntries)
      .where(sql`${auditEntries.entity} = 'interaction' AND ${auditEntries.action} = 'create'`)
      .all();
    expect(audit.map((a) => a.entityId).sort()).toEqual(
      logged.map((l: { interactionId: number }) => l.interactionId).sort(),
    );

    // Found by words of the body (the full-text index) and on the person's timeline.
    const search = await t.as(manager.token, { method: 'GET', url: '/api/interactions?q=Tagesordnung' });
    expect(search.json().items.map((i: { id: number }) => i.id)).toEqual([logged[0].interactionId]);
    const timeline = await t.as(manager.token, { method: 'GET', url: `/api/persons/${mira.id}/timeline` });
    expect(timeline.json().items.map((i: { interaction?: { subject: string } }) => i.interaction?.subject)).toEqual([
      'Angebot Schulung Wasserstoffanwendungen',
      'Teilnahme am Netzwerktreffen in Sömmerda',
    ]);
  });

  it('logs the same mail dropped twice once: in one upload, again later, and under another file name', async () => {
    const { t, send } = await setup();
    const first = await send('/api/mail-imports/commit', [file(EML), file(EML, 'kopie.eml'), file(HTML_EML)]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().logged.map((l: { index: number }) => l.index)).toEqual([0, 2]);
    expect(first.json().duplicates).toEqual([{ index: 1, interactionId: first.json().logged[0].interactionId }]);
    expect(emailEntries(t)).toHaveLength(2);

    const preview = await send('/api/mail-imports/preview', [file(EML, 'nochmal.eml'), file(HTML_EML)]);
    expect(preview.json().mails.map((m: { alreadyLogged: unknown }) => m.alreadyLogged)).toEqual(
      first.json().logged.map((l: { interactionId: number }) => ({ interactionId: l.interactionId })),
    );
    // The HTML mail has no Message-ID: sender, date and subject identify it.
    const again = await send('/api/mail-imports/commit', [file(EML, 'nochmal.eml'), file(HTML_EML)]);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().logged).toEqual([]);
    expect(again.json().duplicates).toHaveLength(2);
    expect(emailEntries(t)).toHaveLength(2);
  });

  it('dropped on a person or organisation: links that one too', async () => {
    const { t, send, firm } = await setup();
    const other = createPerson(t.db, { firstName: 'Ines', lastName: 'Zeidler' });
    const onPerson = await send('/api/mail-imports/commit', [
      file(MSG),
      { field: 'personId', value: String(other.id) },
    ]);
    expect(onPerson.statusCode, onPerson.body).toBe(200);
    expect(linkedPersons(t, onPerson.json().logged[0].interactionId)).toContain(other.id);

    const agency = createOrganization(t.db, { name: 'Landesentwicklungsgesellschaft' });
    const onOrg = await send('/api/mail-imports/commit', [
      file(EML),
      { field: 'organizationId', value: String(agency.id) },
    ]);
    expect(onOrg.statusCode, onOrg.body).toBe(200);
    const orgs = t.db
      .select()
      .from(interactionOrganizations)
      .where(eq(interactionOrganizations.interactionId, onOrg.json().logged[0].interactionId))
      .all();
    expect(orgs.map((o) => o.organizationId)).toEqual([agency.id]);
    expect(orgs.map((o) => o.organizationId)).not.toContain(firm.id);

    const gone = await send('/api/mail-imports/preview', [file(EML), { field: 'personId', value: '999999' }]);
    expect(gone.statusCode).toBe(404);
    const bad = await send('/api/mail-imports/preview', [file(EML), { field: 'organizationId', value: 'abc' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('organizationId');
  });

  it('a mail of nobody known, dropped on the contact log, is refused (422) until the person is created', async () => {
    const { t, send, manager } = await setup();
    const stranger = [
      'From: Fremde Person <fremd@nirgends.example>',
      'To: niemand@nirgends.example',
      'Subject: Anfrage',
      'Date: Mon, 02 Dec 2024 08:00:00 +0100',
      'Message-ID: <fremd-1@nirgends.example>',
      '',
      'Hallo',
    ].join('\r\n');
    const before = dbChecksum(t.db);
    const refused = await send('/api/mail-imports/commit', [file(EML), { name: 'fremd.eml', data: stranger }]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { field: 'files.1', message: 'fremd.eml: keine bekannte Person unter den Adressen' },
    ]);
    expect(dbChecksum(t.db)).toBe(before);

    const preview = await send('/api/mail-imports/preview', [{ name: 'fremd.eml', data: stranger }]);
    expect(preview.json().mails[0].linkable).toBe(false);
    expect(preview.json().unknown).toEqual([
      { address: 'fremd@nirgends.example', name: 'Fremde Person' },
      { address: 'niemand@nirgends.example', name: null },
    ]);
    // "anlegen": the person is created with the address, and the mail now matches.
    const created = await t.post(manager.token, '/api/persons', {
      firstName: 'Fremde',
      lastName: 'Person',
      email: 'fremd@nirgends.example',
    });
    expect(created.statusCode, created.body).toBe(201);
    const ok = await send('/api/mail-imports/commit', [{ name: 'fremd.eml', data: stranger }]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(linkedPersons(t, ok.json().logged[0].interactionId)).toEqual([created.json().id]);
  });

  it('an erased person’s address is not linked again, not offered for creation and not written into the entry', async () => {
    const { t, send, mira } = await setup();
    const admin = await t.login('admin');
    const erased = await t.post(admin.token, `/api/persons/${mira.id}/erase`, {});
    expect(erased.statusCode, erased.body).toBe(200);

    const preview = await send('/api/mail-imports/preview', [file(MSG)]);
    const [msg] = preview.json().mails;
    expect(msg.to).toEqual([{ address: '[gelöscht]', name: null, person: null, staff: false, suppressed: true }]);
    expect(JSON.stringify(preview.json())).not.toContain('quendelbrueck');
    expect(preview.json().unknown.map((u: { address: string }) => u.address)).toEqual(['kollegin@unbekannt.example']);

    const commit = await send('/api/mail-imports/commit', [file(MSG)]);
    expect(commit.statusCode, commit.body).toBe(200);
    const id = commit.json().logged[0].interactionId;
    expect(linkedPersons(t, id)).not.toContain(mira.id);
    const row = t.db.select().from(interactions).where(eq(interactions.id, id)).get();
    expect(row?.summary).toContain('An: [gelöscht]');
    expect(row?.summary).not.toContain('quendelbrueck');
  });

  it('refuses bad, unsupported and oversized files with a 4xx naming the file, and writes nothing', async () => {
    const { t, send } = await setup();
    const before = dbChecksum(t.db);
    const cases: { parts: Part[]; status: number; field: string; message: RegExp }[] = [
      {
        parts: [file(EML), { name: 'liste.csv', data: 'a;b\n1;2' }],
        status: 415,
        field: 'files.1',
        message: /liste\.csv: nur \.eml/,
      },
      { parts: [{ name: 'leer.eml', data: '' }], status: 422, field: 'files.0', message: /leer/ },
      {
        parts: [{ name: 'bild.eml', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) }],
        status: 422,
        field: 'files.0',
        message: /Binärdatei/,
      },
      {
        parts: [file(EML), { name: 'text.eml', data: 'Nur ein Satz ohne Kopfzeilen.' }],
        status: 422,
        field: 'files.1',
        message: /keine E-Mail/,
      },
      {
        parts: [{ name: 'falsch.msg', data: fixture(EML) }],
        status: 422,
        field: 'files.0',
        message: /keine Outlook-Nachricht/,
      },
      {
        parts: [{ name: 'kaputt.msg', data: fixture(MSG).subarray(0, 1500) }],
        status: 422,
        field: 'files.0',
        message: /falsch|beschädigt|keine/,
      },
      {
        parts: [{ name: 'gross.eml', data: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') }],
        status: 413,
        field: 'files.0',
        message: /größer als 10 MB/,
      },
    ];
    for (const c of cases) {
      for (const url of ['/api/mail-imports/preview', '/api/mail-imports/commit']) {
        const res = await send(url, c.parts);
        expect(res.statusCode, `${url} ${res.body}`).toBe(c.status);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json().errors[0].field).toBe(c.field);
        expect(res.json().errors[0].message).toMatch(c.message);
      }
    }
    const tooMany = await send(
      '/api/mail-imports/preview',
      Array.from({ length: 21 }, (_, i) => file(EML, `m${i}.eml`)),
    );
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().errors[0].field).toBe('files');
    const none = await send('/api/mail-imports/commit', [{ field: 'personId', value: '1' }]);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('files');
    const json = await (await setup()).t.app.inject({ method: 'POST', url: '/api/mail-imports/commit', payload: {} });
    expect(json.statusCode).toBe(401);
    expect(dbChecksum(t.db)).toBe(before);
    expect(emailEntries(t)).toEqual([]);
  });

  it('is for managers: a viewer may not drop mails, a JSON body is not an upload', async () => {
    const { t, send, manager } = await setup();
    const viewer = await t.login('viewer');
    expect((await send('/api/mail-imports/preview', [file(EML)], viewer.token)).statusCode).toBe(403);
    expect((await send('/api/mail-imports/commit', [file(EML)], viewer.token)).statusCode).toBe(403);
    const json = await t.post(manager.token, '/api/mail-imports/commit', { files: [] });
    expect(json.statusCode).toBe(415);
    expect(json.json().errors[0].field).toBe('files');
    expect(emailEntries(t)).toEqual([]);
  });
});
