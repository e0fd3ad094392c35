import { decodeCursor, encodeCursor, timelineQuery } from '@anett/server/modules/interactions/timeline.repository';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  createAffiliation,
  createAttendance,
  createEvent,
  createInteraction,
  createNode,
  createOrganization,
  createPerson,
} from '../support/factories.ts';

type Entry =
  | { type: 'interaction'; at: string; interaction: { id: number; subject: string; persons: { id: number }[] } }
  | {
      type: 'attendance';
      at: string;
      attendanceId: number;
      event: { id: number; title: string; kind: string };
      person: { id: number; name: string };
      status: string;
      role: string;
      organization: { id: number | null; name: string } | null;
    };
type TimelineBody = { items: Entry[]; nextCursor: string | null };

async function setup() {
  const t = await createTestApp();
  const manager = await t.login('manager');
  const viewer = await t.login('viewer');
  return { t, manager: manager.token, viewer: viewer.token };
}

async function timeline(t: TestApp, token: string, url: string) {
  const res = await t.as(token, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TimelineBody;
}
const label = (e: Entry) => (e.type === 'interaction' ? `I ${e.interaction.subject}` : `A ${e.event.title}`);

/** Follows nextCursor to the end and returns every page's labels. */
async function allPages(t: TestApp, token: string, base: string, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const body: TimelineBody = await timeline(t, token, `${base}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(body.items.map(label));
    cursor = body.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('GET /api/persons/:id/timeline', () => {
  it('mixes interactions and attendances, newest first, leaving out deleted ones and other people’s', async () => {
    const { t, viewer } = await setup();
    const anna = createPerson(t.db, { firstName: 'Anna', lastName: 'Müller' });
    const other = createPerson(t.db);
    const org = createOrganization(t.db, { name: 'Präzisionsteile Rohr GmbH' });
    const e1 = createEvent(t.db, { title: 'Netzwerktreffen Januar', startsAt: '2024-01-10T09:00:00.000Z' });
    const e2 = createEvent(t.db, { title: 'Eröffnung Rohr', kind: 'opening', startsAt: '2024-03-10T09:00:00.000Z' });
    const e3 = createEvent(t.db, {
      title: 'Lehrgang Wasserstoff',
      kind: 'course',
      startsAt: '2024-05-10T09:00:00.000Z',
    });
    const gone = createEvent(t.db, {
      title: 'Abgesagte Messe',
      startsAt: '2024-04-20T09:00:00.000Z',
      deletedAt: '2024-04-01T00:00:00.000Z',
    });
    createAttendance(t.db, { eventId: e1.id, personId: anna.id });
    createAttendance(t.db, {
      eventId: e2.id,
      personId: anna.id,
      role: 'speaker',
      organizationId: org.id,
      organizationName: org.name,
    });
    createAttendance(t.db, { eventId: e3.id, personId: anna.id, status: 'registered' });
    createAttendance(t.db, { eventId: gone.id, personId: anna.id });
    createAttendance(t.db, { eventId: e1.id, personId: other.id });
    createInteraction(t.db, { personIds: [anna.id], subject: 'Februar', occurredAt: '2024-02-01T10:00:00.000Z' });
    createInteraction(t.db, {
      personIds: [anna.id, other.id],
      subject: 'April',
      occurredAt: '2024-04-01T10:00:00.000Z',
    });
    createInteraction(t.db, { personIds: [anna.id], subject: 'Juni', occurredAt: '2024-06-01T10:00:00.000Z' });
    createInteraction(t.db, {
      personIds: [anna.id],
      subject: 'Gelöscht',
      occurredAt: '2024-07-01T10:00:00.000Z',
      deletedAt: '2024-07-02T00:00:00.000Z',
    });
    createInteraction(t.db, { personIds: [other.id], subject: 'Fremd', occurredAt: '2024-08-01T10:00:00.000Z' });

    const body = await timeline(t, viewer, `/api/persons/${anna.id}/timeline`);
    expect(body.items.map(label)).toEqual([
      'I Juni',
      'A Lehrgang Wasserstoff',
      'I April',
      'A Eröffnung Rohr',
      'I Februar',
      'A Netzwerktreffen Januar',
    ]);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({
      type: 'interaction',
      at: '2024-06-01T10:00:00.000Z',
      interaction: { subject: 'Juni', persons: [{ id: anna.id }] },
    });
    expect(body.items[3]).toEqual({
      type: 'attendance',
      at: '2024-03-10T09:00:00.000Z',
      attendanceId: expect.any(Number),
      event: { id: e2.id, title: 'Eröffnung Rohr', kind: 'opening' },
      person: { id: anna.id, name: 'Anna Müller' },
      status: 'attended',
      role: 'speaker',
      organization: { id: org.id, name: 'Präzisionsteile Rohr GmbH' },
    });
    expect(body.items[1]).toMatchObject({ status: 'registered', role: 'guest', organization: null });
  });

  it('pages by cursor without gaps or repeats, also across equal times', async () => {
    const { t, viewer } = await setup();
    const p = createPerson(t.db);
    const same = '2024-03-01T10:00:00.000Z';
    for (const [i, at] of ['2024-01-01', '2024-02-01', '2024-03-01', '2024-03-01', '2024-04-01'].entries()) {
      createInteraction(t.db, {
        personIds: [p.id],
        subject: `i${i}`,
        occurredAt: at === '2024-03-01' ? same : `${at}T10:00:00.000Z`,
      });
    }
    for (const [i, at] of ['2024-01-15', '2024-03-01', '2024-03-01', '2024-05-01'].entries()) {
      const e = createEvent(t.db, { title: `e${i}`, startsAt: at === '2024-03-01' ? same : `${at}T10:00:00.000Z` });
      createAttendance(t.db, { eventId: e.id, personId: p.id });
    }
    const full = (await timeline(t, viewer, `/api/persons/${p.id}/timeline`)).items.map(label);
    expect(full).toHaveLength(9);
    expect(full.slice(0, 2)).toEqual(['A e3', 'I i4']);
    // Equal times: interactions before attendances, then newest id first.
    expect(full.slice(2, 6)).toEqual(['I i3', 'I i2', 'A e2', 'A e1']);

    for (const limit of [1, 2, 4]) {
      const pages = await allPages(t, viewer, `/api/persons/${p.id}/timeline`, limit);
      expect(pages.flat(), `limit ${limit}`).toEqual(full);
      expect(pages.length).toBe(Math.ceil(9 / limit));
    }
    const exact = await timeline(t, viewer, `/api/persons/${p.id}/timeline?limit=9`);
    expect(exact.nextCursor).toBeNull();
  });

  it('defaults to 50 entries', async () => {
    const { t, viewer } = await setup();
    const p = createPerson(t.db);
    for (let i = 0; i < 55; i++) {
      createInteraction(t.db, { personIds: [p.id], occurredAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString() });
    }
    const body = await timeline(t, viewer, `/api/persons/${p.id}/timeline`);
    expect(body.items).toHaveLength(50);
    expect(body.nextCursor).not.toBeNull();
  });

  it('answers 404 for an unknown person and 400 for a bad cursor or limit', async () => {
    const { t, viewer } = await setup();
    const p = createPerson(t.db);
    const missing = await t.as(viewer, { method: 'GET', url: '/api/persons/999999/timeline' });
    expect(missing.statusCode).toBe(404);
    for (const [qs, field] of [
      ['cursor=kaputt', 'cursor'],
      [`cursor=${Buffer.from('x|y|z').toString('base64url')}`, 'cursor'],
      ['cursor=a%20b', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
    ]) {
      const res = await t.as(viewer, { method: 'GET', url: `/api/persons/${p.id}/timeline?${qs}` });
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/persons/${p.id}/timeline` })).statusCode).toBe(401);
  });
});

