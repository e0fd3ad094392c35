import { attendances, auditEntries, persons, sessionAttendances } from '@anett/db/schema';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { managerApp, type TestApp } from '../support/app.ts';
import {
  createAffiliation,
  createAttendance,
  createEvent,
  createEventSession,
  createOrganization,
  createPerson,
} from '../support/factories.ts';
import { readPdf, readPdfDownload } from '../support/pdf.ts';

const attendanceOf = (t: TestApp, eventId: number, personId: number) =>
  t.db
    .select()
    .from(attendances)
    .where(and(eq(attendances.eventId, eventId), eq(attendances.personId, personId)))
    .get();
const auditOf = (t: TestApp, action: string) =>
  t.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entity, 'attendance'), eq(auditEntries.action, action)))
    .all();
const countAttendances = (t: TestApp) => t.db.select().from(attendances).all().length;

describe('adding attendees', () => {
  it('registers a guest with the organisation of the primary current affiliation as snapshot', async () => {
    const { t, call, viewer } = await managerApp();
    const event = createEvent(t.db);
    const person = createPerson(t.db, {
      firstName: 'Jana',
      lastName: 'Köhler',
      title: 'Dr.',
      email: 'jana@example.org',
    });
    const former = createOrganization(t.db, { name: 'Alte Firma GmbH' });
    const other = createOrganization(t.db, { name: 'Nebenjob e.V.' });
    const main = createOrganization(t.db, { name: 'Präzisionsteile Schmalkalden GmbH' });
    createAffiliation(t.db, { personId: person.id, organizationId: former.id, isPrimary: true, toDate: '2020-12-31' });
    createAffiliation(t.db, { personId: person.id, organizationId: other.id });
    createAffiliation(t.db, { personId: person.id, organizationId: main.id, isPrimary: true });

    const res = await call('POST', `/api/events/${event.id}/attendances`, { personId: person.id, note: 'vegetarisch' });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      personId: person.id,
      status: 'registered',
      role: 'guest',
      note: 'vegetarisch',
      waitlisted: false,
      organization: { id: main.id, name: 'Präzisionsteile Schmalkalden GmbH' },
      person: { firstName: 'Jana', lastName: 'Köhler', title: 'Dr.', email: 'jana@example.org' },
      checkedInAt: null,
      hours: 0,
    });
    expect(auditOf(t, 'create')).toHaveLength(1);

    const again = await call('POST', `/api/events/${event.id}/attendances`, { personId: person.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ATTENDANCE_EXISTS');
    expect((await call('POST', `/api/events/${event.id}/attendances`, { personId: 99_999 })).statusCode).toBe(404);
    expect((await call('POST', '/api/events/99999/attendances', { personId: person.id })).statusCode).toBe(404);

    const list = await t.as(viewer, { method: 'GET', url: `/api/events/${event.id}/attendances?q=praezision` });
    expect(list.json().items.map((a: { personId: number }) => a.personId)).toEqual([person.id]);
    const byName = await t.as(viewer, {
      method: 'GET',
      url: `/api/events/${event.id}/attendances?q=Kohler&status=registered`,
    });
    expect(byName.json().total).toBe(1);
    const none = await t.as(viewer, { method: 'GET', url: `/api/events/${event.id}/attendances?status=attended` });
    expect(none.json().total).toBe(0);
    const one = await t.as(viewer, { method: 'GET', url: `/api/events/${event.id}/attendances/${person.id}` });
    expect(one.headers.etag).toBe('"1"');
  });

  it('adds a batch of persons and a pasted list of e-mails; existing ones are skipped, unknown e-mails reported', async () => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db, { capacity: 3 });
    const [a, b, c, d] = [1, 2, 3, 4].map((i) => createPerson(t.db, { email: `p${i}@example.org` }));
    createAttendance(t.db, { eventId: event.id, personId: a!.id, status: 'registered' });

    const batch = await call('POST', `/api/events/${event.id}/attendances`, { personIds: [a!.id, b!.id, c!.id] });
    expect(batch.statusCode).toBe(201);
    expect(
      batch.json().items.map((x: { personId: number; waitlisted: boolean }) => [x.personId, x.waitlisted]),
    ).toEqual([
      [b!.id, false],
      [c!.id, false],
    ]);
    expect(batch.json().skipped).toEqual([{ personId: a!.id, reason: 'already_attending' }]);

    const pasted = await call('POST', `/api/events/${event.id}/attendances`, {
      emails: ['P4@Example.org', 'nobody@example.org', 'p2@example.org'],
    });
    expect(pasted.statusCode).toBe(201);
    const body = pasted.json();
    expect(body.items).toEqual([expect.objectContaining({ personId: d!.id, status: 'waitlisted', waitlisted: true })]);
    expect(body.unknownEmails).toEqual(['nobody@example.org']);
    expect(body.skipped).toEqual([{ personId: b!.id, reason: 'already_attending' }]);
    expect(t.db.select().from(persons).all()).toHaveLength(4);

    const badEmail = await call('POST', `/api/events/${event.id}/attendances`, {
      emails: ['ok@example.org', 'kaputt'],
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].field).toBe('emails.1');
    const unknownId = await call('POST', `/api/events/${event.id}/attendances`, { personIds: [d!.id, 777_777] });
    expect(unknownId.statusCode).toBe(404);
    expect(unknownId.json().errors[0].field).toBe('personIds.1');
  });

  it.each([
    ['nothing', {}, 'personId'],
    ['two ways at once', { personId: 1, personIds: [2] }, 'personId'],
    ['an unknown status', { personId: 1, status: 'maybe' }, 'status'],
    ['an unknown role', { personId: 1, role: 'vip' }, 'role'],
    ['a string id', { personId: 'eins' }, 'personId'],
  ])('refuses %s with 400 naming the field and writes nothing', async (_, payload, field) => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db);
    createPerson(t.db);
    const res = await call('POST', `/api/events/${event.id}/attendances`, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(countAttendances(t)).toBe(0);
  });
});

