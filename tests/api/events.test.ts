import { auditEntries, eventSessions, events, topics } from '@anett/db/schema';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createAttendance, createEvent, createEventSession, createNode, createPerson } from '../support/factories.ts';

async function setup() {
  const t = await createTestApp();
  const { token } = await t.login('manager');
  const { token: viewer } = await t.login('viewer');
  const topic = (slug: string) => t.db.select().from(topics).where(eq(topics.slug, slug)).get()!;
  return { t, token, viewer, topic };
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

function post(t: TestApp, token: string, payload: object) {
  return t.post(token, '/api/events', payload);
}

describe('events', () => {
  it('creates an event with node and topics (201, ETag) and returns it with sessions and counts', async () => {
    const { t, token, viewer, topic } = await setup();
    const node = createNode(t.db, { name: 'QTI-Knoten Rohr' });
    const res = await post(t, token, {
      title: 'Eröffnung QTI-Knoten Rohr',
      kind: 'opening',
      nodeId: node.id,
      startsAt: '2024-11-15T10:00:00+01:00',
      endsAt: '2024-11-15T14:00:00+01:00',
      location: 'BTZ Rohr',
      capacity: 80,
      topicIds: [topic('qualifikation').id, topic('transfer').id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const body = res.json();
    expect(body).toMatchObject({
      title: 'Eröffnung QTI-Knoten Rohr',
      kind: 'opening',
      node: { id: node.id, name: 'QTI-Knoten Rohr' },
      startsAt: '2024-11-15T09:00:00.000Z',
      endsAt: '2024-11-15T13:00:00.000Z',
      capacity: 80,
      sessions: [],
      totalHours: 0,
      counts: { registered: 0, waitlisted: 0, attended: 0 },
    });
    expect(body.topics.map((x: { slug: string }) => x.slug).sort()).toEqual(['qualifikation', 'transfer']);

    const get = await t.as(viewer, { method: 'GET', url: `/api/events/${body.id}` });
    expect(get.statusCode).toBe(200);
    expect(get.headers.etag).toBe('"1"');
    expect(
      t.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.entity, 'event'), eq(auditEntries.action, 'create')))
        .all(),
    ).toHaveLength(1);
  });

  it.each([
    ['end before start', { startsAt: '2024-11-15T10:00:00Z', endsAt: '2024-11-15T09:00:00Z' }, 'endsAt'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['no title', { title: '' }, 'title'],
    ['unknown kind', { kind: 'party' }, 'kind'],
    ['start without offset', { startsAt: '2024-11-15 10:00' }, 'startsAt'],
    ['unknown topic id', { topicIds: [999_999] }, 'topicIds'],
    ['unknown node', { nodeId: 999_999 }, 'nodeId'],
  ])('refuses %s with 400 naming the field and writes nothing', async (_, change, field) => {
    const { t, token } = await setup();
    const res = await post(t, token, {
      title: 'Netzwerktreffen',
      kind: 'network_meeting',
      startsAt: '2024-11-15T10:00:00Z',
      ...change,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(t.db.select().from(events).all()).toHaveLength(0);
  });

  it('lists with filters: when, node, kind, topic (id or slug), year, from/to, q; with node, topics and counts', async () => {
    const { t, viewer, topic } = await setup();
    const gotha = createNode(t.db, { name: 'Gotha' });
    const rohr = createNode(t.db, { name: 'Rohr' });
    const h2 = topic('wasserstoff');
    const past2024 = createEvent(t.db, {
      title: 'Podium Dekarbonisierung',
      kind: 'panel',
      nodeId: gotha.id,
      startsAt: '2024-03-10T16:00:00.000Z',
      topicIds: [h2.id],
    });
    const course = createEvent(t.db, {
      title: 'Fachexperte für Wasserstoffanwendungen',
      kind: 'course',
      nodeId: rohr.id,
      startsAt: '2025-02-03T07:00:00.000Z',
      endsAt: '2025-02-07T15:00:00.000Z',
      location: 'Sömmerda',
      capacity: 12,
    });
    const upcoming = createEvent(t.db, { title: 'Netzwerktreffen Zukunft', startsAt: future(30), capacity: 2 });
    const person = createPerson(t.db);
    createAttendance(t.db, { eventId: upcoming.id, personId: person.id, status: 'registered' });

    const list = async (query: string) => {
      const res = await t.as(viewer, { method: 'GET', url: `/api/events?${query}` });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const ids = async (query: string) => (await list(query)).items.map((e: { id: number }) => e.id);

    const all = await list('');
    expect(all.total).toBe(3);
    expect(all.pageSize).toBe(50);
    expect(all.items.map((e: { id: number }) => e.id)).toEqual([upcoming.id, course.id, past2024.id]);
    const up = all.items[0];
    expect(up.counts).toMatchObject({ registered: 1, waitlisted: 0, attended: 0 });
    expect(up.capacity).toBe(2);
    expect(all.items[2].node).toEqual({ id: gotha.id, name: 'Gotha' });
    expect(all.items[2].topics).toEqual([
      expect.objectContaining({ id: h2.id, slug: 'wasserstoff', label: 'Wasserstoff' }),
    ]);

    expect(await ids('when=upcoming')).toEqual([upcoming.id]);
    expect(await ids('when=past')).toEqual([course.id, past2024.id]);
    expect(await ids(`nodeId=${rohr.id}`)).toEqual([course.id]);
    expect(await ids(`nodeId=${rohr.id}&nodeId=${gotha.id}`)).toEqual([course.id, past2024.id]);
    expect(await ids('kind=course&kind=panel')).toEqual([course.id, past2024.id]);
    expect(await ids('topic=wasserstoff')).toEqual([past2024.id]);
    expect(await ids(`topic=${h2.id}`)).toEqual([past2024.id]);
    expect(await ids('year=2024')).toEqual([past2024.id]);
    // A course running over the range is found on any of its days.
    expect(await ids('from=2025-02-05&to=2025-02-05')).toEqual([course.id]);
    expect(await ids('from=2024-01-01&to=2024-12-31')).toEqual([past2024.id]);
    expect(await ids('q=sommerda')).toEqual([course.id]);
    expect(await ids('q=wasserstoff fachexperte')).toEqual([course.id]);
    expect(await ids('sort=title')).toEqual([course.id, upcoming.id, past2024.id]);
    expect(await ids('sort=-startsAt&pageSize=1&page=2')).toEqual([course.id]);

    for (const bad of [
      'when=soon',
      'year=abc',
      'from=2025-13-01',
      'from=2025-02-05&to=2025-02-01',
      'sort=location',
      'kind=party',
      'pageSize=501',
    ]) {
      const res = await t.as(viewer, { method: 'GET', url: `/api/events?${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors.length, bad).toBeGreaterThan(0);
    }
  });

  it('patches with If-Match (428 without, 412 stale) and checks the merged start and end', async () => {
    const { t, token, topic } = await setup();
    const event = createEvent(t.db, { startsAt: '2024-11-15T09:00:00.000Z', endsAt: '2024-11-15T13:00:00.000Z' });
    const url = `/api/events/${event.id}`;
    expect((await t.patch(token, url, { title: 'Neu' })).statusCode).toBe(428);
    expect((await t.patch(token, url, { title: 'Neu' }, '"7"')).statusCode).toBe(412);

    const early = await t.patch(token, url, { endsAt: '2024-11-15T08:00:00Z' }, '"1"');
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('endsAt');
    const badTopic = await t.patch(token, url, { topicIds: [424242] }, '"1"');
    expect(badTopic.statusCode).toBe(400);
    expect(badTopic.json().errors[0].field).toBe('topicIds');
    const unknownField = await t.patch(token, url, { colour: 'red' }, '"1"');
    expect(unknownField.statusCode).toBe(400);
    expect(t.db.select().from(events).where(eq(events.id, event.id)).get()?.version).toBe(1);

    const ok = await t.patch(
      token,
      url,
      { title: 'Netzwerktreffen Gotha', topicIds: [topic('demografie').id], endsAt: null },
      '"1"',
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ title: 'Netzwerktreffen Gotha', endsAt: null, topics: [{ slug: 'demografie' }] });
    const audit = t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'event'), eq(auditEntries.action, 'update')))
      .get();
    expect(audit?.diff).toMatchObject({
      title: [event.title, 'Netzwerktreffen Gotha'],
      topicIds: [[], [topic('demografie').id]],
    });
  });

  it('deletes softly with If-Match: gone from list and detail, row kept', async () => {
    const { t, token, viewer } = await setup();
    const event = createEvent(t.db);
    const url = `/api/events/${event.id}`;
    expect((await t.as(token, { method: 'DELETE', url })).statusCode).toBe(428);
    expect((await t.as(token, { method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(204);
    expect((await t.as(viewer, { method: 'GET', url })).statusCode).toBe(404);
    expect((await t.as(viewer, { method: 'GET', url: '/api/events' })).json().total).toBe(0);
    expect(t.db.select().from(events).where(eq(events.id, event.id)).get()?.deletedAt).toEqual(expect.any(String));
  });

  it('manages course sessions: create, change with If-Match, delete; detail sums the hours', async () => {
    const { t, token, viewer } = await setup();
    const course = createEvent(t.db, { kind: 'course', title: 'Industrie 4.0' });
    const base = `/api/events/${course.id}/sessions`;
    const first = await t.post(token, base, {
      title: 'Grundlagen',
      startsAt: '2025-03-04T08:00:00+01:00',
      endsAt: '2025-03-04T16:00:00+01:00',
      hours: 8,
    });
    expect(first.statusCode).toBe(201);
    const second = await t.post(token, base, { startsAt: '2025-03-05T08:00:00+01:00', hours: 4 });
    expect(second.statusCode).toBe(201);
    const bad = await t.post(token, base, {
      startsAt: '2025-03-05T08:00:00+01:00',
      endsAt: '2025-03-04T08:00:00+01:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('endsAt');
    const negative = await t.post(token, base, { startsAt: '2025-03-05T08:00:00+01:00', hours: -1 });
    expect(negative.json().errors[0].field).toBe('hours');

    const detail = (await t.as(viewer, { method: 'GET', url: `/api/events/${course.id}` })).json();
    expect(detail.sessions.map((s: { title: string | null }) => s.title)).toEqual(['Grundlagen', null]);
    expect(detail.totalHours).toBe(12);

    const sessionUrl = `${base}/${second.json().id}`;
    expect((await t.patch(token, sessionUrl, { hours: 6 })).statusCode).toBe(428);
    const patched = await t.patch(token, sessionUrl, { hours: 6, title: 'Vertiefung' }, '"1"');
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ hours: 6, title: 'Vertiefung', version: 2 });
    expect((await t.as(token, { method: 'DELETE', url: sessionUrl, headers: { 'if-match': '"1"' } })).statusCode).toBe(
      412,
    );
    expect((await t.as(token, { method: 'DELETE', url: sessionUrl, headers: { 'if-match': '"2"' } })).statusCode).toBe(
      204,
    );
    expect(t.db.select().from(eventSessions).all()).toHaveLength(1);
    expect((await t.as(token, { method: 'DELETE', url: sessionUrl, headers: { 'if-match': '"2"' } })).statusCode).toBe(
      404,
    );

    const other = createEvent(t.db);
    const foreign = createEventSession(t.db, { eventId: other.id });
    expect((await t.patch(token, `${base}/${foreign.id}`, { hours: 1 }, '"1"')).statusCode).toBe(404);
  });

  it('answers 404 for unknown events and 401 without a token', async () => {
    const { t, viewer } = await setup();
    expect((await t.as(viewer, { method: 'GET', url: '/api/events/999' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/events' })).statusCode).toBe(401);
  });
});
