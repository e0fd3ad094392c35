import type { Db } from '@anett/db/client';
import {
  affiliations,
  attendances,
  auditEntries,
  consents,
  eventSessions,
  interactionPersons,
  offices,
  persons,
  personTags,
  sessionAttendances,
} from '@anett/db/schema';
import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  countRows,
  expectRefused,
  expectSoftDelete,
  fields,
  type Json,
  managerApp,
  type TestApp,
} from '../support/app.ts';
import {
  createAffiliation,
  createAttendance,
  createConsent,
  createEvent,
  createInteraction,
  createOffice,
  createOrganization,
  createPerson,
  createTag,
} from '../support/factories.ts';

const personAudit = (db: Db) =>
  db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.entity, 'person')).get()?.n ?? 0;

async function create(t: TestApp, token: string, payload: Json) {
  return t.post(token, '/api/persons', payload);
}
async function list(t: TestApp, token: string, qs = '') {
  const res = await t.as(token, { method: 'GET', url: `/api/persons${qs ? `?${qs}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Json[]; total: number; page: number; pageSize: number };
}
const lastNames = (body: { items: Json[] }) => body.items.map((i) => i.lastName);
const patch = (t: TestApp, token: string, url: string, payload: Json, version?: number) =>
  t.as(token, { method: 'PATCH', url, payload, headers: version === undefined ? {} : { 'if-match': `"${version}"` } });

describe('POST /api/persons', () => {
  it('creates a person with affiliations, offices and tags, sends 201 with ETag and audits it', async () => {
    const { t, manager } = await managerApp();
    const org = createOrganization(t.db, {
      name: 'Landratsamt Schmalkalden-Meiningen',
      kind: 'authority',
      district: '16066',
    });
    const tag = createTag(t.db, { name: 'Politik' });
    const res = await create(t, manager, {
      salutation: 'frau',
      title: 'Dr.',
      firstName: 'Petra',
      lastName: 'Müller',
      email: 'Petra.Mueller@LRA-SM.example',
      phone: '03693 4850',
      tagIds: [tag.id],
      affiliations: [{ organizationId: org.id, function: 'Landrätin', isPrimary: true, fromDate: '2018-06-01' }],
      offices: [{ title: 'Landrätin', jurisdiction: 'Landkreis Schmalkalden-Meiningen', fromDate: '2018-06-01' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(res.headers.etag).toBe('"1"');
    expect(body).toMatchObject({
      version: 1,
      salutation: 'frau',
      title: 'Dr.',
      firstName: 'Petra',
      lastName: 'Müller',
      email: 'petra.mueller@lra-sm.example',
      tags: [{ id: tag.id, name: 'Politik' }],
      affiliations: [
        { organization: { id: org.id, name: org.name }, function: 'Landrätin', isPrimary: true, current: true },
      ],
      offices: [{ title: 'Landrätin', jurisdiction: 'Landkreis Schmalkalden-Meiningen', current: true }],
      consents: [],
      letterSalutation: 'Sehr geehrte Frau Landrätin,',
      deletedAt: null,
      mergedIntoId: null,
    });
    const audit = t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'person')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityId: body.id });
    expect((audit[0]?.diff as Json | undefined)?.lastName).toEqual([null, 'Müller']);
  });

  it('computes the letter salutation from title and name when no office is held now', async () => {
    const { t, manager } = await managerApp();
    const res = await create(t, manager, {
      salutation: 'herr',
      title: 'Prof. Dr.-Ing.',
      firstName: 'Klaus',
      lastName: 'Schmidt',
      offices: [{ title: 'Minister', fromDate: '2010-01-01', toDate: '2014-12-31' }],
    });
    expect(res.json().letterSalutation).toBe('Sehr geehrter Herr Prof. Dr. Schmidt,');
    expect(res.json().offices[0].current).toBe(false);
    const neutral = await create(t, manager, { firstName: 'Alex', lastName: 'Weber' });
    expect(neutral.json().letterSalutation).toBe('Guten Tag Alex Weber,');
  });

  it('answers 409 DUPLICATE_CANDIDATES for the same e-mail (any case) and writes nothing', async () => {
    const { t, manager } = await managerApp();
    const org = createOrganization(t.db, { name: 'Boreas GmbH' });
    const existing = createPerson(t.db, { firstName: 'Jana', lastName: 'Krause', email: 'jana.krause@boreas.example' });
    createAffiliation(t.db, { personId: existing.id, organizationId: org.id, isPrimary: true });
    const before = countRows(t.db, persons);
    const res = await create(t, manager, {
      firstName: 'J.',
      lastName: 'Krause-Otto',
      email: 'JANA.Krause@Boreas.example',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE_CANDIDATES');
    expect(res.json().data.candidates).toEqual([
      {
        id: existing.id,
        name: 'Jana Krause',
        email: 'jana.krause@boreas.example',
        organization: { id: org.id, name: 'Boreas GmbH' },
        reason: 'email',
      },
    ]);
    expect(countRows(t.db, persons)).toBe(before);
    expect(personAudit(t.db)).toBe(0);

    const confirmed = await create(t, manager, {
      firstName: 'J.',
      lastName: 'Krause-Otto',
      email: 'jana.krause@boreas.example',
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it.each([
    ['Müller', 'Mueller'],
    ['Jürgen', 'Juergen'],
    ['Dr. Anna', 'Anna'],
    ['Weiß', 'Weiss'],
  ])('finds a duplicate by normalised name (%s ~ %s)', async (a, b) => {
    const { t, manager } = await managerApp();
    const existing = createPerson(t.db, {
      firstName: a.includes('Anna') ? a : 'Sören',
      lastName: a.includes('Anna') ? 'Fuß' : a,
    });
    const res = await create(t, manager, {
      firstName: b.includes('Anna') ? b : 'Soeren',
      lastName: b.includes('Anna') ? 'Fuss' : b,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().data.candidates).toMatchObject([{ id: existing.id, reason: 'name' }]);
  });

  it('does not count different names, other e-mails or deleted persons as duplicates', async () => {
    const { t, manager } = await managerApp();
    createPerson(t.db, { firstName: 'Anna', lastName: 'Müller', email: 'anna@a.example' });
    createPerson(t.db, { firstName: 'Lena', lastName: 'Braun', deletedAt: '2024-01-01T00:00:00.000Z' });
    expect(
      (await create(t, manager, { firstName: 'Anne', lastName: 'Müller', email: 'anne@a.example' })).statusCode,
    ).toBe(201);
    expect((await create(t, manager, { firstName: 'Anna', lastName: 'Möller' })).statusCode).toBe(201);
    expect((await create(t, manager, { firstName: 'Lena', lastName: 'Braun' })).statusCode).toBe(201);
  });

  it.each([
    ['oversized first name', { firstName: 'x'.repeat(101), lastName: 'A' }, 'firstName'],
    ['oversized title', { firstName: 'A', lastName: 'B', title: 'Dr. '.repeat(20) }, 'title'],
    ['missing last name', { firstName: 'A' }, 'lastName'],
    ['blank last name', { firstName: 'A', lastName: '   ' }, 'lastName'],
    ['wrong type', { firstName: 42, lastName: 'B' }, 'firstName'],
    ['bad salutation', { firstName: 'A', lastName: 'B', salutation: 'divers' }, 'salutation'],
    ['bad e-mail', { firstName: 'A', lastName: 'B', email: 'not-an-address' }, 'email'],
    [
      'malformed date',
      { firstName: 'A', lastName: 'B', affiliations: [{ organizationId: 1, fromDate: '01.02.2024' }] },
      'affiliations.0.fromDate',
    ],
    [
      'impossible date',
      { firstName: 'A', lastName: 'B', offices: [{ title: 'Bürgermeister', toDate: '2024-02-30' }] },
      'offices.0.toDate',
    ],
    [
      'end before start',
      {
        firstName: 'A',
        lastName: 'B',
        offices: [{ title: 'Bürgermeister', fromDate: '2024-02-01', toDate: '2023-01-01' }],
      },
      'offices.0.toDate',
    ],
    [
      'unknown organisation',
      { firstName: 'A', lastName: 'B', affiliations: [{ organizationId: 9999 }] },
      'affiliations.0.organizationId',
    ],
    ['unknown tag', { firstName: 'A', lastName: 'B', tagIds: [9999] }, 'tagIds'],
    [
      'two primaries',
      {
        firstName: 'A',
        lastName: 'B',
        affiliations: [
          { organizationId: 1, isPrimary: true },
          { organizationId: 1, isPrimary: true },
        ],
      },
      'affiliations',
    ],
  ])('answers 400 naming the field for %s and writes nothing', async (_, payload, field) => {
    const { t, manager } = await managerApp();
    createOrganization(t.db, { name: 'Org Eins GmbH' });
    const res = await create(t, manager, payload);
    expectRefused(res, field);
    expect(countRows(t.db, persons)).toBe(0);
    expect(countRows(t.db, affiliations)).toBe(0);
    expect(personAudit(t.db)).toBe(0);
  });
});

describe('GET /api/persons', () => {
  it('pages and sorts, and lists the current primary organisation with function and district', async () => {
    const { t, viewer } = await managerApp();
    const sm = createOrganization(t.db, { name: 'Zulieferer Rohr GmbH', district: '16066' });
    const old = createOrganization(t.db, { name: 'Alte Firma AG', district: '16051' });
    const other = createOrganization(t.db, { name: 'Beta Werke GmbH', district: '16067' });
    const a = createPerson(t.db, { firstName: 'Anna', lastName: 'Arndt', email: 'z@x.example' });
    const b = createPerson(t.db, { firstName: 'Bert', lastName: 'Bach', email: 'a@x.example' });
    const c = createPerson(t.db, { firstName: 'Carl', lastName: 'Cramer' });
    createAffiliation(t.db, {
      personId: a.id,
      organizationId: old.id,
      function: 'Einkauf',
      isPrimary: true,
      toDate: '2020-12-31',
    });
    createAffiliation(t.db, {
      personId: a.id,
      organizationId: sm.id,
      function: 'Geschäftsführerin',
      fromDate: '2021-01-01',
    });
    createAffiliation(t.db, { personId: b.id, organizationId: other.id, function: 'Leitung', isPrimary: true });
    createAffiliation(t.db, { personId: b.id, organizationId: sm.id, function: 'Beirat' });

    const all = await list(t, viewer);
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(lastNames(all)).toEqual(['Arndt', 'Bach', 'Cramer']);
    expect(all.items[0]).toMatchObject({
      id: a.id,
      version: 1,
      organization: { id: sm.id, name: 'Zulieferer Rohr GmbH' },
      function: 'Geschäftsführerin',
      district: '16066',
      tags: [],
    });
    expect(all.items[1]).toMatchObject({ organization: { id: other.id }, function: 'Leitung', district: '16067' });
    expect(all.items[2]).toMatchObject({ organization: null, function: null, district: null });

    expect(lastNames(await list(t, viewer, 'sort=-lastName'))).toEqual(['Cramer', 'Bach', 'Arndt']);
    expect(lastNames(await list(t, viewer, 'sort=email'))).toEqual(['Cramer', 'Bach', 'Arndt']);
    expect(lastNames(await list(t, viewer, 'sort=organization'))).toEqual(['Bach', 'Arndt', 'Cramer']);
    expect(lastNames(await list(t, viewer, 'sort=-organization'))).toEqual(['Arndt', 'Bach', 'Cramer']);
    const page2 = await list(t, viewer, 'pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(lastNames(page2)).toEqual(['Cramer']);
    void c;
  });

  it('sorts names in German order: case ignored, umlauts among their base letters, then by first name', async () => {
    const { t, viewer } = await managerApp();
    for (const [firstName, lastName] of [
      ['Zoe', 'Zander'],
      ['Emre', 'Özdemir'],
      ['Jan', 'von Weber'],
      ['Anna', 'Adler'],
      ['Ute', 'Ölschläger'],
      ['Bernd', 'Osterloh'],
      ['Carla', 'Müller'],
      ['Anton', 'Müller'],
      ['Max', 'Mueller'],
    ]) {
      createPerson(t.db, { firstName: firstName as string, lastName: lastName as string });
    }
    const names = (page: { items: Json[] }) => page.items.map((p) => `${p.firstName} ${p.lastName}`);
    const expected = [
      'Anna Adler',
      'Max Mueller',
      'Anton Müller',
      'Carla Müller',
      'Ute Ölschläger',
      'Bernd Osterloh',
      'Emre Özdemir',
      'Jan von Weber',
      'Zoe Zander',
    ];
    expect(names(await list(t, viewer, 'sort=lastName'))).toEqual(expected);
    expect(names(await list(t, viewer, 'sort=-lastName'))).toEqual([...expected].reverse());
    expect(names(await list(t, viewer, 'sort=firstName')).slice(0, 3)).toEqual([
      'Anna Adler',
      'Anton Müller',
      'Bernd Osterloh',
    ]);
  });

  it('searches accent- and case-insensitively with prefixes: mueller/muller find Müller, sommerda and Sömm find Sömmerda', async () => {
    const { t, viewer } = await managerApp();
    const soemmerda = createOrganization(t.db, {
      name: 'Kunststofftechnik Thüringen GmbH',
      city: 'Sömmerda',
      district: '16068',
    });
    const mueller = createPerson(t.db, { firstName: 'Jürgen', lastName: 'Müller', email: 'j.mueller@example.org' });
    const worker = createPerson(t.db, { firstName: 'Heike', lastName: 'Lange' });
    createAffiliation(t.db, { personId: worker.id, organizationId: soemmerda.id });
    createPerson(t.db, { firstName: 'Uwe', lastName: 'Schulz' });

    for (const q of ['mueller', 'muller', 'Müller', 'MÜLL', 'jurgen mul']) {
      expect(lastNames(await list(t, viewer, `q=${encodeURIComponent(q)}`)), q).toEqual(['Müller']);
    }
    for (const q of ['sommerda', 'soemmerda', 'Sömm', 'SÖMMERDA', 'kunststoff']) {
      expect(lastNames(await list(t, viewer, `q=${encodeURIComponent(q)}`)), q).toEqual(['Lange']);
    }
    expect((await list(t, viewer, 'q=niemand')).total).toBe(0);
    expect((await list(t, viewer, `q=${encodeURIComponent('"*()')}`)).total).toBe(3);
    void mueller;
  });

  it('explains bad input in German, or in English when the client asks for it', async () => {
    const { t, viewer, manager } = await managerApp();
    const body = { firstName: 'Anna', lastName: 42, email: 'kein-at' };
    const de = await t.post(manager, '/api/persons', body);
    const en = await t.as(manager, {
      method: 'POST',
      url: '/api/persons',
      payload: body,
      headers: { 'accept-language': 'en' },
    });
    for (const res of [de, en]) {
      expect(res.statusCode).toBe(400);
      expect(fields(res).sort()).toEqual(['email', 'lastName']);
    }
    const message = (res: typeof de, field: string) =>
      res.json().errors.find((e: { field: string }) => e.field === field)?.message;
    expect(message(de, 'email')).toMatch(/E-Mail/);
    expect(message(en, 'email')).toBe('Invalid email address');
    expect(message(en, 'lastName')).toBe('Invalid input: expected string, received number');
    const query = await t.as(viewer, {
      method: 'GET',
      url: '/api/persons?pageSize=501',
      headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
    });
    expect(query.json().errors).toEqual([{ field: 'pageSize', message: 'Too big: expected number to be <=500' }]);
    expect(t.db.select().from(persons).all()).toHaveLength(0);
  });

  it('answers 400 naming the parameter for bad query input', async () => {
    const { t, viewer } = await managerApp();
    for (const [qs, field] of [
      ['sector=99.99', 'sector'],
      ['sector=29&sector=2', 'sector'],
      ['attendedFrom=2024-13-01', 'attendedFrom'],
      ['attendedTo=gestern', 'attendedTo'],
      ['attendedFrom=2024-05-01&attendedTo=2024-01-01', 'attendedTo'],
      ['district=Gotha', 'district'],
      ['sort=password', 'sort'],
      ['pageSize=501', 'pageSize'],
      ['page=0', 'page'],
      ['organizationId=abc', 'organizationId'],
      ['hasEmail=vielleicht', 'hasEmail'],
      ['attendanceStatus=dabei', 'attendanceStatus'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const res = await t.as(viewer, { method: 'GET', url: `/api/persons?${qs}` });
      expect(res.statusCode, qs).toBe(400);
      expect(
        fields(res).some((f: string) => f === field || f.startsWith(`${field}.`)),
        `${qs}: ${fields(res)}`,
      ).toBe(true);
    }
  });
});

describe('GET /api/persons/:id', () => {
  it('sends the detail with ETag, past affiliations and the latest consent per channel', async () => {
    const { t, viewer } = await managerApp();
    const org = createOrganization(t.db, { name: 'Boreas GmbH' });
    const former = createOrganization(t.db, { name: 'Früher AG' });
    const p = createPerson(t.db, { firstName: 'Ines', lastName: 'Jäger', email: 'ines@boreas.example' });
    createAffiliation(t.db, {
      personId: p.id,
      organizationId: former.id,
      function: 'Azubi',
      fromDate: '2010-01-01',
      toDate: '2013-12-31',
    });
    createAffiliation(t.db, {
      personId: p.id,
      organizationId: org.id,
      function: 'Ausbildungsleiterin',
      isPrimary: true,
      fromDate: '2014-01-01',
    });
    createConsent(t.db, {
      personId: p.id,
      channel: 'email_newsletter',
      status: 'granted',
      recordedAt: '2023-01-01T00:00:00.000Z',
    });
    createConsent(t.db, {
      personId: p.id,
      channel: 'email_newsletter',
      status: 'withdrawn',
      source: 'phone',
      recordedAt: '2024-01-01T00:00:00.000Z',
    });
    createConsent(t.db, { personId: p.id, channel: 'post', status: 'granted', recordedAt: '2022-01-01T00:00:00.000Z' });

    const res = await t.as(viewer, { method: 'GET', url: `/api/persons/${p.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const body = res.json();
    expect(body.affiliations.map((a: Json) => [a.organization.name, a.current])).toEqual([
      ['Boreas GmbH', true],
      ['Früher AG', false],
    ]);
    expect(body.consents).toEqual([
      {
        channel: 'email_newsletter',
        status: 'withdrawn',
        source: 'phone',
        legalBasis: null,
        recordedAt: '2024-01-01T00:00:00.000Z',
      },
      {
        channel: 'post',
        status: 'granted',
        source: 'web_form',
        legalBasis: null,
        recordedAt: '2022-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('answers 404 for unknown ids and 400 for malformed ones on every person route', async () => {
    const { t, manager } = await managerApp();
    const h = { 'if-match': '"1"' };
    for (const [method, url, payload] of [
      ['GET', '/api/persons/999', undefined],
      ['PATCH', '/api/persons/999', { firstName: 'X' }],
      ['DELETE', '/api/persons/999', undefined],
      ['POST', '/api/persons/999/restore', undefined],
      ['GET', '/api/persons/999/history', undefined],
      ['POST', '/api/persons/999/merge', { sourceId: 1 }],
      ['POST', '/api/persons/999/affiliations', { organizationId: 1 }],
      ['POST', '/api/persons/999/offices', { title: 'Landrat' }],
    ] as const) {
      const res = await t.as(manager, { method, url, payload, headers: h });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('PERSON_NOT_FOUND');
    }
    const p = createPerson(t.db, { lastName: 'Da' });
    for (const url of [`/api/persons/${p.id}/affiliations/999`, `/api/persons/${p.id}/offices/999`]) {
      expect((await t.as(manager, { method: 'PATCH', url, payload: {}, headers: h })).statusCode).toBe(404);
      expect((await t.as(manager, { method: 'DELETE', url, headers: h })).statusCode).toBe(404);
    }
    expect((await t.as(manager, { method: 'GET', url: '/api/persons/abc' })).statusCode).toBe(400);
    expect((await t.as(manager, { method: 'GET', url: '/api/persons/-1' })).statusCode).toBe(400);
  });
});

describe('PATCH /api/persons/:id', () => {
  it('needs If-Match: 428 without, 412 with a stale version carrying the current record, nothing overwritten', async () => {
    const { t, manager } = await managerApp();
    const p = createPerson(t.db, { firstName: 'Anna', lastName: 'Schmidt' });
    const url = `/api/persons/${p.id}`;
    const missing = await patch(t, manager, url, { firstName: 'Anne' });
    expect(missing.statusCode).toBe(428);

    const first = await patch(t, manager, url, { phone: '0361 1' }, 1);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({ version: 2, phone: '0361 1' });

    const stale = await patch(t, manager, url, { firstName: 'Anne' }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(stale.json().data.current).toMatchObject({ id: p.id, version: 2, firstName: 'Anna', phone: '0361 1' });
    expect(t.db.select().from(persons).where(eq(persons.id, p.id)).get()).toMatchObject({
      firstName: 'Anna',
      version: 2,
    });

    const bad = await t.patch(manager, url, { firstName: 'X' }, 'latest');
    expect(bad.statusCode).toBe(400);
  });

  it('changes fields, replaces tags, recomputes the name key and records the diff', async () => {
    const { t, manager } = await managerApp();
    const a = createTag(t.db, { name: 'Alt' });
    const b = createTag(t.db, { name: 'Neu' });
    const p = createPerson(t.db, { firstName: 'Anna', lastName: 'Schmidt', tagIds: [a.id] });
    const res = await patch(
      t,
      manager,
      `/api/persons/${p.id}`,
      { lastName: 'Schröder', email: 'Anna@S.example', tagIds: [b.id] },
      1,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      lastName: 'Schröder',
      email: 'anna@s.example',
      tags: [{ id: b.id, name: 'Neu' }],
    });
    expect(t.db.select().from(persons).where(eq(persons.id, p.id)).get()?.nameKey).toBe('anna schroeder');
    const entry = t.db.select().from(auditEntries).where(eq(auditEntries.action, 'update')).get();
    expect(entry?.diff).toEqual({
      lastName: ['Schmidt', 'Schröder'],
      email: [null, 'anna@s.example'],
      tagIds: [[a.id], [b.id]],
    });
    expect((await list(t, manager, 'q=schroder')).total).toBe(1);
  });

  it('warns about duplicates when the e-mail or name changes to another person’s, but not for other edits', async () => {
    const { t, manager } = await managerApp();
    const other = createPerson(t.db, { firstName: 'Lea', lastName: 'Koch', email: 'lea@koch.example' });
    const twin = createPerson(t.db, { firstName: 'Lea', lastName: 'Koch' });
    const res = await patch(t, manager, `/api/persons/${twin.id}`, { email: 'LEA@koch.example' }, 1);
    expect(res.statusCode).toBe(409);
    expect(res.json().data.candidates.map((c: Json) => c.id)).toEqual([other.id]);
    const unrelated = await patch(t, manager, `/api/persons/${twin.id}`, { phone: '123' }, 1);
    expect(unrelated.statusCode).toBe(200);
    const confirmed = await patch(
      t,
      manager,
      `/api/persons/${twin.id}`,
      { email: 'lea@koch.example', confirmDuplicate: true },
      2,
    );
    expect(confirmed.statusCode).toBe(200);
  });

  it('rejects unknown fields, oversized text and unknown tags with 400 and changes nothing', async () => {
    const { t, manager } = await managerApp();
    const p = createPerson(t.db, { firstName: 'Anna', lastName: 'Schmidt' });
    for (const [payload, field] of [
      [{ notes: 'x'.repeat(10_001) }, 'notes'],
      [{ lastName: '' }, 'lastName'],
      [{ tagIds: [12345] }, 'tagIds'],
      [{ tagIds: 'eins' }, 'tagIds'],
    ] as const) {
      const res = await patch(t, manager, `/api/persons/${p.id}`, payload, 1);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res)).toContain(field);
    }
    const unknownKey = await patch(t, manager, `/api/persons/${p.id}`, { nameKey: 'hack' }, 1);
    expect(unknownKey.statusCode).toBe(400);
    expect(t.db.select().from(persons).where(eq(persons.id, p.id)).get()).toMatchObject({
      version: 1,
      lastName: 'Schmidt',
    });
    expect(personAudit(t.db)).toBe(0);
  });
});

describe('soft delete, restore and history', () => {
  it('deletes softly with If-Match, hides from the list, restores, and shows every step in the history', async () => {
    const { t, manager, viewer, managerId } = await managerApp();
    const p = createPerson(t.db, { firstName: 'Tom', lastName: 'Wolf' });
    const url = `/api/persons/${p.id}`;
    await expectSoftDelete(t, manager, url);
    expect(t.db.select().from(persons).where(eq(persons.id, p.id)).get()?.deletedAt).not.toBeNull();
    expect((await list(t, viewer)).total).toBe(0);
    expect(lastNames(await list(t, viewer, 'deleted=true'))).toEqual(['Wolf']);
    expect((await t.as(viewer, { method: 'GET', url })).json().deletedAt).not.toBeNull();
    expect((await patch(t, manager, url, { firstName: 'Tim' }, 2)).statusCode).toBe(409);
    expect((await t.as(manager, { method: 'DELETE', url, headers: { 'if-match': '"2"' } })).statusCode).toBe(409);

    const restored = await t.post(manager, `${url}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect((await t.post(manager, `${url}/restore`)).statusCode).toBe(409);
    expect((await patch(t, manager, url, { firstName: 'Tim' }, 3)).statusCode).toBe(200);

    const history = await t.as(viewer, { method: 'GET', url: `${url}/history` });
    expect(history.statusCode).toBe(200);
    const items = history.json().items as Json[];
    expect(items.map((i) => i.action)).toEqual(['update', 'restore', 'delete']);
    expect(items[0]).toMatchObject({
      user: { id: managerId, name: expect.any(String) },
      entityId: p.id,
      at: expect.any(String),
      changes: [{ field: 'firstName', before: 'Tom', after: 'Tim' }],
    });
  });

  it('restore checks an If-Match that is sent', async () => {
    const { t, manager } = await managerApp();
    const p = createPerson(t.db, { lastName: 'Weg', deletedAt: '2024-01-01T00:00:00.000Z' });
    const res = await t.as(manager, {
      method: 'POST',
      url: `/api/persons/${p.id}/restore`,
      headers: { 'if-match': '"5"' },
    });
    expect(res.statusCode).toBe(412);
    expect(t.db.select().from(persons).where(eq(persons.id, p.id)).get()?.deletedAt).not.toBeNull();
  });
});

describe('affiliations and offices', () => {
  it('adds, changes (If-Match on the affiliation) and removes affiliations; one primary at a time; all in the history', async () => {
    const { t, manager, viewer } = await managerApp();
    const a = createOrganization(t.db, { name: 'Erste GmbH' });
    const b = createOrganization(t.db, { name: 'Zweite AG' });
    const p = createPerson(t.db, { lastName: 'Berger' });
    const first = createAffiliation(t.db, { personId: p.id, organizationId: a.id, isPrimary: true });
    const base = `/api/persons/${p.id}/affiliations`;

    const added = await t.post(manager, base, {
      organizationId: b.id,
      function: 'CTO',
      isPrimary: true,
      fromDate: '2024-01-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.headers.etag).toBe('"1"');
    expect(added.json()).toMatchObject({
      organization: { id: b.id, name: 'Zweite AG' },
      function: 'CTO',
      isPrimary: true,
      current: true,
    });
    expect(t.db.select().from(affiliations).where(eq(affiliations.id, first.id)).get()).toMatchObject({
      isPrimary: false,
      version: 2,
    });
    const id = added.json().id;

    expect((await patch(t, manager, `${base}/${id}`, { function: 'CEO' })).statusCode).toBe(428);
    expect((await patch(t, manager, `${base}/${id}`, { function: 'CEO' }, 9)).statusCode).toBe(412);
    const ended = await patch(t, manager, `${base}/${id}`, { toDate: '2023-12-31' }, 1);
    expect(ended.statusCode).toBe(400);
    expect(fields(ended)).toEqual(['toDate']);
    const changed = await patch(t, manager, `${base}/${id}`, { function: 'CEO', toDate: '2024-06-30' }, 1);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ function: 'CEO', toDate: '2024-06-30', current: false, version: 2 });
    const unknownOrg = await patch(t, manager, `${base}/${id}`, { organizationId: 999 }, 2);
    expect(fields(unknownOrg)).toEqual(['organizationId']);

    const other = createPerson(t.db, { lastName: 'Fremd' });
    expect(
      (await patch(t, manager, `/api/persons/${other.id}/affiliations/${id}`, { function: 'X' }, 2)).statusCode,
    ).toBe(404);

    expect(
      (await t.as(manager, { method: 'DELETE', url: `${base}/${id}`, headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(412);
    const removed = await t.as(manager, { method: 'DELETE', url: `${base}/${id}`, headers: { 'if-match': '"2"' } });
    expect(removed.statusCode).toBe(204);
    expect(t.db.select().from(affiliations).where(eq(affiliations.id, id)).get()).toBeUndefined();

    const history = (await t.as(viewer, { method: 'GET', url: `/api/persons/${p.id}/history` })).json().items as Json[];
    expect(history.map((h) => h.action)).toEqual(['affiliation_delete', 'affiliation_update', 'affiliation_create']);
    expect(history[1]).toMatchObject({
      details: { affiliationId: id },
      changes: expect.arrayContaining([{ field: 'affiliation.function', before: 'CTO', after: 'CEO' }]),
    });
  });

  it('manages offices; a current office drives the letter salutation', async () => {
    const { t, manager } = await managerApp();
    const p = createPerson(t.db, { salutation: 'herr', firstName: 'Peter', lastName: 'Heimrich' });
    const base = `/api/persons/${p.id}/offices`;
    const bad = await t.post(manager, base, { title: '', fromDate: 'bald' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(['fromDate', 'title']);

    const added = await t.post(manager, base, {
      title: 'Landrat',
      jurisdiction: 'Landkreis Schmalkalden-Meiningen',
      fromDate: '2018-01-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await t.as(manager, { method: 'GET', url: `/api/persons/${p.id}` })).json().letterSalutation).toBe(
      'Sehr geehrter Herr Landrat,',
    );

    const id = added.json().id;
    const ended = await patch(t, manager, `${base}/${id}`, { toDate: '2020-01-01' }, 1);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().current).toBe(false);
    expect((await t.as(manager, { method: 'GET', url: `/api/persons/${p.id}` })).json().letterSalutation).toBe(
      'Sehr geehrter Herr Heimrich,',
    );
    expect((await patch(t, manager, `${base}/${id}`, { fromDate: '2021-01-01' }, 2)).statusCode).toBe(400);

    const removed = await t.as(manager, { method: 'DELETE', url: `${base}/${id}`, headers: { 'if-match': '"2"' } });
    expect(removed.statusCode).toBe(204);
    expect(countRows(t.db, offices)).toBe(0);
  });
});

describe('duplicates list and merge', () => {
  it('lists groups sharing an e-mail or a normalised name (manager and up)', async () => {
    const { t, manager, viewer } = await managerApp();
    const a = createPerson(t.db, { firstName: 'Jörg', lastName: 'Weiß', email: 'joerg@a.example' });
    const b = createPerson(t.db, { firstName: 'Joerg', lastName: 'Weiss' });
    const c = createPerson(t.db, { firstName: 'Maik', lastName: 'Lehmann', email: 'JOERG@a.example' });
    createPerson(t.db, { firstName: 'Solo', lastName: 'Person' });
    createPerson(t.db, { firstName: 'Jörg', lastName: 'Weiß', deletedAt: '2024-01-01T00:00:00.000Z' });

    expect((await t.as(viewer, { method: 'GET', url: '/api/persons/duplicates' })).statusCode).toBe(403);
    const res = await t.as(manager, { method: 'GET', url: '/api/persons/duplicates' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, page: 1 });
    const groups = res.json().items as Json[];
    expect(groups.map((g) => [g.reason, g.key, g.persons.map((p: Json) => p.id)])).toEqual([
      ['email', 'joerg@a.example', [a.id, c.id]],
      ['name', 'joerg weiss', [a.id, b.id]],
    ]);
  });

  it('merges two persons in one transaction keeping every linked row, and audits both', async () => {
    const { t, manager, viewer } = await managerApp();
    const orgA = createOrganization(t.db, { name: 'Ziel GmbH' });
    const orgB = createOrganization(t.db, { name: 'Quelle AG' });
    const t1 = createTag(t.db, { name: 'T1' });
    const t2 = createTag(t.db, { name: 'T2' });
    const target = createPerson(t.db, { firstName: 'Jana', lastName: 'Krause', tagIds: [t1.id] });
    const source = createPerson(t.db, {
      salutation: 'frau',
      firstName: 'Jana',
      lastName: 'Krause',
      email: 'jana@quelle.example',
      notes: 'Kennt den Landrat',
      tagIds: [t1.id, t2.id],
    });
    createAffiliation(t.db, { personId: target.id, organizationId: orgA.id, isPrimary: true });
    const srcAff = createAffiliation(t.db, { personId: source.id, organizationId: orgB.id, isPrimary: true });
    const srcOffice = createOffice(t.db, { personId: source.id, title: 'Kreistagsmitglied' });
    const shared = createEvent(t.db, { title: 'Eröffnung Rohr' });
    const onlySource = createEvent(t.db, { title: 'Lehrgang', kind: 'course' });
    createAttendance(t.db, { eventId: shared.id, personId: target.id, status: 'registered' });
    const dropped = createAttendance(t.db, {
      eventId: shared.id,
      personId: source.id,
      status: 'attended',
      note: 'war da',
    });
    const movedAtt = createAttendance(t.db, { eventId: onlySource.id, personId: source.id, status: 'attended' });
    const session = t.db
      .insert(eventSessions)
      .values({ eventId: onlySource.id, startsAt: '2024-03-01T08:00:00.000Z', hours: 8 })
      .returning()
      .get();
    t.db
      .insert(sessionAttendances)
      .values({ sessionId: session.id, personId: source.id, hours: 8, createdAt: '2024-03-01T16:00:00.000Z' })
      .run();
    const both = createInteraction(t.db, { personIds: [target.id, source.id] });
    const mine = createInteraction(t.db, { personIds: [source.id] });
    createConsent(t.db, {
      personId: source.id,
      channel: 'email_newsletter',
      status: 'granted',
      recordedAt: '2023-05-01T10:00:00.000Z',
      evidence: 'Formular',
    });
    createConsent(t.db, {
      personId: target.id,
      channel: 'post',
      status: 'granted',
      recordedAt: '2024-05-01T10:00:00.000Z',
    });
    await patch(t, manager, `/api/persons/${source.id}`, { phone: '0361 42' }, 1);

    const url = `/api/persons/${target.id}/merge`;
    expect((await t.post(viewer, url, { sourceId: source.id })).statusCode).toBe(403);
    expect(
      (await t.as(manager, { method: 'POST', url, payload: { sourceId: source.id }, headers: { 'if-match': '"9"' } }))
        .statusCode,
    ).toBe(412);
    const res = await t.as(manager, {
      method: 'POST',
      url,
      payload: { sourceId: source.id },
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: target.id,
      version: 2,
      salutation: 'frau',
      email: 'jana@quelle.example',
      phone: '0361 42',
      notes: 'Kennt den Landrat',
    });
    expect(body.tags.map((x: Json) => x.name)).toEqual(['T1', 'T2']);
    expect(body.affiliations.map((a: Json) => [a.organization.name, a.isPrimary])).toEqual([
      ['Ziel GmbH', true],
      ['Quelle AG', false],
    ]);
    expect(body.offices.map((o: Json) => o.title)).toEqual(['Kreistagsmitglied']);
    expect(body.consents.map((c: Json) => [c.channel, c.status])).toEqual([
      ['email_newsletter', 'granted'],
      ['post', 'granted'],
    ]);

    // database rows
    expect(t.db.select().from(affiliations).where(eq(affiliations.id, srcAff.id)).get()?.personId).toBe(target.id);
    expect(t.db.select().from(offices).where(eq(offices.id, srcOffice.id)).get()?.personId).toBe(target.id);
    expect(t.db.select().from(personTags).where(eq(personTags.personId, source.id)).all()).toEqual([]);
    expect(t.db.select().from(personTags).where(eq(personTags.personId, target.id)).all()).toHaveLength(2);
    const atts = t.db.select().from(attendances).orderBy(asc(attendances.id)).all();
    expect(atts.map((a) => [a.eventId, a.personId, a.status])).toEqual([
      [shared.id, target.id, 'registered'],
      [onlySource.id, target.id, 'attended'],
    ]);
    expect(atts[1]?.id).toBe(movedAtt.id);
    expect(t.db.select().from(sessionAttendances).all()).toMatchObject([
      { sessionId: session.id, personId: target.id, hours: 8 },
    ]);
    const links = t.db.select().from(interactionPersons).orderBy(asc(interactionPersons.interactionId)).all();
    expect(links).toEqual([
      { interactionId: both.id, personId: target.id },
      { interactionId: mine.id, personId: target.id },
    ]);
    const ledger = t.db.select().from(consents).orderBy(asc(consents.id)).all();
    expect(ledger).toHaveLength(3);
    expect(ledger.filter((c) => c.personId === source.id)).toHaveLength(1);
    expect(ledger[2]).toMatchObject({
      personId: target.id,
      channel: 'email_newsletter',
      status: 'granted',
      recordedAt: '2023-05-01T10:00:00.000Z',
      evidence: 'Formular',
    });
    const src = t.db.select().from(persons).where(eq(persons.id, source.id)).get();
    expect(src).toMatchObject({ mergedIntoId: target.id, deletedAt: expect.any(String) });

    // audit on both; the dropped attendance is kept in the target's entry; history shows the source's past
    const merge = t.db.select().from(auditEntries).where(eq(auditEntries.action, 'merge')).get();
    expect(merge?.entityId).toBe(target.id);
    const diff = merge?.diff as Json;
    expect(diff.email).toEqual([null, 'jana@quelle.example']);
    expect(diff.merge.moved).toMatchObject({
      affiliations: 1,
      offices: 1,
      tags: 1,
      attendances: 1,
      sessionAttendances: 1,
      interactions: 1,
      consents: 1,
    });
    expect(diff.merge.droppedAttendances).toMatchObject([
      { id: dropped.id, eventId: shared.id, status: 'attended', note: 'war da' },
    ]);
    expect(t.db.select().from(auditEntries).where(eq(auditEntries.action, 'merged_into')).get()?.entityId).toBe(
      source.id,
    );
    const history = (await t.as(viewer, { method: 'GET', url: `/api/persons/${target.id}/history` })).json()
      .items as Json[];
    expect(history.map((h) => [h.action, h.entityId])).toEqual([
      ['merged_into', source.id],
      ['merge', target.id],
      ['update', source.id],
    ]);

    // the merged person is gone from lists and cannot be restored or merged again
    expect((await list(t, viewer)).items.map((i) => i.id)).toEqual([target.id]);
    expect((await t.post(manager, `/api/persons/${source.id}/restore`)).json().code).toBe('PERSON_MERGED');
    expect((await t.post(manager, url, { sourceId: source.id })).statusCode).toBe(409);
  });

  it('refuses to merge a person into itself or an unknown one (400 naming sourceId) and writes nothing', async () => {
    const { t, manager } = await managerApp();
    const p = createPerson(t.db, { lastName: 'Eins' });
    for (const sourceId of [p.id, 999]) {
      const res = await t.post(manager, `/api/persons/${p.id}/merge`, { sourceId });
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(['sourceId']);
    }
    const wrongType = await t.post(manager, `/api/persons/${p.id}/merge`, { sourceId: 'zwei' });
    expect(fields(wrongType)).toEqual(['sourceId']);
    expect(personAudit(t.db)).toBe(0);
    expect(t.db.select().from(persons).where(eq(persons.id, p.id)).get()?.version).toBe(1);
  });
});

describe('roles', () => {
  it('lets viewers read but answers 403 on every person write route, writing nothing', async () => {
    const { t, viewer } = await managerApp();
    const p = createPerson(t.db, { lastName: 'Lesbar' });
    const writes = t.app.routeAccess.filter((r) => r.url.startsWith('/api/persons') && r.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(11);
    for (const route of writes) {
      const url = route.url.replace(':id', String(p.id)).replace(/:[A-Za-z]+/g, '1');
      const res = await t.as(viewer, {
        method: route.method as 'POST',
        url,
        payload:
          route.method === 'DELETE'
            ? undefined
            : { firstName: 'X', lastName: 'Y', sourceId: 1, organizationId: 1, title: 'X' },
        headers: { 'if-match': '"1"' },
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    expect(countRows(t.db, persons)).toBe(1);
    expect(personAudit(t.db)).toBe(0);
    expect((await t.as(viewer, { method: 'GET', url: `/api/persons/${p.id}` })).statusCode).toBe(200);
    expect((await t.as(viewer, { method: 'GET', url: `/api/persons/${p.id}/history` })).statusCode).toBe(200);
  });
});