describe('capacity and waiting list', () => {
  it('capacity 2: the third registration is waitlisted; cancelling one promotes it, with an audit entry', async () => {
    const { t, manager, call, viewer } = await managerApp();
    const event = createEvent(t.db, { capacity: 2 });
    const [p1, p2, p3, p4] = [1, 2, 3, 4].map(() => createPerson(t.db));
    const add = (personId: number) => call('POST', `/api/events/${event.id}/attendances`, { personId });

    expect((await add(p1!.id)).json()).toMatchObject({ status: 'registered', waitlisted: false });
    expect((await add(p2!.id)).json()).toMatchObject({ status: 'registered', waitlisted: false });
    const third = (await add(p3!.id)).json();
    expect(third).toMatchObject({ status: 'waitlisted', waitlisted: true, waitlistedAt: expect.any(String) });
    const fourth = (await add(p4!.id)).json();
    expect(fourth.status).toBe('waitlisted');

    const counts = (await t.as(viewer, { method: 'GET', url: `/api/events/${event.id}` })).json().counts;
    expect(counts).toMatchObject({ registered: 2, waitlisted: 2, attended: 0 });

    const cancel = await t.patch(
      manager,
      `/api/events/${event.id}/attendances/${p1!.id}`,
      { status: 'cancelled' },
      '"1"',
    );
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'cancelled', promoted: [{ personId: p3!.id }] });
    expect(attendanceOf(t, event.id, p3!.id)).toMatchObject({ status: 'registered', waitlistedAt: null });
    expect(attendanceOf(t, event.id, p4!.id)?.status).toBe('waitlisted');
    const promoted = auditOf(t, 'promoted');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({
      entityId: third.id,
      diff: { personId: p3!.id, status: ['waitlisted', 'registered'] },
    });

    // Cancelling a waitlisted person frees no seat.
    const p4version = attendanceOf(t, event.id, p4!.id)!.version;
    const off = await t.patch(
      manager,
      `/api/events/${event.id}/attendances/${p4!.id}`,
      { status: 'cancelled' },
      `"${p4version}"`,
    );
    expect(off.json().promoted).toEqual([]);
  });

  it('deleting a registration promotes too; raising the capacity promotes as many as fit', async () => {
    const { t, manager, call } = await managerApp();
    const event = createEvent(t.db, { capacity: 1 });
    const people = [1, 2, 3, 4].map(() => createPerson(t.db));
    for (const p of people) await call('POST', `/api/events/${event.id}/attendances`, { personId: p.id });
    expect(people.map((p) => attendanceOf(t, event.id, p.id)?.status)).toEqual([
      'registered',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);

    expect((await call('DELETE', `/api/events/${event.id}/attendances/${people[0]!.id}`)).statusCode).toBe(428);
    const del = await t.del(manager, `/api/events/${event.id}/attendances/${people[0]!.id}`, '"1"');
    expect(del.statusCode).toBe(200);
    expect(del.json().promoted.map((x: { personId: number }) => x.personId)).toEqual([people[1]!.id]);

    const patch = await t.patch(manager, `/api/events/${event.id}`, { capacity: 3 }, '"1"');
    expect(patch.statusCode).toBe(200);
    expect(patch.json().counts).toMatchObject({ registered: 3, waitlisted: 0 });
    expect(auditOf(t, 'promoted')).toHaveLength(3);
  });

  it('re-registering a cancelled person when full puts them on the waiting list; a waitlisted one cannot jump the queue', async () => {
    const { t, manager } = await managerApp();
    const event = createEvent(t.db, { capacity: 1 });
    const a = createPerson(t.db);
    const b = createPerson(t.db);
    const c = createPerson(t.db);
    createAttendance(t.db, { eventId: event.id, personId: a.id, status: 'registered' });
    createAttendance(t.db, { eventId: event.id, personId: b.id, status: 'cancelled' });
    createAttendance(t.db, {
      eventId: event.id,
      personId: c.id,
      status: 'waitlisted',
      waitlistedAt: '2024-01-01T00:00:00.000Z',
    });

    const back = await t.patch(manager, `/api/events/${event.id}/attendances/${b.id}`, { status: 'registered' }, '"1"');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'waitlisted', waitlistedAt: expect.any(String) });

    const jump = await t.patch(manager, `/api/events/${event.id}/attendances/${c.id}`, { status: 'registered' }, '"1"');
    expect(jump.statusCode).toBe(409);
    expect(jump.json()).toMatchObject({ code: 'EVENT_FULL', errors: [{ field: 'status' }] });

    // c waited longer than b, so c gets the seat a frees.
    const cancel = await t.patch(
      manager,
      `/api/events/${event.id}/attendances/${a.id}`,
      { status: 'cancelled' },
      '"1"',
    );
    expect(cancel.json().promoted.map((x: { personId: number }) => x.personId)).toEqual([c.id]);
  });
});

