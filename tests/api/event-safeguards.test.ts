import { attendances, auditEntries, eventSessions, events } from '@anett/db/schema';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createAttendance, createEvent, createEventSession, createPerson } from '../support/factories.ts';
import { readPdf } from '../support/pdf.ts';

/** Nothing changes silently: capacity, waiting list, sessions, check-in and certificates (issue 11, item 5). */

async function setup() {
  const t = await createTestApp();
  const { token } = await t.login('manager');
  const call = t.caller(token);
  return { t, token, call };
}

const statusOf = (t: TestApp, eventId: number, personId: number) =>
  t.db
    .select()
    .from(attendances)
    .where(and(eq(attendances.eventId, eventId), eq(attendances.personId, personId)))
    .get()?.status;
const eventRow = (t: TestApp, id: number) => t.db.select().from(events).where(eq(events.id, id)).get();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('capacity and the waiting list', () => {
  it('refuses a capacity below the seats taken with 409 naming the field, unless confirmed', async () => {
    const { t, token } = await setup();
    const event = createEvent(t.db, { capacity: 25 });
    for (let i = 0; i < 22; i++) {
      const status = i < 20 ? 'registered' : 'attended';
      createAttendance(t.db, { eventId: event.id, personId: createPerson(t.db).id, status });
    }
    // Waitlisted and cancelled persons take no seat.
    createAttendance(t.db, { eventId: event.id, personId: createPerson(t.db).id, status: 'waitlisted' });
    createAttendance(t.db, { eventId: event.id, personId: createPerson(t.db).id, status: 'cancelled' });

    const refused = await t.patch(token, `/api/events/${event.id}`, { capacity: 20 }, '"1"');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CAPACITY_BELOW_BOOKINGS',
      errors: [{ field: 'capacity', message: expect.stringContaining('22 Plätze sind schon belegt') }],
      data: { capacity: 20, taken: 22 },
    });
    expect(eventRow(t, event.id)).toMatchObject({ capacity: 25, version: 1 });

    // Exactly the seats taken, more, or unlimited is fine without asking.
    const exact = await t.patch(token, `/api/events/${event.id}`, { capacity: 22 }, '"1"');
    expect(exact.statusCode).toBe(200);
    // Unlimited seats: the waiting person moves up, and the answer says so.
    const unlimited = await t.patch(token, `/api/events/${event.id}`, { capacity: null }, '"2"');
    expect(unlimited.json().promoted).toHaveLength(1);

    const confirmed = await t.patch(token, `/api/events/${event.id}`, { capacity: 20, confirm: true }, '"3"');
    expect(confirmed.statusCode).toBe(200);
    // Nobody loses a seat by it.
    expect(confirmed.json()).toMatchObject({
      capacity: 20,
      counts: { registered: 21, attended: 2, waitlisted: 0 },
      promoted: [],
    });

    // An edit that leaves the (already too small) capacity as it is does not ask again.
    const rename = await t.patch(token, `/api/events/${event.id}`, { title: 'Neuer Titel', capacity: 20 }, '"4"');
    expect(rename.statusCode).toBe(200);
  });

  it('raising the capacity answers who moved up from the waiting list, by name', async () => {
    const { t, token } = await setup();
    const event = createEvent(t.db, { capacity: 1 });
    const [first, second, third] = [
      createPerson(t.db, { firstName: 'Erika', lastName: 'Erste' }),
      createPerson(t.db, { firstName: 'Zoe', lastName: 'Zweite' }),
      createPerson(t.db, { firstName: 'Dora', lastName: 'Dritte' }),
    ];
    createAttendance(t.db, { eventId: event.id, personId: first.id, status: 'registered' });
    createAttendance(t.db, {
      eventId: event.id,
      personId: second.id,
      status: 'waitlisted',
      waitlistedAt: '2024-05-01T08:00:00.000Z',
    });
    createAttendance(t.db, {
      eventId: event.id,
      personId: third.id,
      status: 'waitlisted',
      waitlistedAt: '2024-05-02T08:00:00.000Z',
    });

    const raised = await t.patch(token, `/api/events/${event.id}`, { capacity: 2 }, '"1"');
    expect(raised.statusCode).toBe(200);
    expect(raised.json().promoted).toEqual([
      { attendanceId: expect.any(Number), personId: second.id, name: 'Zoe Zweite' },
    ]);
    expect(statusOf(t, event.id, second.id)).toBe('registered');
    expect(statusOf(t, event.id, third.id)).toBe('waitlisted');

    // Any other change promotes nobody and says so.
    const renamed = await t.patch(token, `/api/events/${event.id}`, { title: 'Umbenannt' }, '"2"');
    expect(renamed.json().promoted).toEqual([]);
  });
});