describe('GET /api/organizations/:id/timeline', () => {
  it('shows interactions linked to the organisation and attendances with it as the organisation at the time', async () => {
    const { t, manager, viewer } = await setup();
    const org = createOrganization(t.db, { name: 'Fahrzeugbau Gotha GmbH' });
    const elsewhere = createOrganization(t.db);
    const anna = createPerson(t.db);
    createAffiliation(t.db, { personId: anna.id, organizationId: org.id, isPrimary: true });
    const logged = await t.post(manager, '/api/interactions', {
      kind: 'visit',
      subject: 'Besuch',
      occurredAt: '2024-05-01T08:00:00Z',
      personIds: [anna.id],
    });
    expect(logged.statusCode, logged.body).toBe(201);
    createInteraction(t.db, { personIds: [anna.id], subject: 'Nur Person', occurredAt: '2024-06-01T08:00:00.000Z' });
    const then = createEvent(t.db, { title: 'Damals bei uns', startsAt: '2024-02-01T09:00:00.000Z' });
    const before = createEvent(t.db, { title: 'Vorher woanders', startsAt: '2023-02-01T09:00:00.000Z' });
    createAttendance(t.db, { eventId: then.id, personId: anna.id, organizationId: org.id, organizationName: org.name });
    createAttendance(t.db, {
      eventId: before.id,
      personId: anna.id,
      organizationId: elsewhere.id,
      organizationName: elsewhere.name,
    });

    const body = await timeline(t, viewer, `/api/organizations/${org.id}/timeline`);
    expect(body.items.map(label)).toEqual(['I Besuch', 'A Damals bei uns']);
    expect(body.items[1]).toMatchObject({
      person: { id: anna.id },
      organization: { id: org.id, name: 'Fahrzeugbau Gotha GmbH' },
    });
    expect((await t.as(viewer, { method: 'GET', url: '/api/organizations/999999/timeline' })).statusCode).toBe(404);
  });
});

