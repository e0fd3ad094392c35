import { berlinToday } from '@anett/server/lib/time';
import type { Dashboard } from '@anett/shared/schemas/dashboard';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import {
  createAttendance,
  createEvent,
  createInteraction,
  createNode,
  createOrganization,
  createPerson,
} from '../support/factories.ts';

const today = berlinToday();
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
const pad = (n: number) => String(n).padStart(2, '0');
const dayOffset = (days: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('dashboard', () => {
  it('shows key figures of this and last year, reach per node and attendances of the last 12 months', async () => {
    const t = await createTestApp();
    const { token: viewer } = await t.login('viewer');
    const db = t.db;
    const nodeA = createNode(db, { name: 'A-Knoten' });
    const nodeB = createNode(db, { name: 'B-Knoten' });
    const sme = createOrganization(db, { sizeClass: 'small' });
    const big = createOrganization(db, { sizeClass: 'large' });
    const [p1, p2, p3] = [createPerson(db), createPerson(db), createPerson(db)];

    // This year (1 January, in the last 12 months whatever today is): p1 and p2 at A, p1 at B; p3 only registered.
    const curA = createEvent(db, { nodeId: nodeA.id, startsAt: `${year}-01-01T08:00:00.000Z` });
    const curB = createEvent(db, { nodeId: nodeB.id, startsAt: `${year}-01-01T10:00:00.000Z` });
    createAttendance(db, { eventId: curA.id, personId: p1.id, organizationId: sme.id });
    createAttendance(db, { eventId: curA.id, personId: p2.id, organizationId: big.id });
    createAttendance(db, { eventId: curA.id, personId: p3.id, organizationId: big.id, status: 'registered' });
    createAttendance(db, { eventId: curB.id, personId: p1.id, organizationId: sme.id });
    // Last year (June: outside the last 12 months) and the year before (not shown).
    const prev = createEvent(db, { nodeId: nodeA.id, startsAt: `${year - 1}-06-15T08:00:00.000Z` });
    createAttendance(db, { eventId: prev.id, personId: p3.id, organizationId: big.id });
    createAttendance(db, { eventId: prev.id, personId: p1.id, organizationId: sme.id });
    const old = createEvent(db, { nodeId: nodeA.id, startsAt: `${year - 2}-06-15T08:00:00.000Z` });
    createAttendance(db, { eventId: old.id, personId: p2.id, organizationId: big.id });
    createInteraction(db, { occurredAt: `${year}-01-02T10:00:00.000Z`, personIds: [p1.id] });
    createInteraction(db, { occurredAt: `${year - 1}-03-02T10:00:00.000Z`, personIds: [p1.id] });
    createInteraction(db, {
      occurredAt: `${year - 1}-03-03T10:00:00.000Z`,
      personIds: [p2.id],
      deletedAt: '2024-01-01',
    });

    const res = await t.as(viewer, { method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(200);
    const body: Dashboard = res.json();
    expect(body.keyFigures.current).toEqual({
      year,
      organizations: 2,
      smes: 1,
      persons: 2,
      events: 2,
      attendances: 3,
      interactions: 1,
    });
    expect(body.keyFigures.previous).toEqual({
      year: year - 1,
      organizations: 2,
      smes: 1,
      persons: 2,
      events: 1,
      attendances: 2,
      interactions: 1,
    });
    expect(body.reachPerNode).toEqual([
      { nodeId: nodeA.id, nodeName: 'A-Knoten', organizations: 2, smes: 1, persons: 2 },
      { nodeId: nodeB.id, nodeName: 'B-Knoten', organizations: 1, smes: 1, persons: 1 },
    ]);
    expect(body.attendancesPerMonth).toHaveLength(12);
    expect(body.attendancesPerMonth.at(-1)?.month).toBe(`${year}-${pad(month)}`);
    expect(body.attendancesPerMonth.find((m) => m.month === `${year}-01`)?.attendances).toBe(3);
    expect(body.attendancesPerMonth.reduce((sum, m) => sum + m.attendances, 0)).toBe(3);
  });

  it('lists the next five events with seats taken, my due follow-ups and recent activity in words', async () => {
    const t = await createTestApp();
    const { token: manager, userId } = await t.login('manager');
    const { userId: otherUser } = await t.login('manager');
    const db = t.db;
    const node = createNode(db, { name: 'QTI-Knoten Rohr' });
    const persons = Array.from({ length: 4 }, () => createPerson(db));
    const upcoming = [6, 1, 3, 2, 5, 4].map((days) =>
      createEvent(db, {
        title: `In ${days} Tagen`,
        nodeId: node.id,
        startsAt: inFuture(days),
        capacity: days === 1 ? 2 : null,
      }),
    );
    const soon = upcoming[1]!;
    createAttendance(db, { eventId: soon.id, personId: persons[0]!.id, status: 'registered' });
    createAttendance(db, { eventId: soon.id, personId: persons[1]!.id, status: 'attended' });
    createAttendance(db, { eventId: soon.id, personId: persons[2]!.id, status: 'waitlisted' });
    createAttendance(db, { eventId: soon.id, personId: persons[3]!.id, status: 'cancelled' });
    createEvent(db, { title: 'Vorbei', startsAt: inFuture(-2) });

    const followUp = (authorId: number, day: string, done = false) =>
      createInteraction(db, {
        subject: `Wiedervorlage ${day}`,
        occurredAt: '2020-01-01T10:00:00.000Z',
        authorId,
        followUpOn: day,
        followUpDoneAt: done ? '2020-01-02T10:00:00.000Z' : null,
        personIds: [persons[0]!.id],
      });
    followUp(userId, dayOffset(1));
    followUp(userId, today);
    followUp(userId, dayOffset(-3));
    followUp(userId, dayOffset(-5), true);
    followUp(otherUser, dayOffset(-1));

    const created = await t.post(manager, '/api/organizations', { name: 'Aktiv Präzision GmbH', kind: 'company' });
    expect(created.statusCode).toBe(201);

    const body: Dashboard = (await t.as(manager, { method: 'GET', url: '/api/dashboard' })).json();
    expect(body.upcomingEvents.map((e) => e.title)).toEqual([
      'In 1 Tagen',
      'In 2 Tagen',
      'In 3 Tagen',
      'In 4 Tagen',
      'In 5 Tagen',
    ]);
    expect(body.upcomingEvents[0]).toMatchObject({
      kind: 'network_meeting',
      node: { id: node.id, name: 'QTI-Knoten Rohr' },
      capacity: 2,
      registered: 2,
      waitlisted: 1,
    });

    expect(body.followUps).toMatchObject({ due: 2, overdue: 1, dueToday: 1, open: 3 });
    expect(body.followUps.items.map((f) => [f.subject, f.overdue, f.dueToday])).toEqual([
      [`Wiedervorlage ${dayOffset(-3)}`, true, false],
      [`Wiedervorlage ${today}`, false, true],
    ]);
    expect(body.followUps.items[0]?.persons).toEqual([{ id: persons[0]!.id, name: expect.any(String) }]);

    // Sign-ins are not activity; the new organisation is, in a sentence.
    expect(body.recentActivity.map((a) => a.entity)).not.toContain('auth');
    expect(body.recentActivity[0]).toMatchObject({
      entity: 'organization',
      entityId: created.json().id,
      action: 'create',
      label: 'Aktiv Präzision GmbH',
      user: { id: userId },
      text: expect.stringMatching(/^manager \d+ hat die Organisation „Aktiv Präzision GmbH“ angelegt$/),
    });
  });

  it('is for signed-in users of every role', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer');
    expect((await t.as(token, { method: 'GET', url: '/api/dashboard' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });
});