describe('course sessions', () => {
  it('refuses a session overlapping another one with 409 naming startsAt, on create and on change', async () => {
    const { t, token, call } = await setup();
    const course = createEvent(t.db, { kind: 'course' });
    const base = `/api/events/${course.id}/sessions`;
    const monday = await call('POST', base, {
      startsAt: '2025-03-03T08:30:00+01:00',
      endsAt: '2025-03-03T16:00:00+01:00',
      hours: 8,
    });
    expect(monday.statusCode).toBe(201);

    const overlapping = await call('POST', base, {
      startsAt: '2025-03-03T14:00:00+01:00',
      endsAt: '2025-03-03T18:00:00+01:00',
      hours: 4,
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({
      code: 'SESSION_OVERLAP',
      errors: [{ field: 'startsAt', message: 'überschneidet sich mit dem Termin 03.03.2025, 08:30–16:00 Uhr' }],
    });
    // Same start without an end, and a session around the whole day, overlap too.
    expect((await call('POST', base, { startsAt: '2025-03-03T08:30:00+01:00' })).statusCode).toBe(409);
    const around = { startsAt: '2025-03-03T07:00:00+01:00', endsAt: '2025-03-03T20:00:00+01:00' };
    expect((await call('POST', base, around)).statusCode).toBe(409);
    expect(t.db.select().from(eventSessions).all()).toHaveLength(1);

    // Back to back is fine; a session of another course at the same time too.
    const afternoon = await call('POST', base, {
      startsAt: '2025-03-03T16:00:00+01:00',
      endsAt: '2025-03-03T18:00:00+01:00',
      hours: 2,
    });
    expect(afternoon.statusCode).toBe(201);
    const other = createEvent(t.db, { kind: 'course' });
    expect(
      (await call('POST', `/api/events/${other.id}/sessions`, { startsAt: '2025-03-03T08:30:00+01:00' })).statusCode,
    ).toBe(201);

    const tuesday = await call('POST', base, {
      startsAt: '2025-03-04T08:30:00+01:00',
      endsAt: '2025-03-04T16:00:00+01:00',
    });
    const moved = await t.patch(
      token,
      `${base}/${tuesday.json().id}`,
      { startsAt: '2025-03-03T09:00:00+01:00', endsAt: '2025-03-03T12:00:00+01:00' },
      '"1"',
    );
    expect(moved.statusCode).toBe(409);
    expect(moved.json().errors[0].field).toBe('startsAt');
    // Changing a session within its own time is no overlap with itself.
    const longer = await t.patch(token, `${base}/${monday.json().id}`, { endsAt: '2025-03-03T15:30:00+01:00' }, '"1"');
    expect(longer.statusCode).toBe(200);
  });

  it('keeps the end time of a session, on create and on change, and shows sessions before anyone registered', async () => {
    const { t, token, call } = await setup();
    const course = createEvent(t.db, { kind: 'course' });
    const created = await call('POST', `/api/events/${course.id}/sessions`, {
      startsAt: '2025-03-03T08:30:00+01:00',
      endsAt: '2025-03-03T16:30:00+01:00',
      hours: 8,
    });
    expect(created.json().endsAt).toBe('2025-03-03T15:30:00.000Z');
    const changed = await t.patch(token, `/api/events/${course.id}/sessions/${created.json().id}`, { hours: 7 }, '"1"');
    expect(changed.json()).toMatchObject({ hours: 7, endsAt: '2025-03-03T15:30:00.000Z' });
    const detail = (await call('GET', `/api/events/${course.id}`)).json();
    expect(detail.counts.registered).toBe(0);
    expect(detail.sessions).toEqual([expect.objectContaining({ endsAt: '2025-03-03T15:30:00.000Z', hours: 7 })]);
  });
});

describe('check-in', () => {
  it('before the first day of the event asks for confirmation (409 CHECK_IN_BEFORE_EVENT) on every path', async () => {
    const { t, token, call } = await setup();
    const event = createEvent(t.db, { startsAt: inDays(21), kind: 'course' });
    const session = createEventSession(t.db, { eventId: event.id, startsAt: inDays(21), endsAt: null });
    const [a, b, c] = [1, 2, 3].map(() => createPerson(t.db));
    createAttendance(t.db, { eventId: event.id, personId: a!.id, status: 'registered' });
    createAttendance(t.db, { eventId: event.id, personId: b!.id, status: 'registered' });

    const early = await call('POST', `/api/events/${event.id}/check-in`, { personId: a!.id });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'CHECK_IN_BEFORE_EVENT',
      errors: [{ field: 'confirm' }],
      data: { startsAt: event.startsAt },
    });
    expect(statusOf(t, event.id, a!.id)).toBe('registered');
    const patch = await t.patch(token, `/api/events/${event.id}/attendances/${b!.id}`, { status: 'attended' }, '"1"');
    expect(patch.json().code).toBe('CHECK_IN_BEFORE_EVENT');
    const walkIn = await call('POST', `/api/events/${event.id}/walk-ins`, { firstName: 'Walter', lastName: 'Früh' });
    expect(walkIn.json().code).toBe('CHECK_IN_BEFORE_EVENT');
    const sessionPut = await call('PUT', `/api/events/${event.id}/sessions/${session.id}/attendance`, {
      personIds: [b!.id],
    });
    expect(sessionPut.json().code).toBe('CHECK_IN_BEFORE_EVENT');
    expect(t.db.select().from(attendances).where(eq(attendances.status, 'attended')).all()).toHaveLength(0);
    expect(t.db.select().from(attendances).all()).toHaveLength(2);

    const confirmed = await call('POST', `/api/events/${event.id}/check-in`, { personId: a!.id, confirm: true });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('attended');
    // Checking in an already checked-in person again changes nothing and needs no confirmation.
    expect((await call('POST', `/api/events/${event.id}/check-in`, { personId: a!.id })).statusCode).toBe(200);
    expect(
      (
        await t.patch(
          token,
          `/api/events/${event.id}/attendances/${b!.id}`,
          { status: 'attended', confirm: true },
          '"1"',
        )
      ).statusCode,
    ).toBe(200);
    const walkedIn = await call('POST', `/api/events/${event.id}/walk-ins`, {
      firstName: 'Walter',
      lastName: 'Früh',
      confirm: true,
    });
    expect(walkedIn.statusCode).toBe(201);
    expect(statusOf(t, event.id, c!.id)).toBeUndefined();

    // On the day itself (and afterwards) no confirmation is asked.
    const today = createEvent(t.db, { startsAt: new Date().toISOString() });
    expect((await call('POST', `/api/events/${today.id}/check-in`, { personId: c!.id })).statusCode).toBe(200);
  });

  it('can be undone: the status before comes back, a walk-in leaves the list, a freed seat is given on', async () => {
    const { t, token, call } = await setup();
    const event = createEvent(t.db, { capacity: 2 });
    const [reg, wait, queued, stranger] = [
      createPerson(t.db, { firstName: 'Rita', lastName: 'Registriert' }),
      createPerson(t.db, { firstName: 'Willi', lastName: 'Warteliste' }),
      createPerson(t.db, { firstName: 'Quentin', lastName: 'Queue' }),
      createPerson(t.db, { firstName: 'Fritz', lastName: 'Fremd' }),
    ];
    createAttendance(t.db, { eventId: event.id, personId: reg.id, status: 'registered' });

    // A registered person checked in by mistake is registered again, without check-in time.
    const checked = await call('POST', `/api/events/${event.id}/check-in`, { personId: reg.id });
    expect(checked.json().status).toBe('attended');
    const stale = await t.del(token, `/api/events/${event.id}/check-in/${reg.id}`, '"1"');
    expect(stale.statusCode).toBe(412);
    const undone = await t.del(token, `/api/events/${event.id}/check-in/${reg.id}`, `"${checked.json().version}"`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ attendance: { status: 'registered', checkedInAt: null }, promoted: [] });
    const again = await call('DELETE', `/api/events/${event.id}/check-in/${reg.id}`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'NOT_CHECKED_IN', errors: [{ field: 'personId' }] });

    // Someone the check-in put on the list leaves it again.
    await call('POST', `/api/events/${event.id}/check-in`, { personId: stranger.id });
    expect(statusOf(t, event.id, stranger.id)).toBe('attended');
    const removed = await call('DELETE', `/api/events/${event.id}/check-in/${stranger.id}`);
    expect(removed.json()).toEqual({ attendance: null, promoted: [] });
    expect(statusOf(t, event.id, stranger.id)).toBeUndefined();

    // A waitlisted person let in at the door: undoing puts them at the end of the waiting list and gives the seat to
    // the first one waiting.
    for (const [p, at] of [
      [wait, '2024-05-01T08:00:00.000Z'],
      [queued, '2024-05-02T08:00:00.000Z'],
    ] as const)
      createAttendance(t.db, { eventId: event.id, personId: p.id, status: 'waitlisted', waitlistedAt: at });
    await call('POST', `/api/events/${event.id}/check-in`, { personId: wait.id });
    expect(statusOf(t, event.id, queued.id)).toBe('waitlisted');
    const back = await call('DELETE', `/api/events/${event.id}/check-in/${wait.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.json().attendance).toMatchObject({ status: 'waitlisted', checkedInAt: null });
    expect(back.json().promoted).toEqual([
      { attendanceId: expect.any(Number), personId: queued.id, name: 'Quentin Queue' },
    ]);
    expect(statusOf(t, event.id, queued.id)).toBe('registered');

    const audit = t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'attendance'), eq(auditEntries.action, 'check_in_undone')))
      .all();
    expect(audit).toHaveLength(3);
    expect((await call('DELETE', `/api/events/${event.id}/check-in/424242`)).statusCode).toBe(404);
  });

  it('is not undone while attendance of a session is recorded for the person', async () => {
    const { t, call } = await setup();
    const course = createEvent(t.db, { kind: 'course' });
    const session = createEventSession(t.db, { eventId: course.id });
    const p = createPerson(t.db);
    createAttendance(t.db, { eventId: course.id, personId: p.id, status: 'registered' });
    await call('PUT', `/api/events/${course.id}/sessions/${session.id}/attendance`, { personIds: [p.id] });
    const refused = await call('DELETE', `/api/events/${course.id}/check-in/${p.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CHECK_IN_HAS_SESSIONS', errors: [{ field: 'personId' }] });
    expect(statusOf(t, course.id, p.id)).toBe('attended');
  });
});