describe('GET /api/nodes/:id/timeline', () => {
  it('shows interactions at the node and attendances of its events', async () => {
    const { t, viewer } = await setup();
    const rohr = createNode(t.db, { name: 'QTI-Knoten Rohr' });
    const gotha = createNode(t.db, { name: 'QTI-Knoten Gotha' });
    const p = createPerson(t.db);
    const q = createPerson(t.db);
    const opening = createEvent(t.db, { title: 'Eröffnung', nodeId: rohr.id, startsAt: '2024-11-15T09:00:00.000Z' });
    const other = createEvent(t.db, { title: 'Gotha-Treffen', nodeId: gotha.id, startsAt: '2024-10-01T09:00:00.000Z' });
    createAttendance(t.db, { eventId: opening.id, personId: p.id });
    createAttendance(t.db, { eventId: opening.id, personId: q.id, status: 'no_show' });
    createAttendance(t.db, { eventId: other.id, personId: p.id });
    createInteraction(t.db, {
      personIds: [p.id],
      nodeId: rohr.id,
      subject: 'Vorgespräch',
      occurredAt: '2024-09-01T09:00:00.000Z',
    });
    createInteraction(t.db, {
      personIds: [p.id],
      nodeId: gotha.id,
      subject: 'In Gotha',
      occurredAt: '2024-09-02T09:00:00.000Z',
    });

    const body = await timeline(t, viewer, `/api/nodes/${rohr.id}/timeline`);
    expect(body.items.map(label)).toEqual(['A Eröffnung', 'A Eröffnung', 'I Vorgespräch']);
    expect(body.items.slice(0, 2).map((e) => (e.type === 'attendance' ? [e.person.id, e.status] : null))).toEqual([
      [q.id, 'no_show'],
      [p.id, 'attended'],
    ]);
    expect((await t.as(viewer, { method: 'GET', url: '/api/nodes/999999/timeline' })).statusCode).toBe(404);
  });
});

describe('timeline query plan', () => {
  it.each(['person', 'organization', 'node'] as const)(
    'the %s timeline reads through indexes only (no full scan), with and without a cursor',
    async (subject) => {
      const { t } = await setup();
      const cursor = decodeCursor(encodeCursor({ at: '2024-01-01T00:00:00.000Z', type: 'interaction', id: 5 }));
      for (const c of [undefined, cursor]) {
        const plan = t.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${timelineQuery(subject, 1, c, 51)}`);
        const details = plan.map((r) => r.detail);
        expect(
          details.filter((d) => /^SCAN /.test(d)),
          details.join('\n'),
        ).toEqual([]);
        expect(
          details.some((d) => /MERGE/.test(d)),
          details.join('\n'),
        ).toBe(true);
      }
    },
  );
});
