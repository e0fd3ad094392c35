import type { Db } from '@anett/db/client';
import { auditEntries, interactionPersons, interactions, topics } from '@anett/db/schema';
import { berlinToday } from '@anett/server/lib/time';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appWithUsers, countRows, expectRefused, fields, type TestApp } from '../support/app.ts';
import {
  createAffiliation,
  createEvent,
  createInteraction,
  createNode,
  createOrganization,
  createPerson,
} from '../support/factories.ts';

type Ref = { id: number; name: string };
type Item = {
  id: number;
  version: number;
  occurredAt: string;
  kind: string;
  subject: string;
  summary: string | null;
  persons: Ref[];
  organizations: Ref[];
  node: Ref | null;
  event: { id: number; title: string } | null;
  topics: { id: number; slug: string }[];
  followUpOn: string | null;
  followUpDoneAt: string | null;
  author: Ref | null;
  overdue?: boolean;
  dueToday?: boolean;
};

const setup = () => appWithUsers({ manager: 'manager', other: 'manager', admin: 'admin', viewer: 'viewer' });

const auditCount = (db: Db) =>
  db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.entity, 'interaction')).get()?.n ?? 0;
const topicId = (db: Db, slug: string) => db.select().from(topics).where(eq(topics.slug, slug)).get()?.id as number;