describe('certificates', () => {
  it("carry the course's dates, not the day they are printed", async () => {
    const { t, call } = await setup();
    const course = createEvent(t.db, {
      kind: 'course',
      title: 'Elektromobilität kompakt',
      location: 'BTZ Rohr',
      startsAt: '2024-09-10T06:30:00.000Z',
      endsAt: '2024-09-10T14:00:00.000Z',
    });
    const first = createEventSession(t.db, {
      eventId: course.id,
      startsAt: '2024-09-10T06:30:00.000Z',
      endsAt: '2024-09-10T14:00:00.000Z',
    });
    const last = createEventSession(t.db, {
      eventId: course.id,
      startsAt: '2024-09-20T06:30:00.000Z',
      endsAt: '2024-09-20T14:00:00.000Z',
    });
    const p = createPerson(t.db, { firstName: 'Clara', lastName: 'Zertifikat' });
    createAttendance(t.db, { eventId: course.id, personId: p.id, status: 'registered' });
    for (const s of [first, last])
      await call('PUT', `/api/events/${course.id}/sessions/${s.id}/attendance`, { personIds: [p.id] });

    const pdf = await readPdf((await call('GET', `/api/events/${course.id}/certificates/${p.id}.pdf`)).rawPayload);
    const today = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    expect(pdf.pages[0]).toContain('BTZ Rohr, 20.09.2024');
    expect(pdf.pages[0]).not.toContain(today);
  });
});
