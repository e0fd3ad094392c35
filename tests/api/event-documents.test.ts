import { eventSessions } from '@anett/db/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import {
  createAttendance,
  createEvent,
  createEventSession,
  createNode,
  createOrganization,
  createPerson,
} from '../support/factories.ts';
import { readPdf, readPdfArchival } from '../support/pdf.ts';

/** Rendering a PDF takes a moment on a loaded machine; these tests render several. */
const PDF_TIMEOUT = 30_000;

async function setup() {
  const t = await createTestApp();
  const { token: manager } = await t.login('manager');
  const { token: viewer } = await t.login('viewer');
  const get = (url: string) => t.as(viewer, { method: 'GET', url });
  return { t, manager, viewer, get };
}

const day = (d: number, hour: number) =>
  `2025-03-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A course in Rohr with two guests, a trainer and an organiser; all attended the first session. */
async function courseWithStaff() {
  const s = await setup();
  const host = createOrganization(s.t.db, { name: 'Bildungs- und Technologiezentrum Rohr', city: 'Rohr' });
  const node = createNode(s.t.db, { name: 'QTI-Knoten Rohr', hostOrganizationId: host.id });
  const course = createEvent(s.t.db, {
    kind: 'course',
    title: 'Fachexperte für Wasserstoffanwendungen',
    nodeId: node.id,
    location: 'BTZ Rohr, Kloster 1, 98530 Rohr',
    startsAt: day(4, 7),
    endsAt: day(5, 15),
  });
  const session = createEventSession(s.t.db, { eventId: course.id, startsAt: day(4, 7), endsAt: day(4, 15), hours: 8 });
  const person = (first: string, last: string, salutation: 'frau' | 'herr') =>
    createPerson(s.t.db, { firstName: first, lastName: last, salutation });
  const guestA = person('Anna', 'Müller', 'frau');
  const guestB = person('Björn', 'Süß', 'herr');
  const trainer = person('Tanja', 'Dozentin', 'frau');
  const organiser = person('Otto', 'Orga', 'herr');
  for (const [p, role] of [
    [guestA, 'guest'],
    [guestB, 'guest'],
    [trainer, 'trainer'],
    [organiser, 'organiser'],
  ] as const) {
    createAttendance(s.t.db, { eventId: course.id, personId: p.id, role, status: 'registered' });
  }
  const attended = await s.t.as(s.manager, {
    method: 'PUT',
    url: `/api/events/${course.id}/sessions/${session.id}/attendance`,
    payload: { personIds: [guestA.id, guestB.id, trainer.id, organiser.id] },
  });
  expect(attended.statusCode, attended.body).toBe(200);
  return { ...s, course, session, guestA, guestB, trainer, organiser, node, host };
}

describe('certificates and confirmations of contribution', { timeout: PDF_TIMEOUT }, () => {
  it('issues certificates to participants only; trainers and organisers get a confirmation of their contribution', async () => {
    const { get, course, guestA, guestB, trainer, organiser } = await courseWithStaff();

    const all = await get(`/api/events/${course.id}/certificates.pdf`);
    expect(all.statusCode, all.body).toBe(200);
    const { pages } = await readPdf(all.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Frau Anna Müller');
    expect(pages[1]).toContain('Herr Björn Süß');
    for (const page of pages) {
      expect(page).toContain('Teilnahmebescheinigung');
      expect(page).toContain('teilgenommen hat');
      expect(page).not.toMatch(/Dozentin|Orga\b/);
    }

    for (const staff of [trainer, organiser]) {
      const refused = await get(`/api/events/${course.id}/certificates/${staff.id}.pdf`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('NOT_A_PARTICIPANT');
    }
    expect((await get(`/api/events/${course.id}/certificates/${guestB.id}.pdf`)).statusCode).toBe(200);

    const confirmation = await get(`/api/events/${course.id}/contributions/${trainer.id}.pdf`);
    expect(confirmation.statusCode, confirmation.body).toBe(200);
    expect(confirmation.headers['content-disposition']).toContain(
      'filename="Bestaetigung-Mitwirkung-Dozentin-Tanja-Fachexperte-fuer-Wasserstoffanwendungen.pdf"',
    );
    const trainerPdf = await readPdf(confirmation.rawPayload);
    expect(trainerPdf.title).toBe(
      'Bestätigung der Mitwirkung – Tanja Dozentin – Fachexperte für Wasserstoffanwendungen',
    );
    expect(trainerPdf.pages[0]).toContain('Bestätigung der Mitwirkung');
    expect(trainerPdf.pages[0]).toContain('beim Lehrgang');
    expect(trainerPdf.pages[0]).toContain('als Dozentin an einem Termin im Umfang von 8 Stunden mitgewirkt hat');
    expect(trainerPdf.pages[0]).not.toContain('teilgenommen');
    const organiserPdf = await readPdf(
      (await get(`/api/events/${course.id}/contributions/${organiser.id}.pdf`)).rawPayload,
    );
    expect(organiserPdf.pages[0]).toContain('Herr Otto Orga');
    expect(organiserPdf.pages[0]).toContain('in der Organisation an einem Termin');

    const guest = await get(`/api/events/${course.id}/contributions/${guestA.id}.pdf`);
    expect(guest.statusCode).toBe(409);
    expect(guest.json().code).toBe('NOT_A_CONTRIBUTOR');
    expect((await get(`/api/events/${course.id}/contributions/999999.pdf`)).statusCode).toBe(404);
  });

  it('refuses the course certificates when only staff attended', async () => {
    const { t, get } = await setup();
    const course = createEvent(t.db, { kind: 'course' });
    const trainer = createPerson(t.db);
    createAttendance(t.db, { eventId: course.id, personId: trainer.id, role: 'trainer' });
    const res = await get(`/api/events/${course.id}/certificates.pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOBODY_ATTENDED');
  });

  it('confirms a speaker’s contribution to any event, not only to a course', async () => {
    const { t, get } = await setup();
    const panel = createEvent(t.db, { kind: 'panel', title: 'Transformation im Dialog', location: 'Gotha' });
    const speaker = createPerson(t.db, { salutation: 'herr', title: 'Dr.', firstName: 'Jan', lastName: 'Berg' });
    createAttendance(t.db, { eventId: panel.id, personId: speaker.id, role: 'speaker' });
    const { pages } = await readPdf((await get(`/api/events/${panel.id}/contributions/${speaker.id}.pdf`)).rawPayload);
    expect(pages[0]).toContain('Herr Dr. Jan Berg');
    expect(pages[0]).toContain('bei der Veranstaltung Transformation im Dialog');
    expect(pages[0]).toContain('als Referent mitgewirkt hat');
  });

  it('puts the city on the place line, not the venue address', async () => {
    const { t, get, course, guestA, node } = await courseWithStaff();
    const placeLine = async (eventId: number) =>
      /(\S+), \d{2}\.\d{2}\.\d{4} Unterschrift/.exec(
        (await readPdf((await get(`/api/events/${eventId}/certificates/${guestA.id}.pdf`)).rawPayload)).pages[0] ?? '',
      )?.[1];
    // 'BTZ Rohr, Kloster 1, 98530 Rohr' → the city after the postcode.
    expect(await placeLine(course.id)).toBe('Rohr');
    const page = (await readPdf((await get(`/api/events/${course.id}/certificates/${guestA.id}.pdf`)).rawPayload))
      .pages[0];
    expect(page).not.toContain('Kloster 1, 98530 Rohr, ');

    // A venue without an address: the city of the node's host organisation.
    const other = createEvent(t.db, { kind: 'course', nodeId: node.id, location: 'BTZ Rohr' });
    createAttendance(t.db, { eventId: other.id, personId: guestA.id });
    expect(await placeLine(other.id)).toBe('Rohr');
    // An address without a postcode: its last part.
    const gotha = createEvent(t.db, { kind: 'course', location: 'Bildungswerk Gotha, Schöne Aussicht 8, Gotha' });
    createAttendance(t.db, { eventId: gotha.id, personId: guestA.id });
    expect(await placeLine(gotha.id)).toBe('Gotha');
  });
});

