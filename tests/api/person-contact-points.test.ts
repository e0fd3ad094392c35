import { auditEntries, personContactPoints, persons } from '@anett/db/schema';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type Call, type Json, managerApp, type TestApp } from '../support/app.ts';
import { createConsent, createPerson, createTag } from '../support/factories.ts';

/** A merge loses nothing a user still needs: additional e-mail addresses and phone numbers (issue 11, item 5). */

const pointsOf = (t: TestApp, personId: number) =>
  t.db
    .select()
    .from(personContactPoints)
    .where(eq(personContactPoints.personId, personId))
    .all()
    .map((c) => [c.kind, c.value]);
const search = async (call: Call, q: string) =>
  ((await call('GET', `/api/persons?q=${encodeURIComponent(q)}`)).json().items as Json[]).map((p) => p.id);

describe('merging two persons', () => {
  it('keeps the duplicate’s e-mail address and phone number as additional values on the merged person', async () => {
    const { t, call } = await managerApp();
    const target = createPerson(t.db, {
      firstName: 'Jana',
      lastName: 'Krause',
      email: 'jana.krause@zulieferer.example',
      phone: '03681 100',
    });
    const source = createPerson(t.db, {
      firstName: 'Jana',
      lastName: 'Krause',
      email: 'j.krause@privat.example',
      phone: '03681 200',
      mobile: '0171 300',
    });

    const res = await call('POST', `/api/persons/${target.id}/merge`, { sourceId: source.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      email: 'jana.krause@zulieferer.example',
      phone: '03681 100',
      mobile: '0171 300',
      contactPoints: [
        { kind: 'email', value: 'j.krause@privat.example', label: null, id: expect.any(Number), version: 1 },
        { kind: 'phone', value: '03681 200', label: null, id: expect.any(Number), version: 1 },
      ],
    });

    // Search finds the merged person by the second address; the merged-away row is not found.
    expect(await search(call, 'j.krause@privat.example')).toEqual([target.id]);
    expect(await search(call, 'privat.example')).toEqual([target.id]);

    const audit = t.db.select().from(auditEntries).where(eq(auditEntries.action, 'merge')).get()?.diff as Json;
    expect(audit.merge.additionalContactPoints).toEqual([
      { kind: 'email', value: 'j.krause@privat.example' },
      { kind: 'phone', value: '03681 200' },
    ]);
  });

  it('keeps per field the value the user chose; the main e-mail not chosen stays as an additional one', async () => {
    const { t, call } = await managerApp();
    const target = createPerson(t.db, {
      salutation: 'frau',
      title: null,
      firstName: 'Jana',
      lastName: 'Krause',
      email: 'alt@example.org',
    });
    const source = createPerson(t.db, {
      salutation: 'frau',
      title: 'Dr.',
      firstName: 'Janna',
      lastName: 'Krause-Lehmann',
      email: 'neu@example.org',
    });
    const bad = await call('POST', `/api/persons/${target.id}/merge`, {
      sourceId: source.id,
      keep: { email: 'beide' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('keep.email');
    const unknownField = await call('POST', `/api/persons/${target.id}/merge`, {
      sourceId: source.id,
      keep: { notes: 'source' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(t.db.select().from(persons).where(eq(persons.id, source.id)).get()?.mergedIntoId).toBeNull();

    const res = await call('POST', `/api/persons/${target.id}/merge`, {
      sourceId: source.id,
      keep: { lastName: 'source', email: 'source', firstName: 'target' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Dr.', // the target had none
      firstName: 'Jana',
      lastName: 'Krause-Lehmann',
      email: 'neu@example.org',
      contactPoints: [{ kind: 'email', value: 'alt@example.org' }],
    });
    const row = t.db.select().from(persons).where(eq(persons.id, target.id)).get();
    expect(row?.nameKey).toBe('jana krause lehmann');
    expect(await search(call, 'alt@example.org')).toEqual([target.id]);
  });

  it('moves the duplicate’s own additional values along and drops none twice', async () => {
    const { t, call } = await managerApp();
    const target = createPerson(t.db, { lastName: 'Ziel', email: 'ziel@example.org' });
    const source = createPerson(t.db, { lastName: 'Quelle', email: 'ziel@example.org' });
    const added = await call('POST', `/api/persons/${source.id}/contact-points`, {
      kind: 'mobile',
      value: '0172 555',
      label: 'privat',
    });
    expect(added.statusCode, added.body).toBe(201);
    await call('POST', `/api/persons/${source.id}/contact-points`, { kind: 'email', value: 'Quelle@Example.org' });
    await call('POST', `/api/persons/${target.id}/contact-points`, { kind: 'email', value: 'quelle@example.org' });

    const res = await call('POST', `/api/persons/${target.id}/merge`, { sourceId: source.id });
    expect(res.statusCode, res.body).toBe(200);
    // The same address on both records (main or additional) is kept once.
    expect(pointsOf(t, target.id).sort()).toEqual([
      ['email', 'quelle@example.org'],
      ['mobile', '0172 555'],
    ]);
    expect(pointsOf(t, source.id)).toEqual([]);
  });
});

describe('additional e-mail addresses and phone numbers', () => {
  it('are added, changed and removed on the person (If-Match, audited); e-mails must be addresses', async () => {
    const { t, manager, call, viewer } = await managerApp();
    const p = createPerson(t.db, { lastName: 'Kontakt', email: 'haupt@example.org', phone: '0361 1' });
    const base = `/api/persons/${p.id}/contact-points`;

    const created = await call('POST', base, { kind: 'email', value: ' Zweit@Example.org ', label: 'privat' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'email', value: 'zweit@example.org', label: 'privat', version: 1 });
    expect(created.headers.etag).toBe('"1"');

    const invalid = await call('POST', base, { kind: 'email', value: 'keine adresse' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('value');
    for (const value of ['haupt@example.org', 'ZWEIT@example.org']) {
      const twice = await call('POST', base, { kind: 'email', value });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().errors).toEqual([{ field: 'value', message: 'ist schon eingetragen' }]);
    }
    expect((await call('POST', base, { kind: 'mobile', value: '0361 1' })).statusCode).toBe(400);
    expect((await call('POST', base, { kind: 'fax', value: '0361 2' })).json().errors[0].field).toBe('kind');
    expect((await t.post(viewer, base, { kind: 'phone', value: '1' })).statusCode).toBe(403);

    const url = `${base}/${created.json().id}`;
    expect((await call('PATCH', url, { label: 'Büro' })).statusCode).toBe(428);
    expect((await t.patch(manager, url, { value: 'nicht gültig' }, '"1"')).json().errors[0].field).toBe('value');
    const changed = await t.patch(manager, url, { value: 'Dritt@example.org', label: 'Büro' }, '"1"');
    expect(changed.json()).toMatchObject({ value: 'dritt@example.org', label: 'Büro', version: 2 });
    expect((await t.patch(manager, url, { label: 'x' }, '"1"')).statusCode).toBe(412);
    expect(await search(call, 'dritt@example.org')).toEqual([p.id]);
    expect(await search(call, 'zweit@example.org')).toEqual([]);

    const detail = (await call('GET', `/api/persons/${p.id}`)).json();
    expect(detail.contactPoints).toEqual([expect.objectContaining({ value: 'dritt@example.org' })]);
    expect((await t.del(manager, url, '"1"')).statusCode).toBe(412);
    expect((await t.del(manager, url, '"2"')).statusCode).toBe(204);
    expect(await search(call, 'dritt@example.org')).toEqual([]);
    expect((await t.del(manager, url, '"2"')).statusCode).toBe(404);

    const actions = t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'person'), eq(auditEntries.entityId, p.id)))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(['contact_point_create', 'contact_point_update', 'contact_point_delete']);
    const other = createPerson(t.db);
    const foreign = `/api/persons/${other.id}/contact-points/${created.json().id}`;
    expect((await t.del(manager, foreign, '"2"')).statusCode).toBe(404);
  });

  it('count like the main e-mail for duplicate detection on create and in the duplicates list', async () => {
    const { t, manager, call } = await managerApp();
    const known = createPerson(t.db, { firstName: 'Karla', lastName: 'Kolb', email: 'k.kolb@firma.example' });
    await call('POST', `/api/persons/${known.id}/contact-points`, { kind: 'email', value: 'karla@privat.example' });

    const dup = await call('POST', '/api/persons', {
      firstName: 'Karl',
      lastName: 'Anders',
      email: 'KARLA@privat.example',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: 'DUPLICATE_CANDIDATES',
      data: { candidates: [{ id: known.id, reason: 'email' }] },
    });
    const other = createPerson(t.db, { firstName: 'Otto', lastName: 'Anders', email: 'otto@example.org' });
    const changing = await t.patch(manager, `/api/persons/${other.id}`, { email: 'karla@privat.example' }, '"1"');
    expect(changing.json().code).toBe('DUPLICATE_CANDIDATES');
    await call('POST', `/api/persons/${other.id}/contact-points`, { kind: 'email', value: 'k.kolb@firma.example' });

    const groups = (await call('GET', '/api/persons/duplicates')).json().items as Json[];
    expect(groups.map((g) => [g.reason, g.key, g.persons.map((p: Json) => p.id)])).toEqual([
      ['email', 'k.kolb@firma.example', [known.id, other.id]],
    ]);

    // Registering by a pasted list of addresses finds the person by an additional one too.
    const event = await call('POST', '/api/events', {
      title: 'Netzwerktreffen',
      kind: 'network_meeting',
      startsAt: '2024-06-01T09:00:00+02:00',
    });
    const added = await call('POST', `/api/events/${event.json().id}/attendances`, {
      emails: ['karla@privat.example'],
    });
    expect(added.json()).toMatchObject({ items: [{ personId: known.id }], unknownEmails: [] });
  });

  it('are in the vCard, while the mailing list writes the main address only', async () => {
    const { t, call } = await managerApp();
    const tag = createTag(t.db, { name: 'Verteiler' });
    const p = createPerson(t.db, {
      firstName: 'Vera',
      lastName: 'Vcard',
      email: 'vera@firma.example',
      phone: '0361 10',
      tagIds: [tag.id],
    });
    createConsent(t.db, { personId: p.id });
    await call('POST', `/api/persons/${p.id}/contact-points`, { kind: 'email', value: 'vera@privat.example' });
    await call('POST', `/api/persons/${p.id}/contact-points`, { kind: 'mobile', value: '0171 20' });

    const vcf = (await call('GET', `/api/exports/persons.vcf?tag=${tag.id}`)).body;
    const card = new ICAL.Component(ICAL.parse(vcf));
    expect(card.getAllProperties('email').map((e) => e.getFirstValue())).toEqual([
      'vera@firma.example',
      'vera@privat.example',
    ]);
    expect(card.getAllProperties('tel').map((e) => e.getFirstValue())).toEqual(['0361 10', '0171 20']);
    expect(card.getFirstProperty('email')?.getParameter('type')).toEqual(['INTERNET', 'WORK', 'PREF']);

    const csv = (await call('GET', `/api/exports/persons.csv?tag=${tag.id}`)).body;
    expect(csv).toContain('vera@firma.example');
    expect(csv).not.toContain('vera@privat.example');
  });
});