describe('status transitions', () => {
  const allowed: [string, string][] = [
    ['interested', 'registered'],
    ['interested', 'waitlisted'],
    ['interested', 'cancelled'],
    ['registered', 'attended'],
    ['registered', 'no_show'],
    ['registered', 'cancelled'],
    ['waitlisted', 'registered'],
    ['waitlisted', 'cancelled'],
    ['attended', 'no_show'],
    ['no_show', 'attended'],
    ['cancelled', 'registered'],
  ];
  const refused: [string, string][] = [
    ['interested', 'attended'],
    ['registered', 'waitlisted'],
    ['waitlisted', 'attended'],
    ['attended', 'cancelled'],
    ['attended', 'registered'],
    ['no_show', 'cancelled'],
    ['cancelled', 'attended'],
  ];

  it('allows exactly the listed transitions and refuses others with 409 INVALID_STATUS_TRANSITION', async () => {
    const { t, manager } = await managerApp();
    const event = createEvent(t.db);
    for (const [from, to] of [...allowed, ...refused]) {
      const p = createPerson(t.db);
      createAttendance(t.db, { eventId: event.id, personId: p.id, status: from });
      const res = await t.patch(manager, `/api/events/${event.id}/attendances/${p.id}`, { status: to }, '"1"');
      const ok = allowed.some(([f, s]) => f === from && s === to);
      expect(res.statusCode, `${from} → ${to}`).toBe(ok ? 200 : 409);
      if (ok) expect(res.json().status, `${from} → ${to}`).toBe(to);
      else {
        expect(res.json()).toMatchObject({ code: 'INVALID_STATUS_TRANSITION', errors: [{ field: 'status' }] });
        expect(attendanceOf(t, event.id, p.id)?.status).toBe(from);
      }
    }
  });

  it('setting attended records the check-in time once; role and note change without a transition', async () => {
    const { t, manager } = await managerApp();
    const event = createEvent(t.db);
    const p = createPerson(t.db);
    createAttendance(t.db, { eventId: event.id, personId: p.id, status: 'registered' });
    const url = `/api/events/${event.id}/attendances/${p.id}`;
    const attended = await t.patch(manager, url, { status: 'attended' }, '"1"');
    const checkedInAt = attended.json().checkedInAt;
    expect(checkedInAt).toEqual(expect.any(String));
    expect(attended.headers.etag).toBe('"2"');
    await t.patch(manager, url, { status: 'no_show' }, '"2"');
    const back = await t.patch(manager, url, { status: 'attended', role: 'speaker', note: 'Impulsvortrag' }, '"3"');
    expect(back.json()).toMatchObject({ status: 'attended', role: 'speaker', note: 'Impulsvortrag', checkedInAt });

    const stale = await t.patch(manager, url, { note: 'x' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current.version).toBe(4);
    const bad = await t.patch(manager, url, { status: 'gone' }, '"4"');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('status');
    expect((await t.patch(manager, `/api/events/${event.id}/attendances/999`, { note: 'x' }, '"1"')).statusCode).toBe(
      404,
    );
  });
});

describe('check-in mode', () => {
  it('checks in registered, waitlisted and interested persons, idempotently, and counts', async () => {
    const { t, call, viewer } = await managerApp();
    const event = createEvent(t.db, { capacity: 2 });
    const [r1, r2, w, i, stranger] = [1, 2, 3, 4, 5].map(() => createPerson(t.db));
    createAttendance(t.db, { eventId: event.id, personId: r1!.id, status: 'registered' });
    createAttendance(t.db, { eventId: event.id, personId: r2!.id, status: 'registered' });
    createAttendance(t.db, { eventId: event.id, personId: w!.id, status: 'waitlisted' });
    createAttendance(t.db, { eventId: event.id, personId: i!.id, status: 'interested' });

    const counters = async () =>
      (await t.as(viewer, { method: 'GET', url: `/api/events/${event.id}/counters` })).json();
    expect(await counters()).toEqual({ registered: 2, attended: 0, open: 2, waitlisted: 1, capacity: 2 });

    const first = await call('POST', `/api/events/${event.id}/check-in`, { personId: r1!.id });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'attended', checkedInAt: expect.any(String) });
    const again = await call('POST', `/api/events/${event.id}/check-in`, { personId: r1!.id });
    expect(again.json()).toMatchObject({ checkedInAt: first.json().checkedInAt, version: first.json().version });
    await call('POST', `/api/events/${event.id}/check-in`, { personId: w!.id });
    await call('POST', `/api/events/${event.id}/check-in`, { personId: i!.id });
    expect(await counters()).toEqual({ registered: 4, attended: 3, open: 1, waitlisted: 0, capacity: 2 });

    // Someone known but not on the list is added as attended.
    const known = await call('POST', `/api/events/${event.id}/check-in`, { personId: stranger!.id });
    expect(known.json().status).toBe('attended');
    expect(auditOf(t, 'check_in')).toHaveLength(4);

    expect((await call('POST', `/api/events/${event.id}/check-in`, { personId: 424_242 })).statusCode).toBe(404);
    expect((await call('POST', `/api/events/${event.id}/check-in`, {})).json().errors[0].field).toBe('personId');
  });

  it('walk-ins: a new person is created and checked in; a known e-mail reuses the person', async () => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db);
    const org = createOrganization(t.db, { name: 'Autozulieferer Meiningen GmbH' });
    const known = createPerson(t.db, { firstName: 'Karl', lastName: 'Bauer', email: 'karl@example.org' });

    const created = await call('POST', `/api/events/${event.id}/walk-ins`, {
      firstName: 'Lena',
      lastName: 'Schubert',
      email: 'Lena@Example.org',
      organizationName: 'Autozulieferer Meiningen',
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.personCreated).toBe(true);
    expect(body.attendance).toMatchObject({
      status: 'attended',
      checkedInAt: expect.any(String),
      organization: { id: org.id, name: 'Autozulieferer Meiningen GmbH' },
      person: { firstName: 'Lena', lastName: 'Schubert', email: 'lena@example.org' },
    });

    const unknownOrg = await call('POST', `/api/events/${event.id}/walk-ins`, {
      firstName: 'Tom',
      lastName: 'Berg',
      organizationName: 'Kleine Werkstatt',
    });
    expect(unknownOrg.json().attendance.organization).toEqual({ id: null, name: 'Kleine Werkstatt' });

    const reuse = await call('POST', `/api/events/${event.id}/walk-ins`, {
      firstName: 'K.',
      lastName: 'Bauer',
      email: 'KARL@example.org',
    });
    expect(reuse.json()).toMatchObject({
      personCreated: false,
      attendance: { personId: known.id, status: 'attended' },
    });
    expect(t.db.select().from(persons).all()).toHaveLength(3);

    const bad = await call('POST', `/api/events/${event.id}/walk-ins`, {
      firstName: 'Ohne',
      lastName: '',
      email: 'x@example.org',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('lastName');
    expect(t.db.select().from(persons).all()).toHaveLength(3);
  });
});