describe('session hours', { timeout: PDF_TIMEOUT }, () => {
  it('derives the hours of a session from its start and end when none are given', async () => {
    const { t, manager, get } = await setup();
    const course = createEvent(t.db, { kind: 'course', startsAt: day(4, 8) });
    const created = await t.post(manager, `/api/events/${course.id}/sessions`, {
      startsAt: '2025-03-04T09:00:00+01:00',
      endsAt: '2025-03-04T16:30:00+01:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().hours).toBe(7.5);
    // An emptied hours field (sent as 0) is not given either; stated hours stay as they are.
    const zero = await t.post(manager, `/api/events/${course.id}/sessions`, {
      startsAt: '2025-03-05T09:00:00+01:00',
      endsAt: '2025-03-05T13:00:00+01:00',
      hours: 0,
    });
    expect(zero.json().hours).toBe(4);
    const stated = await t.post(manager, `/api/events/${course.id}/sessions`, {
      startsAt: '2025-03-06T09:00:00+01:00',
      endsAt: '2025-03-06T17:00:00+01:00',
      hours: 6,
    });
    expect(stated.json().hours).toBe(6);
    const open = await t.post(manager, `/api/events/${course.id}/sessions`, { startsAt: '2025-03-07T09:00:00+01:00' });
    expect(open.json().hours).toBe(0);

    // A session stored without hours before (0 credited) counts its duration on the certificate.
    const old = createEventSession(t.db, { eventId: course.id, startsAt: day(10, 8), endsAt: day(10, 11), hours: 0 });
    const guest = createPerson(t.db, { firstName: 'Anna', lastName: 'Müller' });
    createAttendance(t.db, { eventId: course.id, personId: guest.id, status: 'registered' });
    for (const sessionId of [created.json().id, old.id]) {
      const put = await t.as(manager, {
        method: 'PUT',
        url: `/api/events/${course.id}/sessions/${sessionId}/attendance`,
        payload: { personIds: [guest.id] },
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    expect(t.db.select().from(eventSessions).where(eq(eventSessions.id, old.id)).get()?.hours).toBe(0);
    const { pages } = await readPdf((await get(`/api/events/${course.id}/certificates/${guest.id}.pdf`)).rawPayload);
    expect(pages[0]).toContain('an 2 Terminen im Umfang von 10,5 Stunden teilgenommen hat');
    expect(pages[0]).not.toContain('0 Stunden');
  });
});

describe('attendance list', { timeout: PDF_TIMEOUT }, () => {
  it('has a signature column for every session of a course, eight to a page', async () => {
    const { t, get } = await setup();
    const course = createEvent(t.db, { kind: 'course', title: 'Industrie 4.0', startsAt: day(3, 7) });
    for (let d = 3; d <= 12; d++) {
      createEventSession(t.db, { eventId: course.id, startsAt: day(d, 7), endsAt: day(d, 15), hours: 8 });
    }
    const anna = createPerson(t.db, { firstName: 'Anna', lastName: 'Müller' });
    createAttendance(t.db, { eventId: course.id, personId: anna.id, status: 'registered' });

    const res = await get(`/api/events/${course.id}/attendance-list.pdf?blankRows=2`);
    expect(res.statusCode).toBe(200);
    const { pages } = await readPdf(res.rawPayload);
    expect(pages).toHaveLength(2);
    // Ten sessions: eight columns on the first page, two on the second, each with its date and time.
    expect(pages[0]).toMatch(
      /^Teilnehmerliste Industrie 4\.0 .* Nr\. Name Organisation 1\. Termin 03\.03\. 08:00–16:00/,
    );
    expect(pages[0]).toContain('8. Termin 10.03.');
    expect(pages[0]).not.toContain('9. Termin');
    expect(pages[0]).not.toContain('Unterschrift');
    expect(pages[1]).toContain('Nr. Name Organisation 9. Termin 11.03. 08:00–16:00 10. Termin 12.03.');
    // The same persons and blank rows on every page.
    for (const page of pages) expect(page).toMatch(/1 Anna Müller 2 3/);
    expect(pages[1]).toContain('1 angemeldete Person · Termine auf 2 Seiten');

    // An event without sessions keeps one signature column.
    const meeting = createEvent(t.db);
    const single = await readPdf((await get(`/api/events/${meeting.id}/attendance-list.pdf`)).rawPayload);
    expect(single.pages[0]).toContain('Nr. Name Organisation Unterschrift');
  });
});

describe('printable names and PDF/A', { timeout: PDF_TIMEOUT }, () => {
  it('prints names outside the font legibly: emoji left out, other scripts transliterated, no missing glyphs', async () => {
    const { t, get } = await setup();
    const course = createEvent(t.db, { kind: 'course', title: 'Lehrgang 🚗 E-Mobilität', location: 'Jena' });
    const names: [string, string, string][] = [
      ['Jördis 🚗', 'Größer 👩‍🔧', 'Jördis Größer'],
      ['明', '李', '明 李'],
      ['Иван', 'Петров', 'Иван Петров'],
      ['Nguyễn', 'Thị 🇩🇪', 'Nguyễn Thị'],
    ];
    for (const [firstName, lastName] of names) {
      const p = createPerson(t.db, { firstName, lastName });
      createAttendance(t.db, { eventId: course.id, personId: p.id });
    }
    const res = await get(`/api/events/${course.id}/certificates.pdf`);
    expect(res.statusCode).toBe(200);
    const { text, title } = await readPdf(res.rawPayload);
    expect(title).toBe('Teilnahmebescheinigungen – Lehrgang E-Mobilität');
    for (const printed of ['Jördis Größer', 'Ming Li', 'Иван Петров', 'Nguyễn Thị', 'Lehrgang E-Mobilität'])
      expect(text).toContain(printed);
    expect(text).not.toMatch(/\p{Extended_Pictographic}|\p{Script=Han}/u);
  });

  it('writes certificates, attendance lists and confirmations as PDF/A-2b: XMP with pdfaid, sRGB output intent, embedded fonts', async () => {
    const { get, course, guestA, trainer } = await courseWithStaff();
    const urls = [
      `/api/events/${course.id}/certificates.pdf`,
      `/api/events/${course.id}/certificates/${guestA.id}.pdf`,
      `/api/events/${course.id}/contributions/${trainer.id}.pdf`,
      `/api/events/${course.id}/attendance-list.pdf`,
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const pdf = await readPdfArchival(res.rawPayload);
      expect(pdf, url).toMatchObject({
        version: '1.7',
        part: '2',
        conformance: 'B',
        outputIntent: { subtype: 'GTS_PDFA1', condition: 'sRGB IEC61966-2.1', iccProfile: true },
        hasId: true,
      });
      expect(pdf.xmpTitle).toBe((await readPdf(res.rawPayload)).title);
      expect(pdf.fonts.length).toBeGreaterThan(0);
      for (const font of pdf.fonts) expect(font, url).toMatchObject({ embedded: true });
    }
  });
});