async function create(t: TestApp, token: string, payload: object) {
  const res = await t.post(token, '/api/interactions', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Item;
}
async function list(t: TestApp, token: string, qs = '') {
  const res = await t.as(token, { method: 'GET', url: `/api/interactions${qs ? `?${qs}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
}
/** A call about one person with a follow-up on 10 Jan 2024: what the follow-up and role tests start from. */
const callWithFollowUp = (t: TestApp, token: string, personId: number) =>
  create(t, token, { kind: 'call', subject: 'x', personIds: [personId], followUpOn: '2024-01-10' });
/** "Erledigt" on an entry's follow-up. */
const markDone = (t: TestApp, token: string, id: number) => t.post(token, `/api/interactions/${id}/follow-up-done`);
const subjects = (body: { items: Item[] }) => body.items.map((i) => i.subject);

describe('POST /api/interactions', () => {
  it('logs a call with persons only: links their current organisations, the author and now', async () => {
    const { t, manager } = await setup();
    const employer = createOrganization(t.db, { name: 'Präzisionsteile Rohr GmbH' });
    const former = createOrganization(t.db, { name: 'Alte Firma GmbH' });
    const club = createOrganization(t.db, { name: 'Automobilverein e.V.' });
    const anna = createPerson(t.db, { firstName: 'Anna', lastName: 'Müller', title: 'Dr.' });
    createAffiliation(t.db, { personId: anna.id, organizationId: employer.id, isPrimary: true });
    createAffiliation(t.db, { personId: anna.id, organizationId: club.id });
    createAffiliation(t.db, { personId: anna.id, organizationId: former.id, isPrimary: true, toDate: '2020-12-31' });
    // Without a primary affiliation, all current ones count.
    const jonas = createPerson(t.db, { firstName: 'Jonas', lastName: 'Weber' });
    createAffiliation(t.db, { personId: jonas.id, organizationId: club.id });

    const before = Date.now();
    const res = await t.post(manager.token, '/api/interactions', {
      kind: 'call',
      subject: 'Qualifizierungsbedarf besprochen',
      personIds: [anna.id, jonas.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as Item;
    expect(res.headers.etag).toBe('"1"');
    expect(item.persons).toEqual([
      { id: anna.id, name: 'Dr. Anna Müller' },
      { id: jonas.id, name: 'Jonas Weber' },
    ]);
    expect(item.organizations.map((o) => o.name)).toEqual(['Automobilverein e.V.', 'Präzisionsteile Rohr GmbH']);
    expect(item.author).toEqual({ id: manager.userId, name: expect.any(String) });
    expect(Date.parse(item.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(item.followUpOn).toBeNull();
    expect(auditCount(t.db)).toBe(1);

    const got = await t.as(manager.token, { method: 'GET', url: `/api/interactions/${item.id}` });
    expect(got.json()).toEqual(item);
  });

  it('links no organisation when linkOrganizations is false, and only the given ones when there are any', async () => {
    const { t, manager } = await setup();
    const employer = createOrganization(t.db);
    const other = createOrganization(t.db, { name: 'Handwerkskammer Südthüringen' });
    const anna = createPerson(t.db);
    createAffiliation(t.db, { personId: anna.id, organizationId: employer.id, isPrimary: true });

    const none = await create(t, manager.token, {
      kind: 'note',
      subject: 'Notiz',
      personIds: [anna.id],
      linkOrganizations: false,
    });
    expect(none.organizations).toEqual([]);
    const given = await create(t, manager.token, {
      kind: 'visit',
      subject: 'Besuch',
      personIds: [anna.id],
      organizationIds: [other.id],
    });
    expect(given.organizations).toEqual([{ id: other.id, name: 'Handwerkskammer Südthüringen' }]);
  });

  it('stores every field; occurredAt in UTC; the event’s node when no node is given', async () => {
    const { t, manager } = await setup();
    const node = createNode(t.db, { name: 'QTI-Knoten Rohr' });
    const event = createEvent(t.db, { title: 'Eröffnung QTI-Knoten Rohr', nodeId: node.id });
    const org = createOrganization(t.db);
    const item = await create(t, manager.token, {
      occurredAt: '2024-11-15T10:30:00+01:00',
      kind: 'event_conversation',
      subject: '  Gespräch am Stand  ',
      summary: 'Interesse am Lehrgang Wasserstoff.',
      organizationIds: [org.id],
      eventId: event.id,
      topicIds: [topicId(t.db, 'wasserstoff'), topicId(t.db, 'qualifikation')],
      followUpOn: '2024-12-01',
    });
    expect(item).toMatchObject({
      occurredAt: '2024-11-15T09:30:00.000Z',
      kind: 'event_conversation',
      subject: 'Gespräch am Stand',
      summary: 'Interesse am Lehrgang Wasserstoff.',
      persons: [],
      node: { id: node.id, name: 'QTI-Knoten Rohr' },
      event: { id: event.id, title: 'Eröffnung QTI-Knoten Rohr' },
      followUpOn: '2024-12-01',
      followUpDoneAt: null,
    });
    expect(item.topics.map((x) => x.slug)).toEqual(['qualifikation', 'wasserstoff']);
  });

  it.each([
    ['no person and no organisation', { personIds: undefined }, 'personIds'],
    ['empty lists', { personIds: [], organizationIds: [] }, 'personIds'],
    ['an unknown person', { personIds: [999_999] }, 'personIds'],
    ['an unknown organisation', { organizationIds: [999_999] }, 'organizationIds'],
    ['an unknown topic', { topicIds: [999_999] }, 'topicIds'],
    ['an unknown node', { nodeId: 999_999 }, 'nodeId'],
    ['an unknown event', { eventId: 999_999 }, 'eventId'],
    ['a bad kind', { kind: 'fax' }, 'kind'],
    ['no kind', { kind: undefined }, 'kind'],
    ['an oversized subject', { subject: 'x'.repeat(301) }, 'subject'],
    ['a blank subject', { subject: '   ' }, 'subject'],
    ['an oversized summary', { summary: 'x'.repeat(20_001) }, 'summary'],
    ['a malformed occurredAt', { occurredAt: '15.11.2024 10:00' }, 'occurredAt'],
    ['an impossible occurredAt', { occurredAt: '2024-13-01T10:00:00Z' }, 'occurredAt'],
    ['a malformed followUpOn', { followUpOn: '01.12.2024' }, 'followUpOn'],
    ['a person id that is not a number', { personIds: ['abc'] }, 'personIds.0'],
    ['linkOrganizations not a boolean', { linkOrganizations: 'nein' }, 'linkOrganizations'],
  ])('refuses %s with 400 naming the field and writes nothing', async (_, patch, field) => {
    const { t, manager } = await setup();
    const person = createPerson(t.db);
    const base = { kind: 'call', subject: 'Telefonat', personIds: [person.id] };
    const payload = Object.fromEntries(
      Object.entries({
        ...base,
        ...patch,
      }).filter(([, v]) => v !== undefined),
    );
    const res = await t.post(manager.token, '/api/interactions', payload);
    expectRefused(res, field);
    expect(countRows(t.db, interactions)).toBe(0);
    expect(countRows(t.db, interactionPersons)).toBe(0);
    expect(auditCount(t.db)).toBe(0);
  });

  it('refuses a deleted person like an unknown one', async () => {
    const { t, manager } = await setup();
    const gone = createPerson(t.db, { deletedAt: '2024-01-01T00:00:00.000Z' });
    const res = await t.post(manager.token, '/api/interactions', { kind: 'call', subject: 'x', personIds: [gone.id] });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['personIds']);
  });
});

describe('GET /api/interactions', () => {
  it('filters by person, organisation, node, kind, topic, author, date range, follow-up state and text', async () => {
    const { t, manager, other, viewer } = await setup();
    const anna = createPerson(t.db);
    const jonas = createPerson(t.db);
    const org = createOrganization(t.db);
    const node = createNode(t.db);
    const h2 = topicId(t.db, 'wasserstoff');
    const today = berlinToday();
    const a = await create(t, manager.token, {
      occurredAt: '2024-03-05T10:00:00Z',
      kind: 'call',
      subject: 'Anruf Wasserstoff',
      personIds: [anna.id],
      topicIds: [h2],
      followUpOn: '2020-01-01',
    });
    await create(t, manager.token, {
      occurredAt: '2024-04-10T10:00:00Z',
      kind: 'visit',
      subject: 'Besuch im Werk',
      summary: 'Rundgang Sömmerda',
      organizationIds: [org.id],
      nodeId: node.id,
    });
    const c = await create(t, other.token, {
      occurredAt: '2024-05-20T10:00:00Z',
      kind: 'meeting',
      subject: 'Besprechung 100% Förderung',
      personIds: [jonas.id],
      followUpOn: '2999-01-01',
    });
    const d = await create(t, other.token, {
      occurredAt: '2024-06-30T23:00:00Z',
      kind: 'call',
      subject: 'Rückruf',
      personIds: [anna.id, jonas.id],
      followUpOn: today,
    });
    await markDone(t, other.token, c.id);
    const deleted = createInteraction(t.db, {
      personIds: [anna.id],
      subject: 'Gelöscht',
      deletedAt: '2024-07-01T00:00:00.000Z',
    });
    expect(deleted.id).toBeGreaterThan(0);

    const all = await list(t, viewer.token);
    expect(subjects(all)).toEqual(['Rückruf', 'Besprechung 100% Förderung', 'Besuch im Werk', 'Anruf Wasserstoff']);
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(subjects(await list(t, viewer.token, `personId=${anna.id}`))).toEqual(['Rückruf', 'Anruf Wasserstoff']);
    expect(subjects(await list(t, viewer.token, `organizationId=${org.id}`))).toEqual(['Besuch im Werk']);
    expect(subjects(await list(t, viewer.token, `nodeId=${node.id}`))).toEqual(['Besuch im Werk']);
    expect(subjects(await list(t, viewer.token, 'kind=call&kind=visit'))).toEqual([
      'Rückruf',
      'Besuch im Werk',
      'Anruf Wasserstoff',
    ]);
    expect(subjects(await list(t, viewer.token, `topic=${h2}`))).toEqual(['Anruf Wasserstoff']);
    expect(subjects(await list(t, viewer.token, `authorId=${other.userId}`))).toEqual([
      'Rückruf',
      'Besprechung 100% Förderung',
    ]);
    expect(subjects(await list(t, viewer.token, 'from=2024-04-10&to=2024-06-30'))).toEqual([
      'Rückruf',
      'Besprechung 100% Förderung',
      'Besuch im Werk',
    ]);
    expect(subjects(await list(t, viewer.token, 'to=2024-06-29'))).toEqual([
      'Besprechung 100% Förderung',
      'Besuch im Werk',
      'Anruf Wasserstoff',
    ]);
    expect(subjects(await list(t, viewer.token, 'followUp=due'))).toEqual(['Rückruf', 'Anruf Wasserstoff']);
    expect(subjects(await list(t, viewer.token, 'followUp=open'))).toEqual(['Rückruf', 'Anruf Wasserstoff']);
    expect(subjects(await list(t, viewer.token, 'followUp=done'))).toEqual(['Besprechung 100% Förderung']);
    // Full-text: every word as a prefix, accent-insensitive, punctuation ignored.
    expect(subjects(await list(t, viewer.token, 'q=sömmerda'))).toEqual(['Besuch im Werk']);
    expect(subjects(await list(t, viewer.token, 'q=sommerda'))).toEqual(['Besuch im Werk']);
    expect(subjects(await list(t, viewer.token, 'q=SOEMM'))).toEqual(['Besuch im Werk']);
    expect(subjects(await list(t, viewer.token, 'q=forderung'))).toEqual(['Besprechung 100% Förderung']);
    expect(subjects(await list(t, viewer.token, 'q=100%25'))).toEqual(['Besprechung 100% Förderung']);
    expect(subjects(await list(t, viewer.token, 'q=besprechung%20foerd'))).toEqual(['Besprechung 100% Förderung']);
    expect(subjects(await list(t, viewer.token, 'q=besprechung%20werk'))).toEqual([]);
    expect(subjects(await list(t, viewer.token, 'q=%22%2A%29'))).toHaveLength(4);
    expect(subjects(await list(t, viewer.token, `personId=${anna.id}&kind=call&followUp=due`))).toEqual([
      'Rückruf',
      'Anruf Wasserstoff',
    ]);

    const first = all.items.find((i) => i.id === a.id);
    expect(first).toMatchObject({
      persons: [{ id: anna.id }],
      topics: [{ id: h2, slug: 'wasserstoff' }],
      author: { id: manager.userId },
    });
    expect(
      all.items
        .find((i) => i.id === d.id)
        ?.persons.map((p) => p.id)
        .sort(),
    ).toEqual([anna.id, jonas.id].sort());
  });

  it('sorts by occurredAt, subject, kind and followUpOn and pages', async () => {
    const { t, manager, viewer } = await setup();
    const p = createPerson(t.db);
    const make = (subject: string, occurredAt: string, kind: string, followUpOn?: string) =>
      create(t, manager.token, { subject, occurredAt, kind, personIds: [p.id], ...(followUpOn ? { followUpOn } : {}) });
    await make('Bravo', '2024-02-01T10:00:00Z', 'visit', '2024-09-01');
    await make('alpha', '2024-03-01T10:00:00Z', 'call');
    await make('Charlie', '2024-01-01T10:00:00Z', 'meeting', '2024-08-01');

    expect(subjects(await list(t, viewer.token, 'sort=occurredAt'))).toEqual(['Charlie', 'Bravo', 'alpha']);
    expect(subjects(await list(t, viewer.token, 'sort=-occurredAt'))).toEqual(['alpha', 'Bravo', 'Charlie']);
    expect(subjects(await list(t, viewer.token, 'sort=subject'))).toEqual(['alpha', 'Bravo', 'Charlie']);
    expect(subjects(await list(t, viewer.token, 'sort=kind'))).toEqual(['alpha', 'Charlie', 'Bravo']);
    expect(subjects(await list(t, viewer.token, 'sort=followUpOn'))).toEqual(['Charlie', 'Bravo', 'alpha']);
    expect(subjects(await list(t, viewer.token, 'sort=-followUpOn'))).toEqual(['Bravo', 'Charlie', 'alpha']);
    const page2 = await list(t, viewer.token, 'pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(subjects(page2)).toEqual(['Charlie']);
  });

  it.each([
    ['sort=author', 'sort'],
    ['kind=fax', 'kind.0'],
    ['from=2024-13-01', 'from'],
    ['from=2024-05-01&to=2024-04-01', 'to'],
    ['followUp=soon', 'followUp'],
    ['personId=abc', 'personId'],
    ['pageSize=501', 'pageSize'],
  ])('answers 400 for %s', async (qs, field) => {
    const { t, viewer } = await setup();
    const res = await t.as(viewer.token, { method: 'GET', url: `/api/interactions?${qs}` });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toContain(field);
  });
});

describe('GET /api/interactions/:id', () => {
  it('sends the ETag; 404 for unknown and deleted entries', async () => {
    const { t, viewer } = await setup();
    const p = createPerson(t.db);
    const row = createInteraction(t.db, { personIds: [p.id] });
    const gone = createInteraction(t.db, { personIds: [p.id], deletedAt: '2024-01-01T00:00:00.000Z' });
    const res = await t.as(viewer.token, { method: 'GET', url: `/api/interactions/${row.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    for (const id of [gone.id, 999_999]) {
      const missing = await t.as(viewer.token, { method: 'GET', url: `/api/interactions/${id}` });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('INTERACTION_NOT_FOUND');
    }
  });
});

describe('PATCH /api/interactions/:id', () => {
  it('lets the author change an entry, refuses other managers with 403 and lets admins', async () => {
    const { t, manager, other, admin } = await setup();
    const p = createPerson(t.db);
    const org = createOrganization(t.db);
    const item = await create(t, manager.token, {
      kind: 'call',
      subject: 'Telefonat',
      personIds: [p.id],
      linkOrganizations: false,
    });

    const foreign = await t.patch(other.token, `/api/interactions/${item.id}`, { subject: 'Fremd' }, '"1"');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('NOT_AUTHOR');

    const own = await t.patch(
      manager.token,
      `/api/interactions/${item.id}`,
      { subject: 'Telefonat mit Rückfrage', organizationIds: [org.id], summary: 'Angebot schicken' },
      '"1"',
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.headers.etag).toBe('"2"');
    expect(own.json()).toMatchObject({
      version: 2,
      subject: 'Telefonat mit Rückfrage',
      summary: 'Angebot schicken',
      persons: [{ id: p.id }],
      organizations: [{ id: org.id }],
    });

    const byAdmin = await t.patch(
      admin.token,
      `/api/interactions/${item.id}`,
      { kind: 'meeting', personIds: [] },
      '"2"',
    );
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({
      kind: 'meeting',
      persons: [],
      organizations: [{ id: org.id }],
      author: { id: manager.userId },
    });
    const audit = t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'interaction'), eq(auditEntries.action, 'update')))
      .all();
    expect(audit.map((a) => a.userId)).toEqual([manager.userId, admin.userId]);
  });

  it('answers 428 without If-Match and 412 with a stale one, changing nothing', async () => {
    const { t, manager } = await setup();
    const p = createPerson(t.db);
    const item = await create(t, manager.token, { kind: 'call', subject: 'Original', personIds: [p.id] });
    const missing = await t.patch(manager.token, `/api/interactions/${item.id}`, { subject: 'A' });
    expect(missing.statusCode).toBe(428);
    await t.patch(manager.token, `/api/interactions/${item.id}`, { subject: 'Erste' }, '"1"');
    const stale = await t.patch(manager.token, `/api/interactions/${item.id}`, { subject: 'Zweite' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current).toMatchObject({ version: 2, subject: 'Erste' });
    const now = await t.as(manager.token, { method: 'GET', url: `/api/interactions/${item.id}` });
    expect(now.json()).toMatchObject({ version: 2, subject: 'Erste' });
  });

  it('refuses to leave an entry without persons and organisations, unknown ids and unknown fields', async () => {
    const { t, manager } = await setup();
    const p = createPerson(t.db);
    const item = await create(t, manager.token, {
      kind: 'call',
      subject: 'Original',
      personIds: [p.id],
      linkOrganizations: false,
    });
    const cases: [object, string][] = [
      [{ personIds: [] }, 'personIds'],
      [{ personIds: [999_999] }, 'personIds'],
      [{ topicIds: [999_999] }, 'topicIds'],
      [{ subject: '' }, 'subject'],
      [{ occurredAt: 'gestern' }, 'occurredAt'],
      [{ authorId: 1 }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.patch(manager.token, `/api/interactions/${item.id}`, payload, '"1"');
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res)).toContain(field);
    }
    const now = await t.as(manager.token, { method: 'GET', url: `/api/interactions/${item.id}` });
    expect(now.json()).toMatchObject({ version: 1, subject: 'Original', persons: [{ id: p.id }] });
  });

  it('reopens a done follow-up when its date changes', async () => {
    const { t, manager } = await setup();
    const p = createPerson(t.db);
    const item = await callWithFollowUp(t, manager.token, p.id);
    const done = await markDone(t, manager.token, item.id);
    expect(done.json().followUpDoneAt).not.toBeNull();
    const moved = await t.patch(
      manager.token,
      `/api/interactions/${item.id}`,
      { followUpOn: '2024-02-10' },
      done.headers.etag as string,
    );
    expect(moved.json()).toMatchObject({ followUpOn: '2024-02-10', followUpDoneAt: null });
  });
});

describe('DELETE /api/interactions/:id', () => {
  it('soft-deletes with If-Match (author or admin only): gone from reads, row and audit kept', async () => {
    const { t, manager, other } = await setup();
    const p = createPerson(t.db);
    const item = await create(t, manager.token, { kind: 'note', subject: 'Notiz', personIds: [p.id] });
    const url = `/api/interactions/${item.id}`;
    expect((await t.as(manager.token, { method: 'DELETE', url })).statusCode).toBe(428);
    expect((await t.as(manager.token, { method: 'DELETE', url, headers: { 'if-match': '"7"' } })).statusCode).toBe(412);
    expect((await t.as(other.token, { method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(403);
    const res = await t.as(manager.token, { method: 'DELETE', url, headers: { 'if-match': '"1"' } });
    expect(res.statusCode).toBe(204);
    expect((await t.as(manager.token, { method: 'GET', url })).statusCode).toBe(404);
    expect((await list(t, manager.token)).total).toBe(0);
    expect(t.db.select().from(interactions).where(eq(interactions.id, item.id)).get()?.deletedAt).not.toBeNull();
    expect(t.db.select().from(auditEntries).where(eq(auditEntries.action, 'delete')).all()).toHaveLength(1);
  });
});

describe('follow-ups ("Meine Wiedervorlagen")', () => {
  it('lists the current user’s open follow-ups, overdue first, then by date, with overdue and dueToday', async () => {
    const { t, manager, other, viewer } = await setup();
    const p = createPerson(t.db);
    const today = berlinToday();
    const log = (token: string, subject: string, followUpOn?: string) =>
      create(t, token, { kind: 'call', subject, personIds: [p.id], ...(followUpOn ? { followUpOn } : {}) });
    await log(manager.token, 'Zukunft', '2999-01-01');
    await log(manager.token, 'Heute', today);
    await log(manager.token, 'Lange überfällig', '2020-01-01');
    await log(manager.token, 'Überfällig', '2021-06-01');
    await log(manager.token, 'Ohne Wiedervorlage');
    const done = await log(manager.token, 'Erledigt', '2020-02-01');
    await markDone(t, manager.token, done.id);
    const removed = await log(manager.token, 'Gelöscht', '2020-03-01');
    await t.as(manager.token, {
      method: 'DELETE',
      url: `/api/interactions/${removed.id}`,
      headers: { 'if-match': '"1"' },
    });
    await log(other.token, 'Kollegin', '2019-01-01');

    const mine = await t.as(manager.token, { method: 'GET', url: '/api/interactions/follow-ups' });
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json() as { items: Item[]; total: number; overdueCount: number; dueTodayCount: number };
    expect(body.items.map((i) => [i.subject, i.overdue, i.dueToday])).toEqual([
      ['Lange überfällig', true, false],
      ['Überfällig', true, false],
      ['Heute', false, true],
      ['Zukunft', false, false],
    ]);
    expect(body).toMatchObject({ total: 4, overdueCount: 2, dueTodayCount: 1, page: 1, pageSize: 50 });

    const all = await t.as(manager.token, { method: 'GET', url: '/api/interactions/follow-ups?scope=all' });
    expect(all.json().items.map((i: Item) => i.subject)).toEqual([
      'Kollegin',
      'Lange überfällig',
      'Überfällig',
      'Heute',
      'Zukunft',
    ]);
    const theirs = await t.as(other.token, { method: 'GET', url: '/api/interactions/follow-ups?scope=mine' });
    expect(theirs.json().items.map((i: Item) => i.subject)).toEqual(['Kollegin']);

    const paged = await t.as(manager.token, { method: 'GET', url: '/api/interactions/follow-ups?pageSize=2&page=2' });
    expect(paged.json().items.map((i: Item) => i.subject)).toEqual(['Heute', 'Zukunft']);

    expect(
      (await t.as(viewer.token, { method: 'GET', url: '/api/interactions/follow-ups?scope=all' })).statusCode,
    ).toBe(403);
    const viewerMine = await t.as(viewer.token, { method: 'GET', url: '/api/interactions/follow-ups' });
    expect(viewerMine.statusCode).toBe(200);
    expect(viewerMine.json().items).toEqual([]);
    expect(
      (await t.as(viewer.token, { method: 'GET', url: '/api/interactions/follow-ups?scope=everyone' })).statusCode,
    ).toBe(400);
  });

  it('marks a follow-up done once (repeating changes nothing); 409 without a follow-up; any manager may', async () => {
    const { t, manager, other } = await setup();
    const p = createPerson(t.db);
    const item = await callWithFollowUp(t, manager.token, p.id);
    const res = await markDone(t, other.token, item.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    const doneAt = res.json().followUpDoneAt as string;
    expect(Date.parse(doneAt)).not.toBeNaN();
    const again = await markDone(t, manager.token, item.id);
    expect(again.json()).toMatchObject({ version: 2, followUpDoneAt: doneAt });
    expect(t.db.select().from(auditEntries).where(eq(auditEntries.action, 'follow_up_done')).all()).toHaveLength(1);

    const plain = await create(t, manager.token, { kind: 'call', subject: 'y', personIds: [p.id] });
    const none = await markDone(t, manager.token, plain.id);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('NO_FOLLOW_UP');
    expect((await markDone(t, manager.token, 999999)).statusCode).toBe(404);
  });
});

describe('roles', () => {
  it('refuses every write to a viewer with 403 and writes nothing', async () => {
    const { t, manager, viewer } = await setup();
    const p = createPerson(t.db);
    const item = await callWithFollowUp(t, manager.token, p.id);
    const writes = [
      { method: 'POST' as const, url: '/api/interactions', payload: { kind: 'call', subject: 'y', personIds: [p.id] } },
      {
        method: 'PATCH' as const,
        url: `/api/interactions/${item.id}`,
        headers: { 'if-match': '"1"' },
        payload: { subject: 'z' },
      },
      { method: 'DELETE' as const, url: `/api/interactions/${item.id}`, headers: { 'if-match': '"1"' } },
      { method: 'POST' as const, url: `/api/interactions/${item.id}/follow-up-done` },
    ];
    for (const w of writes) {
      const res = await t.as(viewer.token, w);
      expect(res.statusCode, `${w.method} ${w.url}`).toBe(403);
    }
    expect(countRows(t.db, interactions)).toBe(1);
    const now = await t.as(viewer.token, { method: 'GET', url: `/api/interactions/${item.id}` });
    expect(now.json()).toMatchObject({ version: 1, subject: 'x', followUpDoneAt: null });
  });

  it('answers 401 without a token', async () => {
    const { t } = await setup();
    for (const url of ['/api/interactions', '/api/interactions/follow-ups', '/api/interactions/1']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