// Each test renders PDFs, which takes seconds on a loaded machine.
describe('course sessions and certificates', { timeout: 30_000 }, () => {
  it('credits session hours per person, shows totals in the list and issues certificates as PDF', async () => {
    const { t, manager, call, viewer } = await managerApp();
    const course = createEvent(t.db, {
      kind: 'course',
      title: 'Fachexperte für Wasserstoffanwendungen',
      location: 'BTZ Rohr',
      description: 'Grundlagen der Wasserstofftechnik\n\nSicherheit & Praxis',
      startsAt: '2025-03-04T07:00:00.000Z',
    });
    const s1 = createEventSession(t.db, {
      eventId: course.id,
      startsAt: '2025-03-04T07:00:00.000Z',
      endsAt: '2025-03-04T15:00:00.000Z',
      hours: 8,
    });
    const s2 = createEventSession(t.db, {
      eventId: course.id,
      startsAt: '2025-03-05T07:00:00.000Z',
      endsAt: null,
      hours: 6.5,
    });
    const anna = createPerson(t.db, { salutation: 'frau', title: 'Dr.', firstName: 'Anna', lastName: 'Müller' });
    const evil = createPerson(t.db, { firstName: '<script>alert(1)</script>', lastName: 'O\'Hara & "Co"' });
    const late = createPerson(t.db);
    const gone = createPerson(t.db);
    createAttendance(t.db, { eventId: course.id, personId: anna.id, status: 'registered' });
    createAttendance(t.db, { eventId: course.id, personId: evil.id, status: 'registered' });
    createAttendance(t.db, { eventId: course.id, personId: late.id, status: 'registered' });
    createAttendance(t.db, { eventId: course.id, personId: gone.id, status: 'cancelled' });

    const put = (sessionId: number, personIds: number[]) =>
      call('PUT', `/api/events/${course.id}/sessions/${sessionId}/attendance`, { personIds });
    expect((await put(s1.id, [anna.id, evil.id])).json()).toEqual({
      sessionId: s1.id,
      hours: 8,
      personIds: [anna.id, evil.id],
    });
    expect((await put(s2.id, [anna.id])).statusCode).toBe(200);

    const list = (
      await t.as(viewer, { method: 'GET', url: `/api/events/${course.id}/attendances?sort=lastName` })
    ).json();
    const byId = new Map(list.items.map((a: { personId: number }) => [a.personId, a]));
    expect(byId.get(anna.id)).toMatchObject({ hours: 14.5, sessionIds: [s1.id, s2.id], status: 'attended' });
    expect(byId.get(evil.id)).toMatchObject({ hours: 8, sessionIds: [s1.id] });
    expect(byId.get(late.id)).toMatchObject({ hours: 0, status: 'registered' });

    // Correcting a session's hours credits them anew; replacing the set drops who is no longer in it.
    await t.patch(manager, `/api/events/${course.id}/sessions/${s2.id}`, { hours: 7 }, '"1"');
    expect(t.db.select().from(sessionAttendances).where(eq(sessionAttendances.sessionId, s2.id)).get()?.hours).toBe(7);
    await put(s1.id, [anna.id]);
    expect(t.db.select().from(sessionAttendances).all()).toHaveLength(2);
    await put(s1.id, [anna.id, evil.id]);

    const cancelled = await put(s1.id, [gone.id]);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().errors[0].field).toBe('personIds.0');
    const stranger = createPerson(t.db);
    const notOnList = await put(s1.id, [anna.id, stranger.id]);
    expect(notOnList.statusCode).toBe(400);
    expect(notOnList.json().errors[0].field).toBe('personIds.1');
    expect(t.db.select().from(sessionAttendances).where(eq(sessionAttendances.sessionId, s1.id)).all()).toHaveLength(2);
    expect((await put(999, [anna.id])).statusCode).toBe(404);

    const certUrl = (personId: number) => `/api/events/${course.id}/certificates/${personId}.pdf`;
    const cert = await t.as(viewer, { method: 'GET', url: certUrl(anna.id) });
    const pdf = await readPdfDownload(
      cert,
      'Teilnahmebescheinigung-Mueller-Anna-Fachexperte-fuer-Wasserstoffanwendungen.pdf',
    );
    expect(pdf.title).toBe('Teilnahmebescheinigung – Dr. Anna Müller – Fachexperte für Wasserstoffanwendungen');
    expect(pdf.pages).toHaveLength(1);
    const page = pdf.pages[0];
    for (const printed of [
      'Teilnahmebescheinigung',
      'Frau Dr. Anna Müller',
      'Fachexperte für Wasserstoffanwendungen',
      'an 2 Terminen im Umfang von 15 Stunden teilgenommen hat',
      '04.03.2025',
      '05.03.2025',
      'Sicherheit & Praxis',
      'BTZ Rohr',
    ])
      expect(page).toContain(printed);

    // Text is set as text: markup in a name is printed, not interpreted.
    const other = await readPdf((await t.as(viewer, { method: 'GET', url: certUrl(evil.id) })).rawPayload);
    expect(other.pages[0]).toContain('<script>alert(1)</script> O\'Hara & "Co"');
    expect(other.pages[0]).toContain('an einem Termin im Umfang von 8 Stunden');

    // All certificates of the course at once: one page per person who attended, by name.
    const all = await t.as(viewer, { method: 'GET', url: `/api/events/${course.id}/certificates.pdf` });
    expect(all.statusCode).toBe(200);
    const allPdf = await readPdf(all.rawPayload);
    expect(allPdf.pages).toHaveLength(2);
    expect(allPdf.pages[0]).toContain('Anna Müller');
    expect(allPdf.pages[1]).toContain("O'Hara");
    expect(allPdf.text).not.toContain(late.lastName);

    const notAttended = await t.as(viewer, { method: 'GET', url: certUrl(late.id) });
    expect(notAttended.statusCode).toBe(409);
    expect(notAttended.json().code).toBe('NOT_ATTENDED');
    const meeting = createEvent(t.db);
    createAttendance(t.db, { eventId: meeting.id, personId: anna.id, status: 'attended' });
    const notCourse = await t.as(viewer, {
      method: 'GET',
      url: `/api/events/${meeting.id}/certificates/${anna.id}.pdf`,
    });
    expect(notCourse.statusCode).toBe(409);
    expect(notCourse.json().code).toBe('EVENT_NOT_A_COURSE');
    expect((await t.as(viewer, { method: 'GET', url: certUrl(stranger.id) })).statusCode).toBe(404);
  });

  it('prints a Teilnehmerliste (PDF) of registered and attended persons with blank rows', async () => {
    const { t, viewer } = await managerApp();
    const event = createEvent(t.db, {
      title: 'Netzwerktreffen <Gotha>',
      location: 'Gotha',
      startsAt: '2024-11-15T09:00:00.000Z',
    });
    const org = createOrganization(t.db, { name: 'Stadtwerke Gotha GmbH' });
    const a = createPerson(t.db, { firstName: 'Zoe', lastName: 'Adler' });
    const b = createPerson(t.db, { firstName: 'Ben', lastName: 'Zander' });
    const c = createPerson(t.db, { firstName: 'Cleo', lastName: 'Abgesagt' });
    createAttendance(t.db, { eventId: event.id, personId: b.id, status: 'registered' });
    createAttendance(t.db, {
      eventId: event.id,
      personId: a.id,
      status: 'attended',
      organizationId: org.id,
      organizationName: org.name,
    });
    createAttendance(t.db, { eventId: event.id, personId: c.id, status: 'cancelled' });

    const res = await t.as(viewer, { method: 'GET', url: `/api/events/${event.id}/attendance-list.pdf?blankRows=3` });
    const { text, title } = await readPdfDownload(res, 'Teilnehmerliste-Netzwerktreffen-Gotha.pdf');
    expect(title).toBe('Teilnehmerliste – Netzwerktreffen <Gotha>');
    expect(text).toContain('Teilnehmerliste Netzwerktreffen <Gotha>');
    expect(text).toContain('15.11.2024');
    expect(text).toContain('Nr. Name Organisation Unterschrift');
    // Sorted by last name, cancelled ones left out, then three numbered blank rows.
    expect(text).toContain('1 Zoe Adler Stadtwerke Gotha GmbH 2 Ben Zander 3 4 5');
    expect(text).not.toContain('Abgesagt');
    expect(text).toContain('2 angemeldete Personen');

    const tooMany = await t.as(viewer, {
      method: 'GET',
      url: `/api/events/${event.id}/attendance-list.pdf?blankRows=101`,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('blankRows');
    expect((await t.as(viewer, { method: 'GET', url: '/api/events/999/attendance-list.pdf' })).statusCode).toBe(404);
  });

  it('answers 409 for certificates of a course nobody attended, and 401 without a token', async () => {
    const { t, viewer } = await managerApp();
    const course = createEvent(t.db, { kind: 'course' });
    const none = await t.as(viewer, { method: 'GET', url: `/api/events/${course.id}/certificates.pdf` });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('NOBODY_ATTENDED');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/events/${course.id}/certificates.pdf` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('import of a sign-in list', () => {
  const importUrl = (eventId: number) => `/api/events/${eventId}/attendances/import`;

  it('previews, then imports known and (with createUnknown) new persons in one go', async () => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db);
    const org = createOrganization(t.db, { name: 'Muster Zulieferteile GmbH' });
    const known = createPerson(t.db, { firstName: 'Karl', lastName: 'Bauer', email: 'karl.bauer@example.org' });
    createAttendance(t.db, { eventId: event.id, personId: known.id, status: 'registered' });
    const rows = [
      { name: 'Karl Bauer', email: 'KARL.BAUER@example.org' },
      { name: 'Müller, Erika', organization: 'Muster Zulieferteile', email: 'erika@example.org' },
      { firstName: 'Dr. Jonas', lastName: 'Weber', organization: 'Unbekannt AG' },
    ];
    const preview = await call('POST', importUrl(event.id), { rows });
    expect(preview.statusCode).toBe(200);
    const report = preview.json();
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual(['matched', 'new', 'new']);
    expect(report.rows[0]).toMatchObject({ line: 1, personId: known.id, attendance: 'existing' });
    expect(report.rows[1]).toMatchObject({ name: 'Erika Müller', email: 'erika@example.org' });
    expect(report.rows[2]).toMatchObject({ name: 'Dr. Jonas Weber' });
    expect(report.summary).toMatchObject({ total: 3, matched: 1, new: 2, errors: 0, committed: false });
    expect(t.db.select().from(persons).all()).toHaveLength(1);

    // Unknown persons are not created without createUnknown: committing is refused and writes nothing.
    const refused = await call('POST', importUrl(event.id), { rows, commit: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().data.rows[1]).toMatchObject({ status: 'error', field: 'createUnknown' });
    expect(attendanceOf(t, event.id, known.id)?.status).toBe('registered');

    const done = await call('POST', importUrl(event.id), { rows, commit: true, createUnknown: true });
    expect(done.statusCode).toBe(200);
    expect(done.json().summary).toMatchObject({ committed: true, personsCreated: 2, attendancesWritten: 3 });
    expect(attendanceOf(t, event.id, known.id)).toMatchObject({ status: 'attended', checkedInAt: expect.any(String) });
    const erika = t.db.select().from(persons).where(eq(persons.email, 'erika@example.org')).get()!;
    expect(erika).toMatchObject({ firstName: 'Erika', lastName: 'Müller' });
    expect(attendanceOf(t, event.id, erika.id)).toMatchObject({
      status: 'attended',
      organizationId: org.id,
      organizationName: org.name,
    });
    const jonas = t.db.select().from(persons).where(eq(persons.lastName, 'Weber')).get()!;
    expect(jonas).toMatchObject({ firstName: 'Jonas', title: 'Dr.' });
    expect(attendanceOf(t, event.id, jonas.id)).toMatchObject({
      organizationId: null,
      organizationName: 'Unbekannt AG',
    });
    expect(t.db.select().from(auditEntries).where(eq(auditEntries.action, 'import_attendances')).all()).toHaveLength(1);
  });

  it('with a bad row answers 422 with a row-by-row report naming line and field, and imports nothing', async () => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db);
    const rows = [
      { name: 'Anna Schmidt', email: 'anna@example.org' },
      { name: 'Bernd Krause', email: 'bernd(at)example.org' },
      { organization: 'Nur Firma GmbH' },
      { name: 'Carla Vogel' },
    ];
    const res = await call('POST', importUrl(event.id), { rows, commit: true, createUnknown: true });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json();
    expect(body.code).toBe('IMPORT_HAS_ERRORS');
    expect(body.errors).toEqual([
      { field: 'line.2.email', message: expect.stringContaining('Zeile 2') },
      { field: 'line.3.name', message: expect.stringContaining('Zeile 3') },
    ]);
    expect(
      body.data.rows.map((r: { line: number; status: string; field?: string }) => [r.line, r.status, r.field]),
    ).toEqual([
      [1, 'new', undefined],
      [2, 'error', 'email'],
      [3, 'error', 'name'],
      [4, 'new', undefined],
    ]);
    expect(body.data.summary).toMatchObject({ errors: 2, committed: false, personsCreated: 0 });
    expect(t.db.select().from(persons).all()).toHaveLength(0);
    expect(countAttendances(t)).toBe(0);
  });

  it('offers persons with the same name as duplicate candidates and follows the decisions', async () => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db);
    const existing = createPerson(t.db, { firstName: 'Jörg', lastName: 'Groß', email: 'joerg.alt@example.org' });
    const rows = [
      { name: 'Jörg Groß', email: 'j.gross@neu.example.org' },
      { name: 'Joerg Gross' },
      { name: 'Ina Lang' },
      { name: 'Ina Lang' },
    ];
    const preview = (await call('POST', importUrl(event.id), { rows, createUnknown: true })).json();
    expect(preview.rows.map((r: { status: string }) => r.status)).toEqual([
      'duplicate_candidate',
      'duplicate_candidate',
      'new',
      'skipped',
    ]);
    expect(preview.rows[0].candidates).toEqual([
      { id: existing.id, name: 'Jörg Groß', email: 'joerg.alt@example.org', organization: null },
    ]);
    expect(preview.rows[3].message).toContain('Zeile 3');

    const undecided = await call('POST', importUrl(event.id), { rows, createUnknown: true, commit: true });
    expect(undecided.statusCode).toBe(422);
    expect(undecided.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'line.1.decisions',
      'line.2.decisions',
    ]);

    const decided = await call('POST', importUrl(event.id), {
      rows,
      createUnknown: true,
      commit: true,
      decisions: { '1': existing.id, '2': 'skip' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().summary).toMatchObject({
      matched: 1,
      new: 1,
      skipped: 2,
      personsCreated: 1,
      attendancesWritten: 2,
    });
    expect(attendanceOf(t, event.id, existing.id)?.status).toBe('attended');
    expect(t.db.select().from(persons).all()).toHaveLength(2);

    const wrong = await call('POST', importUrl(event.id), { rows: [{ name: 'X Y' }], decisions: { '1': 999_999 } });
    expect(wrong.json().rows[0]).toMatchObject({ status: 'error', field: 'decisions' });
  });

  it('reads a CSV file with BOM, ";" and German headers', async () => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db);
    const known = createPerson(t.db, { firstName: 'Uwe', lastName: 'Seidel', email: 'uwe@example.org' });
    const csv =
      '\uFEFFVorname;Nachname;Firma;E-Mail;Unterschrift\r\nUwe;Seidel;"Werkzeugbau Suhl GmbH; Abt. 2";uwe@example.org;\r\n\r\nGrit;Böhm;;grit@example.org;x\r\n';
    const res = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'Teilnehmerliste.csv',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
      commit: true,
      createUnknown: true,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toEqual([
      expect.objectContaining({
        line: 2,
        status: 'matched',
        personId: known.id,
        organization: 'Werkzeugbau Suhl GmbH; Abt. 2',
      }),
      expect.objectContaining({ line: 4, status: 'new', name: 'Grit Böhm', email: 'grit@example.org' }),
    ]);
    expect(body.summary).toMatchObject({ committed: true, personsCreated: 1, attendancesWritten: 2 });
    const grit = t.db.select().from(persons).where(eq(persons.email, 'grit@example.org')).get();
    expect(grit?.lastName).toBe('Böhm');
  });

  it('reads a comma-separated CSV without BOM and an XLSX built with exceljs; bad files are a 400 on the file', async () => {
    const { t, call } = await managerApp();
    const event = createEvent(t.db);
    const csv = 'Name,Organisation,E-Mail\n"Weber, Paula",IHK Erfurt,paula@example.org\n';
    const fromCsv = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'liste.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(fromCsv.json().rows).toEqual([
      expect.objectContaining({ line: 2, status: 'new', name: 'Paula Weber', organization: 'IHK Erfurt' }),
    ]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Teilnehmer');
    sheet.addRow(['Name', 'Organisation', 'E-Mail']);
    sheet.addRow([
      'Dr. Sven Richter',
      'TU Ilmenau',
      { text: 'sven@example.org', hyperlink: 'mailto:sven@example.org' },
    ]);
    sheet.addRow([]);
    sheet.addRow(['Maja Roth', 'Landratsamt', 'kein-mail']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'liste.xlsx',
      contentBase64: xlsx.toString('base64'),
      commit: true,
      createUnknown: true,
    });
    expect(fromXlsx.statusCode).toBe(422);
    expect(fromXlsx.json().data.rows).toEqual([
      expect.objectContaining({ line: 2, status: 'new', name: 'Dr. Sven Richter', email: 'sven@example.org' }),
      expect.objectContaining({ line: 4, status: 'error', field: 'email' }),
    ]);
    expect(t.db.select().from(persons).all()).toHaveLength(0);

    const fixed = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'liste.xlsx',
      contentBase64: xlsx.toString('base64'),
      commit: true,
      createUnknown: true,
      decisions: { '4': 'skip' },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().summary).toMatchObject({ personsCreated: 1, skipped: 1 });

    const noColumns = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'x.csv',
      contentBase64: Buffer.from('Foo;Bar\n1;2\n').toString('base64'),
    });
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().errors[0].field).toBe('contentBase64');
    const brokenXlsx = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a zip').toString('base64'),
    });
    expect(brokenXlsx.statusCode).toBe(400);
    const notBase64 = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'x.csv',
      contentBase64: '***',
    });
    expect(notBase64.json().errors[0].field).toBe('contentBase64');
    const oldExcel = await call('POST', `/api/events/${event.id}/attendances/import-file`, {
      fileName: 'x.xls',
      contentBase64: Buffer.from('abc').toString('base64'),
    });
    expect(oldExcel.json().errors[0].field).toBe('fileName');
    const noRows = await call('POST', importUrl(event.id), { rows: [] });
    expect(noRows.json().errors[0].field).toBe('rows');
  });
});

describe('access', () => {
  it('refuses every event and attendance write to a viewer with 403, and writes nothing', async () => {
    const { t, viewer } = await managerApp();
    const event = createEvent(t.db, { kind: 'course' });
    const person = createPerson(t.db);
    createAttendance(t.db, { eventId: event.id, personId: person.id, status: 'registered' });
    const session = createEventSession(t.db, { eventId: event.id });
    const writes = t.app.routeAccess.filter((r) => r.url.startsWith('/api/events') && r.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(14);
    for (const route of writes) {
      const url = route.url
        .replace(':id', String(event.id))
        .replace(':personId', String(person.id))
        .replace(':sessionId', String(session.id));
      const res = await t.as(viewer, {
        method: route.method as 'POST',
        url,
        payload: {},
        headers: { 'if-match': '"1"' },
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
    expect(attendanceOf(t, event.id, person.id)?.version).toBe(1);
    expect(t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'attendance')).all()).toHaveLength(0);
  });
});
