import type { Db } from '@anett/db/client';
import {
  affiliations,
  attendances,
  auditEntries,
  interactionOrganizations,
  nodes,
  offices,
  organizationSectors,
  organizations,
  organizationTags,
  relations,
} from '@anett/db/schema';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectSoftDelete, fields, managerApp, type TestApp } from '../support/app.ts';
import {
  createAffiliation,
  createAttendance,
  createEvent,
  createInteraction,
  createNetwork,
  createNode,
  createOffice,
  createOrganization,
  createPerson,
  createRelation,
  createTag,
} from '../support/factories.ts';

type Item = { id: number; name: string; version: number; [k: string]: unknown };

async function list(t: TestApp, token: string, qs = '') {
  const res = await t.as(token, { method: 'GET', url: `/api/organizations${qs ? `?${qs}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
}
const names = (body: { items: Item[] }) => body.items.map((i) => i.name).sort();
const rowCount = (
  db: Db,
  table: typeof organizations | typeof organizationSectors | typeof organizationTags | typeof auditEntries,
) => db.select({ n: count() }).from(table).get()?.n ?? 0;

describe('GET /api/organizations filters', () => {
  it('matches sectors by WZ prefix: 29 finds 29, 29.1 and 29.32 but not 28.x; 29.3 only 29.3x; C the whole section', async () => {
    const { t, viewer } = await managerApp();
    createOrganization(t.db, { name: 'Karosserie AG', sectors: ['29.1'] });
    createOrganization(t.db, { name: 'Zulieferer GmbH', sectors: ['29.32'] });
    createOrganization(t.db, { name: 'Fahrzeugbau KG', sectors: ['29'] });
    createOrganization(t.db, { name: 'Maschinenbau GmbH', sectors: ['28.1', '28.11'] });
    createOrganization(t.db, { name: 'Beratung GmbH', sectors: ['70'] });
    createOrganization(t.db, { name: 'Ohne Branche e.V.' });

    expect(names(await list(t, viewer, 'sector=29'))).toEqual(['Fahrzeugbau KG', 'Karosserie AG', 'Zulieferer GmbH']);
    expect(names(await list(t, viewer, 'sector=29.3'))).toEqual(['Zulieferer GmbH']);
    expect(names(await list(t, viewer, 'sector=29.1'))).toEqual(['Karosserie AG']);
    expect(names(await list(t, viewer, 'sector=28.11'))).toEqual(['Maschinenbau GmbH']);
    expect(names(await list(t, viewer, 'sector=29&sector=28'))).toEqual([
      'Fahrzeugbau KG',
      'Karosserie AG',
      'Maschinenbau GmbH',
      'Zulieferer GmbH',
    ]);
    expect((await list(t, viewer, 'sector=C')).total).toBe(4);
    expect(names(await list(t, viewer, 'sector=M'))).toEqual(['Beratung GmbH']);
  });

  it.each(['2', '34', '29.99', 'XY'])('answers 400 naming sector for the unknown code %s', async (code) => {
    const { t, viewer } = await managerApp();
    const res = await t.as(viewer, { method: 'GET', url: `/api/organizations?sector=${code}` });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['sector']);
  });

  it('filters by kind, district and size class (OR within, AND across)', async () => {
    const { t, viewer } = await managerApp();
    createOrganization(t.db, { name: 'A', kind: 'company', district: '16066', sizeClass: 'small' });
    createOrganization(t.db, { name: 'B', kind: 'company', district: '16067', sizeClass: 'large' });
    createOrganization(t.db, { name: 'C', kind: 'chamber', district: '16066' });
    createOrganization(t.db, { name: 'D', kind: 'university', district: '16070' });

    expect(names(await list(t, viewer, 'kind=company'))).toEqual(['A', 'B']);
    expect(names(await list(t, viewer, 'kind=company&kind=chamber'))).toEqual(['A', 'B', 'C']);
    expect(names(await list(t, viewer, 'district=16066'))).toEqual(['A', 'C']);
    expect(names(await list(t, viewer, 'district=16066&district=16070'))).toEqual(['A', 'C', 'D']);
    expect(names(await list(t, viewer, 'sizeClass=large&sizeClass=small'))).toEqual(['A', 'B']);
    expect(names(await list(t, viewer, 'kind=company&district=16066'))).toEqual(['A']);
    expect(names(await list(t, viewer, 'kind=company&kind=chamber&district=16066&sizeClass=small'))).toEqual(['A']);
    expect((await list(t, viewer, 'kind=politics')).total).toBe(0);
  });

  it('filters by tag, node (related or host) and relation type', async () => {
    const { t, viewer } = await managerApp();
    const tagA = createTag(t.db, { name: 'Wasserstoff' });
    const tagB = createTag(t.db, { name: 'Pilotkurs' });
    const host = createOrganization(t.db, { name: 'BTZ Rohr', tagIds: [tagA.id] });
    const member = createOrganization(t.db, { name: 'Mitglied GmbH', tagIds: [tagA.id, tagB.id] });
    const partner = createOrganization(t.db, { name: 'LEG Thüringen', tagIds: [tagB.id] });
    createOrganization(t.db, { name: 'Unbeteiligt GmbH' });
    const anett = createNetwork(t.db, { name: 'ANeTT', isOwn: true });
    const rohr = createNode(t.db, { name: 'Rohr', district: '16066', hostOrganizationId: host.id });
    const gotha = createNode(t.db, { name: 'Gotha', district: '16067' });
    createRelation(t.db, { organizationId: member.id, nodeId: rohr.id, type: 'member' });
    createRelation(t.db, { organizationId: partner.id, networkId: anett.id, type: 'consortium_partner' });
    createRelation(t.db, { organizationId: partner.id, nodeId: gotha.id, type: 'cooperation_partner' });

    expect(names(await list(t, viewer, `tag=${tagA.id}`))).toEqual(['BTZ Rohr', 'Mitglied GmbH']);
    expect(names(await list(t, viewer, `tag=${tagA.id}&tag=${tagB.id}`))).toEqual([
      'BTZ Rohr',
      'LEG Thüringen',
      'Mitglied GmbH',
    ]);
    expect(names(await list(t, viewer, `nodeId=${rohr.id}`))).toEqual(['BTZ Rohr', 'Mitglied GmbH']);
    expect(names(await list(t, viewer, `nodeId=${rohr.id}&nodeId=${gotha.id}`))).toEqual([
      'BTZ Rohr',
      'LEG Thüringen',
      'Mitglied GmbH',
    ]);
    expect(names(await list(t, viewer, 'relationType=consortium_partner'))).toEqual(['LEG Thüringen']);
    expect(names(await list(t, viewer, 'relationType=node_host'))).toEqual(['BTZ Rohr']);
    expect(names(await list(t, viewer, 'relationType=member&relationType=node_host'))).toEqual([
      'BTZ Rohr',
      'Mitglied GmbH',
    ]);
    expect(names(await list(t, viewer, `nodeId=${rohr.id}&tag=${tagB.id}`))).toEqual(['Mitglied GmbH']);
    expect(names(await list(t, viewer, `relationType=consortium_partner&tag=${tagA.id}`))).toEqual([]);
    expect(names(await list(t, viewer, `tag=${tagB.id}&q=leg`))).toEqual(['LEG Thüringen']);

    const bad = await t.as(viewer, { method: 'GET', url: '/api/organizations?relationType=friend' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)[0]).toMatch(/^relationType/);
  });

  it('excludes soft-deleted organisations unless deleted=true', async () => {
    const { t, viewer } = await managerApp();
    createOrganization(t.db, { name: 'Aktiv GmbH', kind: 'company' });
    createOrganization(t.db, { name: 'Weg GmbH', kind: 'company', deletedAt: '2024-01-01T00:00:00.000Z' });
    expect(names(await list(t, viewer))).toEqual(['Aktiv GmbH']);
    expect(names(await list(t, viewer, 'deleted=true'))).toEqual(['Weg GmbH']);
    expect(names(await list(t, viewer, 'deleted=true&kind=company'))).toEqual(['Weg GmbH']);
    expect(names(await list(t, viewer, 'deleted=false'))).toEqual(['Aktiv GmbH']);
  });

  it('answers 400 naming the field for malformed filters', async () => {
    const { t, viewer } = await managerApp();
    for (const [qs, field] of [
      ['kind=spaceship', 'kind'],
      ['district=99999', 'district'],
      ['sizeClass=huge', 'sizeClass'],
      ['nodeId=abc', 'nodeId'],
      ['tag=-1', 'tag'],
      ['deleted=maybe', 'deleted'],
      ['page=0', 'page'],
      ['pageSize=501', 'pageSize'],
      ['sort=password', 'sort'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ]) {
      const res = await t.as(viewer, { method: 'GET', url: `/api/organizations?${qs}` });
      expect(res.statusCode, qs).toBe(400);
      expect(fields(res)[0]?.split('.')[0], qs).toBe(field);
    }
  });
});

describe('GET /api/organizations search, sort and paging', () => {
  it('searches accent- and case-insensitively with prefixes over name, city and e-mail', async () => {
    const { t, viewer } = await managerApp();
    createOrganization(t.db, { name: 'Kreisverwaltung', city: 'Sömmerda', kind: 'authority' });
    createOrganization(t.db, { name: 'Müller Präzisionsteile GmbH', city: 'Gotha' });
    createOrganization(t.db, { name: 'Weber & Söhne', city: 'Erfurt', email: 'kontakt@weber-soehne.de' });

    expect(names(await list(t, viewer, 'q=sommerda'))).toEqual(['Kreisverwaltung']);
    expect(names(await list(t, viewer, 'q=SÖMMERDA'))).toEqual(['Kreisverwaltung']);
    expect(names(await list(t, viewer, `q=${encodeURIComponent('Sömm')}`))).toEqual(['Kreisverwaltung']);
    expect(names(await list(t, viewer, 'q=soemm'))).toEqual(['Kreisverwaltung']);
    expect(names(await list(t, viewer, 'q=mueller'))).toEqual(['Müller Präzisionsteile GmbH']);
    expect(names(await list(t, viewer, 'q=muller'))).toEqual(['Müller Präzisionsteile GmbH']);
    expect(names(await list(t, viewer, 'q=prazision gotha'))).toEqual(['Müller Präzisionsteile GmbH']);
    expect(names(await list(t, viewer, 'q=weber-soehne'))).toEqual(['Weber & Söhne']);
    expect(names(await list(t, viewer, 'q=erfurt'))).toEqual(['Weber & Söhne']);
    expect((await list(t, viewer, 'q=jena')).total).toBe(0);
    expect((await list(t, viewer, `q=${encodeURIComponent('"*(')}`)).total).toBe(3);
  });

  it('finds an organisation by its new name after a rename', async () => {
    const { t, manager } = await managerApp();
    const org = createOrganization(t.db, { name: 'Altname GmbH' });
    const res = await t.patch(manager, `/api/organizations/${org.id}`, { name: 'Neuname Ölwerk GmbH' }, '"1"');
    expect(res.statusCode).toBe(200);
    expect(names(await list(t, manager, 'q=olwerk'))).toEqual(['Neuname Ölwerk GmbH']);
    expect((await list(t, manager, 'q=altname')).total).toBe(0);
  });

  it('sorts names in German order: Ärztekammer among the A, lower case among upper case', async () => {
    const { t, viewer } = await managerApp();
    for (const name of [
      'Zulieferer GmbH',
      'Ärztekammer Thüringen',
      'adesso SE',
      'Bosch GmbH',
      'Übersee AG',
      'Ulmer KG',
    ]) {
      createOrganization(t.db, { name });
    }
    expect((await list(t, viewer, 'sort=name')).items.map((i) => i.name)).toEqual([
      'adesso SE',
      'Ärztekammer Thüringen',
      'Bosch GmbH',
      'Übersee AG',
      'Ulmer KG',
      'Zulieferer GmbH',
    ]);
  });

  it('sorts ascending and descending and pages with a stable total', async () => {
    const { t, viewer } = await managerApp();
    for (const [name, city] of [
      ['Delta', 'Erfurt'],
      ['Alpha', 'Jena'],
      ['Charlie', 'Gotha'],
      ['Bravo', 'Arnstadt'],
      ['Echo', 'Suhl'],
    ]) {
      createOrganization(t.db, { name, city });
    }
    const byName = await list(t, viewer, 'sort=name');
    expect(byName.items.map((i) => i.name)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    expect((await list(t, viewer, 'sort=-name')).items.map((i) => i.name)).toEqual([
      'Echo',
      'Delta',
      'Charlie',
      'Bravo',
      'Alpha',
    ]);
    expect((await list(t, viewer, 'sort=city')).items.map((i) => i.city)).toEqual([
      'Arnstadt',
      'Erfurt',
      'Gotha',
      'Jena',
      'Suhl',
    ]);
    expect((await list(t, viewer, 'sort=-city')).items.map((i) => i.city)).toEqual([
      'Suhl',
      'Jena',
      'Gotha',
      'Erfurt',
      'Arnstadt',
    ]);

    const page2 = await list(t, viewer, 'sort=name&pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items.map((i) => i.name)).toEqual(['Charlie', 'Delta']);
    const page3 = await list(t, viewer, 'sort=name&pageSize=2&page=3');
    expect(page3.items.map((i) => i.name)).toEqual(['Echo']);
    const beyond = await list(t, viewer, 'sort=name&pageSize=2&page=9');
    expect(beyond).toMatchObject({ items: [], total: 5 });
    expect(byName.pageSize).toBe(50);
  });

  it('lists items with id, version, timestamps, sectors and tags', async () => {
    const { t, viewer } = await managerApp();
    const tag = createTag(t.db, { name: 'KMU', color: 'teal' });
    createOrganization(t.db, { name: 'Teile GmbH', sectors: ['29.32', '22'], tagIds: [tag.id] });
    const [item] = (await list(t, viewer)).items;
    expect(item).toMatchObject({
      id: expect.any(Number),
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      sectors: ['22', '29.32'],
      tags: [{ id: tag.id, name: 'KMU', color: 'teal' }],
      deletedAt: null,
    });
    expect(item).not.toHaveProperty('nameKey');
  });
});

describe('organisation items', () => {
  const body = {
    name: 'Müller Präzisionsteile GmbH & Co. KG',
    shortName: 'MPT',
    kind: 'company',
    sizeClass: 'medium',
    employees: 120,
    street: 'Industriestraße 4',
    postalCode: '98593',
    city: 'Floh-Seligenthal',
    district: '16066',
    website: 'https://mpt.example',
    email: 'Info@MPT.example',
    phone: '03683 1234',
    notes: 'Zulieferer für Karosserieteile',
    sectors: ['29.32', '25'],
  };

  it('creates with 201 and ETag, stores name_key, and GET returns the detail', async () => {
    const { t, manager, viewer } = await managerApp();
    const tag = createTag(t.db, { name: 'Zulieferer' });
    const res = await t.post(manager, '/api/organizations', { ...body, tagIds: [tag.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const created = res.json();
    expect(created).toMatchObject({
      name: body.name,
      email: 'info@mpt.example',
      sectors: ['25', '29.32'],
      tags: [{ id: tag.id, name: 'Zulieferer' }],
      people: { current: [], former: [] },
      relations: [],
    });
    const row = t.db.select().from(organizations).where(eq(organizations.id, created.id)).get();
    expect(row?.nameKey).toBe('mueller praezisionsteile');

    const get = await t.as(viewer, { method: 'GET', url: `/api/organizations/${created.id}` });
    expect(get.statusCode).toBe(200);
    expect(get.headers.etag).toBe('"1"');
    expect(get.json()).toEqual(created);
  });

  it('answers 409 DUPLICATE_CANDIDATES for a similar name or the same e-mail, and 201 after confirmation', async () => {
    const { t, manager } = await managerApp();
    const existing = createOrganization(t.db, { name: 'Müller Präzisionsteile GmbH', city: 'Gotha' });
    const byMail = createOrganization(t.db, { name: 'Ganz Anders AG', city: 'Suhl', email: 'info@mpt.example' });
    createOrganization(t.db, { name: 'Mueller Praezisionsteile', deletedAt: '2024-01-01T00:00:00.000Z' });
    const before = rowCount(t.db, organizations);

    const res = await t.post(manager, '/api/organizations', body);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DUPLICATE_CANDIDATES');
    expect(res.json().data.candidates).toEqual(
      expect.arrayContaining([
        { id: existing.id, name: 'Müller Präzisionsteile GmbH', city: 'Gotha', reason: 'name' },
        { id: byMail.id, name: 'Ganz Anders AG', city: 'Suhl', reason: 'email' },
      ]),
    );
    expect(res.json().data.candidates).toHaveLength(2);
    expect(rowCount(t.db, organizations)).toBe(before);

    const confirmed = await t.post(manager, '/api/organizations', { ...body, confirmDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    expect(rowCount(t.db, organizations)).toBe(before + 1);

    const distinct = await t.post(manager, '/api/organizations', { name: 'Müller Logistik GmbH', kind: 'company' });
    expect(distinct.statusCode).toBe(201);
  });

  it('answers 400 naming the field for bad input and writes nothing', async () => {
    const { t, manager } = await managerApp();
    const before = [organizations, organizationSectors, organizationTags, auditEntries].map((tb) => rowCount(t.db, tb));
    const cases: [string, object, string][] = [
      ['missing name', { kind: 'company' }, 'name'],
      ['blank name', { name: '   ', kind: 'company' }, 'name'],
      ['oversized name', { name: 'x'.repeat(301), kind: 'company' }, 'name'],
      ['oversized notes', { name: 'X', kind: 'company', notes: 'n'.repeat(10_001) }, 'notes'],
      ['unknown kind', { name: 'X', kind: 'spaceship' }, 'kind'],
      ['employees as text', { name: 'X', kind: 'company', employees: 'viele' }, 'employees'],
      ['negative employees', { name: 'X', kind: 'company', employees: -1 }, 'employees'],
      ['bad postal code', { name: 'X', kind: 'company', postalCode: '1234' }, 'postalCode'],
      ['bad e-mail', { name: 'X', kind: 'company', email: 'kein-mail' }, 'email'],
      ['unknown district', { name: 'X', kind: 'company', district: 'Atlantis' }, 'district'],
      ['unknown sector', { name: 'X', kind: 'company', sectors: ['29', '99.99'] }, 'sectors'],
      ['sectors not an array', { name: 'X', kind: 'company', sectors: '29' }, 'sectors'],
      ['unknown tag', { name: 'X', kind: 'company', tagIds: [999] }, 'tagIds'],
      ['name as number', { name: 42, kind: 'company' }, 'name'],
    ];
    for (const [label, payload, field] of cases) {
      const res = await t.post(manager, '/api/organizations', payload);
      expect(res.statusCode, label).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res)[0]?.split('.')[0], label).toBe(field);
    }
    const after = [organizations, organizationSectors, organizationTags, auditEntries].map((tb) => rowCount(t.db, tb));
    expect(after).toEqual(before);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    const { t, manager } = await managerApp();
    const headers = { 'if-match': '"1"' };
    expect((await t.as(manager, { method: 'GET', url: '/api/organizations/999' })).statusCode).toBe(404);
    expect(
      (await t.as(manager, { method: 'PATCH', url: '/api/organizations/999', headers, payload: { name: 'X' } }))
        .statusCode,
    ).toBe(404);
    expect((await t.as(manager, { method: 'DELETE', url: '/api/organizations/999', headers })).statusCode).toBe(404);
    expect((await t.post(manager, '/api/organizations/999/restore')).statusCode).toBe(404);
    expect((await t.as(manager, { method: 'GET', url: '/api/organizations/999/history' })).statusCode).toBe(404);
    const bad = await t.as(manager, { method: 'GET', url: '/api/organizations/abc' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['id']);
  });

  it('PATCH needs If-Match: 428 without, 412 when stale with the current record, and overwrites nothing', async () => {
    const { t, manager } = await managerApp();
    const org = createOrganization(t.db, { name: 'Original GmbH', city: 'Gotha', sectors: ['29.1'] });
    const url = `/api/organizations/${org.id}`;

    const missing = await t.patch(manager, url, { city: 'Suhl' });
    expect(missing.statusCode).toBe(428);

    const first = await t.patch(manager, url, { city: 'Erfurt' }, '"1"');
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    expect(first.json()).toMatchObject({ version: 2, city: 'Erfurt', sectors: ['29.1'] });

    const stale = await t.patch(manager, url, { city: 'Suhl' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current).toMatchObject({ version: 2, city: 'Erfurt' });
    expect(stale.headers.etag).toBe('"2"');

    const malformed = await t.patch(manager, url, { city: 'Suhl' }, 'zwei');
    expect(malformed.statusCode).toBe(400);

    const row = t.db.select().from(organizations).where(eq(organizations.id, org.id)).get();
    expect(row).toMatchObject({ city: 'Erfurt', version: 2 });
  });

  it('PATCH changes only the given fields, keeps name_key in step and rejects unknown fields', async () => {
    const { t, manager } = await managerApp();
    const tag = createTag(t.db);
    const org = createOrganization(t.db, { name: 'Alt GmbH', city: 'Gotha', sectors: ['29.1'], tagIds: [tag.id] });
    const url = `/api/organizations/${org.id}`;
    const res = await t.patch(manager, url, { name: 'Größenwahn Straße AG', sectors: ['28.1', '28.1'] }, '"1"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Größenwahn Straße AG',
      city: 'Gotha',
      sectors: ['28.1'],
      tags: [{ id: tag.id }],
    });
    const row = t.db.select().from(organizations).where(eq(organizations.id, org.id)).get();
    expect(row?.nameKey).toBe('groessenwahn strasse');

    const clear = await t.patch(manager, url, { city: '', tagIds: [] }, '"2"');
    expect(clear.json()).toMatchObject({ city: null, tags: [], sectors: ['28.1'] });

    const unknown = await t.patch(manager, url, { nameKey: 'x' }, '"3"');
    expect(unknown.statusCode).toBe(400);
    const tooLong = await t.patch(manager, url, { city: 'x'.repeat(121) }, '"3"');
    expect(tooLong.statusCode).toBe(400);
    expect(fields(tooLong)).toEqual(['city']);
    const badTag = await t.patch(manager, url, { tagIds: [12345] }, '"3"');
    expect(badTag.statusCode).toBe(400);
    expect(fields(badTag)).toEqual(['tagIds']);
    expect(t.db.select().from(organizations).where(eq(organizations.id, org.id)).get()?.version).toBe(3);
  });

  it('soft-deletes with If-Match, hides from the list, and restores', async () => {
    const { t, manager } = await managerApp();
    const org = createOrganization(t.db, { name: 'Vorübergehend GmbH' });
    const url = `/api/organizations/${org.id}`;

    await expectSoftDelete(t, manager, url);
    expect(t.db.select().from(organizations).where(eq(organizations.id, org.id)).get()?.deletedAt).not.toBeNull();
    expect((await list(t, manager)).total).toBe(0);
    expect(names(await list(t, manager, 'deleted=true'))).toEqual(['Vorübergehend GmbH']);
    expect((await t.as(manager, { method: 'GET', url })).json().deletedAt).not.toBeNull();
    expect((await t.as(manager, { method: 'DELETE', url, headers: { 'if-match': '"2"' } })).statusCode).toBe(409);

    const restore = await t.post(manager, `${url}/restore`);
    expect(restore.statusCode).toBe(200);
    expect(restore.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect(names(await list(t, manager))).toEqual(['Vorübergehend GmbH']);
    expect((await t.post(manager, `${url}/restore`)).statusCode).toBe(409);
  });

  it('shows the history with user, action and field before → after', async () => {
    const { t, manager } = await managerApp();
    const created = await t.post(manager, '/api/organizations', {
      name: 'Historie GmbH',
      kind: 'company',
      city: 'Gotha',
    });
    const id = created.json().id;
    await t.patch(manager, `/api/organizations/${id}`, { city: 'Sömmerda', sectors: ['29'] }, '"1"');
    await t.as(manager, { method: 'DELETE', url: `/api/organizations/${id}`, headers: { 'if-match': '"2"' } });

    const res = await t.as(manager, { method: 'GET', url: `/api/organizations/${id}/history` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['delete', 'update', 'create']);
    const update = items[1];
    expect(update.user).toEqual({ id: expect.any(Number), name: 'manager 1' });
    expect(update.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'city', before: 'Gotha', after: 'Sömmerda' },
        { field: 'sectors', before: [], after: ['29'] },
      ]),
    );
    expect(update.changes).toHaveLength(2);
    expect(items[2].changes).toEqual(expect.arrayContaining([{ field: 'name', before: null, after: 'Historie GmbH' }]));
    expect(items[0].changes).toEqual([{ field: 'deletedAt', before: null, after: expect.any(String) }]);
  });

  it('shows current and former people and the relations on the detail', async () => {
    const { t, viewer } = await managerApp();
    const org = createOrganization(t.db, { name: 'Personal GmbH' });
    const anna = createPerson(t.db, { firstName: 'Anna', lastName: 'Arndt' });
    const bernd = createPerson(t.db, { firstName: 'Bernd', lastName: 'Bauer' });
    const gone = createPerson(t.db, {
      firstName: 'Gelöscht',
      lastName: 'Person',
      deletedAt: '2024-01-01T00:00:00.000Z',
    });
    createAffiliation(t.db, {
      personId: anna.id,
      organizationId: org.id,
      function: 'Geschäftsführerin',
      isPrimary: true,
      fromDate: '2020-01-01',
    });
    createAffiliation(t.db, {
      personId: bernd.id,
      organizationId: org.id,
      function: 'Einkauf',
      fromDate: '2015-01-01',
      toDate: '2019-12-31',
    });
    createAffiliation(t.db, { personId: gone.id, organizationId: org.id });
    const node = createNode(t.db, { name: 'Gotha' });
    createRelation(t.db, { organizationId: org.id, nodeId: node.id, type: 'member', fromDate: '2024-01-01' });

    const res = await t.as(viewer, { method: 'GET', url: `/api/organizations/${org.id}` });
    const detail = res.json();
    expect(detail.people.current).toEqual([
      expect.objectContaining({
        personId: anna.id,
        firstName: 'Anna',
        function: 'Geschäftsführerin',
        isPrimary: true,
        toDate: null,
      }),
    ]);
    expect(detail.people.former).toEqual([
      expect.objectContaining({
        personId: bernd.id,
        function: 'Einkauf',
        fromDate: '2015-01-01',
        toDate: '2019-12-31',
      }),
    ]);
    expect(detail.relations).toEqual([
      expect.objectContaining({
        type: 'member',
        node: { id: node.id, name: 'Gotha' },
        network: null,
        fromDate: '2024-01-01',
      }),
    ]);
  });

  it('refuses every write to a viewer with 403 and changes nothing', async () => {
    const { t, viewer } = await managerApp();
    const org = createOrganization(t.db, { name: 'Fest GmbH' });
    const other = createOrganization(t.db, { name: 'Andere GmbH' });
    const headers = { 'if-match': '"1"' };
    const before = rowCount(t.db, auditEntries);
    for (const req of [
      { method: 'POST', url: '/api/organizations', payload: { name: 'Neu', kind: 'company' } },
      { method: 'PATCH', url: `/api/organizations/${org.id}`, headers, payload: { name: 'Geändert' } },
      { method: 'DELETE', url: `/api/organizations/${org.id}`, headers },
      { method: 'POST', url: `/api/organizations/${org.id}/restore` },
      { method: 'POST', url: `/api/organizations/${org.id}/merge`, payload: { sourceId: other.id } },
      { method: 'GET', url: '/api/organizations/duplicates' },
    ] as const) {
      const res = await t.as(viewer, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
    }
    expect(t.db.select().from(organizations).where(eq(organizations.id, org.id)).get()).toMatchObject({
      name: 'Fest GmbH',
      version: 1,
      deletedAt: null,
    });
    expect(rowCount(t.db, organizations)).toBe(2);
    expect(rowCount(t.db, auditEntries)).toBe(before);
  });
});

describe('duplicates and merge', () => {
  it('lists groups sharing a normalised name or an e-mail', async () => {
    const { t, manager } = await managerApp();
    const a = createOrganization(t.db, { name: 'Müller GmbH', email: 'info@mueller.example' });
    const b = createOrganization(t.db, { name: 'Mueller AG' });
    const c = createOrganization(t.db, { name: 'Ganz anders', email: 'info@mueller.example' });
    createOrganization(t.db, { name: 'Müller e.V.', deletedAt: '2024-01-01T00:00:00.000Z' });
    createOrganization(t.db, { name: 'Einzeln GmbH' });
    const res = await t.as(manager, { method: 'GET', url: '/api/organizations/duplicates' });
    expect(res.statusCode).toBe(200);
    const groups = res.json().groups as { reason: string; key: string; organizations: { id: number }[] }[];
    expect(groups).toHaveLength(2);
    const byName = groups.find((g) => g.reason === 'name');
    const byEmail = groups.find((g) => g.reason === 'email');
    expect(byName?.key).toBe('mueller');
    expect(byName?.organizations.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
    expect(byEmail?.organizations.map((o) => o.id).sort()).toEqual([a.id, c.id].sort());
  });

  it('moves every linked row to the target, deletes the source and audits both in one step', async () => {
    const { t, manager } = await managerApp();
    const db = t.db;
    const tagShared = createTag(db, { name: 'Geteilt' });
    const tagSource = createTag(db, { name: 'Nur Quelle' });
    const target = createOrganization(db, { name: 'Ziel GmbH', sectors: ['29.1'], tagIds: [tagShared.id] });
    const source = createOrganization(db, {
      name: 'Ziel GmbH (alt)',
      city: 'Rohr',
      email: 'alt@ziel.example',
      notes: 'aus der Quelle',
      sectors: ['29.1', '29.32'],
      tagIds: [tagShared.id, tagSource.id],
    });
    const person = createPerson(db, { firstName: 'Clara', lastName: 'Czerny' });
    const aff = createAffiliation(db, { personId: person.id, organizationId: source.id, function: 'Leitung' });
    const network = createNetwork(db, { name: 'ANeTT', isOwn: true });
    const rel = createRelation(db, { organizationId: source.id, networkId: network.id, type: 'member' });
    const node = createNode(db, { name: 'Rohr', hostOrganizationId: source.id });
    const event = createEvent(db, { title: 'Eröffnung', kind: 'opening', startsAt: '2024-11-15T10:00:00Z' });
    const att = createAttendance(db, {
      eventId: event.id,
      personId: person.id,
      status: 'attended',
      organizationId: source.id,
      organizationName: source.name,
    });
    const interaction = createInteraction(db, {
      occurredAt: '2024-11-15T12:00:00Z',
      kind: 'call',
      subject: 'Kennenlernen',
    });
    db.insert(interactionOrganizations)
      .values([
        { interactionId: interaction.id, organizationId: source.id },
        { interactionId: interaction.id, organizationId: target.id },
      ])
      .run();
    const office = createOffice(db, { personId: person.id, title: 'Geschäftsführerin', organizationId: source.id });
    const auditBefore = rowCount(db, auditEntries);

    const res = await t.post(manager, `/api/organizations/${target.id}/merge`, { sourceId: source.id });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    expect(merged).toMatchObject({
      id: target.id,
      city: 'Rohr',
      email: 'alt@ziel.example',
      notes: 'aus der Quelle',
      sectors: ['29.1', '29.32'],
    });
    expect(merged.tags.map((tg: { name: string }) => tg.name)).toEqual(['Geteilt', 'Nur Quelle']);
    expect(merged.people.current.map((p: { personId: number }) => p.personId)).toEqual([person.id]);
    expect(merged.relations.map((r: { id: number }) => r.id)).toEqual([rel.id]);

    expect(db.select().from(affiliations).where(eq(affiliations.id, aff.id)).get()?.organizationId).toBe(target.id);
    expect(db.select().from(relations).where(eq(relations.id, rel.id)).get()?.organizationId).toBe(target.id);
    expect(db.select().from(nodes).where(eq(nodes.id, node.id)).get()?.hostOrganizationId).toBe(target.id);
    expect(db.select().from(attendances).where(eq(attendances.id, att.id)).get()?.organizationId).toBe(target.id);
    expect(db.select().from(offices).where(eq(offices.id, office.id)).get()?.organizationId).toBe(target.id);
    expect(
      db
        .select()
        .from(interactionOrganizations)
        .where(eq(interactionOrganizations.interactionId, interaction.id))
        .all(),
    ).toEqual([{ interactionId: interaction.id, organizationId: target.id }]);
    expect(
      db.select().from(organizationSectors).where(eq(organizationSectors.organizationId, source.id)).all(),
    ).toEqual([]);
    expect(db.select().from(organizationTags).where(eq(organizationTags.organizationId, source.id)).all()).toEqual([]);
    expect(db.select().from(organizationTags).where(eq(organizationTags.organizationId, target.id)).all()).toHaveLength(
      2,
    );

    const src = db.select().from(organizations).where(eq(organizations.id, source.id)).get();
    expect(src).toMatchObject({ mergedIntoId: target.id, deletedAt: expect.any(String) });
    expect(rowCount(db, auditEntries)).toBe(auditBefore + 2);
    const srcAudit = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'organization'), eq(auditEntries.entityId, source.id)))
      .all();
    expect(srcAudit.map((a) => a.action)).toEqual(['merged_into']);

    const history = (await t.as(manager, { method: 'GET', url: `/api/organizations/${target.id}/history` })).json()
      .items;
    expect(history.map((h: { action: string; entityId: number }) => [h.action, h.entityId])).toEqual([
      ['merged_into', source.id],
      ['merge', target.id],
    ]);
    expect(history[1].details).toMatchObject({
      mergedFrom: { id: source.id },
      moved: { affiliations: 1, relations: 1, nodeHosts: 1 },
    });
    expect(history[1].changes).toEqual(expect.arrayContaining([{ field: 'city', before: null, after: 'Rohr' }]));

    expect(names(await list(t, manager))).toEqual(['Ziel GmbH']);
    const restore = await t.post(manager, `/api/organizations/${source.id}/restore`);
    expect(restore.statusCode).toBe(409);
  });

  it('refuses a merge into itself, from an unknown or deleted source, or into a deleted target', async () => {
    const { t, manager } = await managerApp();
    const target = createOrganization(t.db, { name: 'Ziel' });
    const deleted = createOrganization(t.db, { name: 'Weg', deletedAt: '2024-01-01T00:00:00.000Z' });
    const merge = (id: number, payload: object) => t.post(manager, `/api/organizations/${id}/merge`, payload);
    const self = await merge(target.id, { sourceId: target.id });
    expect(self.statusCode).toBe(400);
    expect(fields(self)).toEqual(['sourceId']);
    const unknown = await merge(target.id, { sourceId: 9999 });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['sourceId']);
    expect((await merge(target.id, { sourceId: deleted.id })).statusCode).toBe(409);
    expect((await merge(deleted.id, { sourceId: target.id })).statusCode).toBe(409);
    expect((await merge(9999, { sourceId: target.id })).statusCode).toBe(404);
    const wrongType = await merge(target.id, { sourceId: 'zwei' });
    expect(wrongType.statusCode).toBe(400);
    expect(fields(wrongType)).toEqual(['sourceId']);
    const stale = await t.as(manager, {
      method: 'POST',
      url: `/api/organizations/${target.id}/merge`,
      headers: { 'if-match': '"5"' },
      payload: { sourceId: deleted.id },
    });
    expect(stale.statusCode).toBe(412);
    expect(t.db.select().from(organizations).where(eq(organizations.id, target.id)).get()?.version).toBe(1);
  });
});
