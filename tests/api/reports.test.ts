import { auditEntries, type events, interactionOrganizations, persons, sessionAttendances } from '@anett/db/schema';
import type { ReachMetrics, ReachReport } from '@anett/shared/schemas/report';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  createAttendance,
  createEvent,
  createEventSession,
  createInteraction,
  createNode,
  createOrganization,
  createPerson,
} from '../support/factories.ts';
import { readPdf, readPdfArchival, readPdfDownload } from '../support/pdf.ts';
import { zipEntry } from '../support/zip.ts';

const YEAR = 'from=2024-01-01&to=2024-12-31';
const at = (day: string) => `${day}T09:00:00.000Z`;

/**
 * A year with two nodes. Who attended what (status attended unless noted):
 *   node A, Q1: E1 network meeting (p1, p2 from Kleinteile; pRegistered only registered), E2 workshop (p1, mover
 *     from Kleinteile), E3 panel (p1)                        → Kleinteile came to three events: counted once
 *   node A, Q2: C1 course (pCourse from the university, p1), sessions of 8 h and 6 h: pCourse both, p1 the first
 *   node B, Q2: E4 opening (the erased person, from Mittel GmbH: no size class, 120 employees → SME)
 *   node B, Q3: E5 workshop (mover now from Großwerk, a large company; pLarge from Großwerk)
 *   no node, Q4: E6 webinar (pNoOrg, no organisation)
 *   not counted: E0 in 2023, a deleted event, a deleted interaction
 * Interactions: I1 node A Q1 (pInt, university), I3 node B Q3 (p1, Kleinteile).
 */
function seed(t: TestApp) {
  const db = t.db;
  const nodeA = createNode(db, { name: 'A-Knoten Gotha' });
  // A high id: counting must not depend on node ids being small.
  const nodeB = createNode(db, { id: 5000, name: 'B-Knoten Rohr', district: '16066' });
  const kleinteile = createOrganization(db, {
    name: 'Kleinteile GmbH',
    sizeClass: 'small',
    employees: 30,
    district: '16067',
    sectors: ['29.32'],
  });
  const grosswerk = createOrganization(db, {
    name: 'Großwerk AG',
    sizeClass: 'large',
    employees: 1200,
    district: '16066',
    sectors: ['29.1', '62.01'],
  });
  const mittel = createOrganization(db, { name: 'Mittel GmbH', employees: 120, district: '16063' });
  const uni = createOrganization(db, { name: 'Hochschule', kind: 'university', district: '16070' });

  const p1 = createPerson(db, { lastName: 'Eins' });
  const p2 = createPerson(db, { lastName: 'Zwei' });
  const mover = createPerson(db, { lastName: 'Wechsler' });
  const erased = createPerson(db, { firstName: 'Erika', lastName: 'Erased', email: 'erika@example.org' });
  const pLarge = createPerson(db, { lastName: 'Groß' });
  const pNoOrg = createPerson(db, { lastName: 'Ohne' });
  const pRegistered = createPerson(db, { lastName: 'Angemeldet' });
  const pCourse = createPerson(db, { lastName: 'Kurs' });
  const pInt = createPerson(db, { lastName: 'Kontakt' });

  const event = (kind: string, nodeId: number | null, day: string, extra: Partial<typeof events.$inferInsert> = {}) =>
    createEvent(db, { kind, nodeId, startsAt: at(day), ...extra });
  const e0 = event('workshop', nodeA.id, '2023-12-15');
  const e1 = event('network_meeting', nodeA.id, '2024-01-20');
  const e2 = event('workshop', nodeA.id, '2024-02-10');
  const e3 = event('panel', nodeA.id, '2024-03-05');
  const c1 = event('course', nodeA.id, '2024-05-06', { endsAt: at('2024-05-08') });
  const e4 = event('opening', nodeB.id, '2024-04-15');
  const e5 = event('workshop', nodeB.id, '2024-08-20');
  const e6 = event('webinar', null, '2024-11-11');
  const deleted = event('fair', nodeB.id, '2024-06-01', { deletedAt: '2024-06-02T00:00:00.000Z' });

  const attend = (eventId: number, personId: number, organizationId: number | null, status = 'attended') =>
    createAttendance(db, { eventId, personId, organizationId, status });
  attend(e0.id, p2.id, kleinteile.id);
  attend(e1.id, p1.id, kleinteile.id);
  attend(e1.id, p2.id, kleinteile.id);
  attend(e1.id, pRegistered.id, kleinteile.id, 'registered');
  attend(e2.id, p1.id, kleinteile.id);
  attend(e2.id, mover.id, kleinteile.id);
  attend(e3.id, p1.id, kleinteile.id);
  attend(c1.id, pCourse.id, uni.id);
  attend(c1.id, p1.id, kleinteile.id);
  attend(e4.id, erased.id, mittel.id);
  attend(e5.id, mover.id, grosswerk.id);
  attend(e5.id, pLarge.id, grosswerk.id);
  attend(e6.id, pNoOrg.id, null);
  attend(deleted.id, pLarge.id, grosswerk.id);

  const s1 = createEventSession(db, { eventId: c1.id, startsAt: at('2024-05-06'), hours: 8 });
  const s2 = createEventSession(db, { eventId: c1.id, startsAt: at('2024-05-07'), hours: 6 });
  const createdAt = '2024-05-08T00:00:00.000Z';
  db.insert(sessionAttendances)
    .values([
      { sessionId: s1.id, personId: pCourse.id, hours: 8, createdAt },
      { sessionId: s2.id, personId: pCourse.id, hours: 6, createdAt },
      { sessionId: s1.id, personId: p1.id, hours: 8, createdAt },
    ])
    .run();

  const interaction = (day: string, nodeId: number, personId: number, organizationId: number, deletedAt?: string) => {
    const row = createInteraction(db, { occurredAt: at(day), nodeId, personIds: [personId], deletedAt });
    db.insert(interactionOrganizations).values({ interactionId: row.id, organizationId }).run();
    return row;
  };
  interaction('2024-02-10', nodeA.id, pInt.id, uni.id);
  interaction('2024-03-01', nodeA.id, p2.id, grosswerk.id, '2024-03-02T00:00:00.000Z');
  interaction('2024-08-01', nodeB.id, p1.id, kleinteile.id);

  return { nodeA, nodeB, kleinteile, grosswerk, mittel, uni, erased };
}

const NO_EVENTS = { opening: 0, panel: 0, workshop: 0, course: 0, network_meeting: 0, webinar: 0, fair: 0, other: 0 };
const metrics = (
  m: Partial<Omit<ReachMetrics, 'eventsByKind'>> & { eventsByKind?: Partial<ReachMetrics['eventsByKind']> },
): ReachMetrics => ({
  organizations: 0,
  smes: 0,
  persons: 0,
  events: 0,
  attendances: 0,
  courseParticipants: 0,
  courseHours: 0,
  interactions: 0,
  staff: 0,
  ...m,
  eventsByKind: { ...NO_EVENTS, ...m.eventsByKind },
});

async function setup() {
  const t = await createTestApp();
  const { token: manager } = await t.login('manager');
  const { token: viewer } = await t.login('viewer');
  const { token: admin } = await t.login('admin');
  const data = seed(t);
  // GDPR erasure: the person is anonymised, the attendance row stays.
  const erase = await t.post(admin, `/api/persons/${data.erased.id}/erase`);
  expect(erase.statusCode).toBe(200);
  expect(t.db.select().from(persons).where(eq(persons.id, data.erased.id)).get()?.erasedAt).not.toBeNull();
  return { t, manager, viewer, ...data };
}

const quarter = (report: ReachReport, nodeId: number | null, key: string) => {
  const { quarter: _, ...m } =
    report.nodes.find((n) => n.nodeId === nodeId)?.quarters.find((q) => q.quarter === key) ?? {};
  return m;
};

// The reports render PDFs and workbooks, which takes seconds on a loaded machine.
describe('reach report', { timeout: 30_000 }, () => {
  it('counts organisations, SMEs and persons once per node and quarter, with events, attendances, courses and contacts', async () => {
    const { t, viewer, nodeA, nodeB } = await setup();
    const res = await t.as(viewer, { method: 'GET', url: `/api/reports/reach?${YEAR}` });
    expect(res.statusCode).toBe(200);
    const report: ReachReport = res.json();
    expect(report).toMatchObject({ from: '2024-01-01', to: '2024-12-31', nodeId: null, reachedBy: ['attended'] });
    expect(report.quarters).toEqual([
      { key: '2024-Q1', from: '2024-01-01', to: '2024-03-31' },
      { key: '2024-Q2', from: '2024-04-01', to: '2024-06-30' },
      { key: '2024-Q3', from: '2024-07-01', to: '2024-09-30' },
      { key: '2024-Q4', from: '2024-10-01', to: '2024-12-31' },
    ]);
    expect(report.nodes.map((n) => n.nodeName)).toEqual(['A-Knoten Gotha', 'B-Knoten Rohr', null]);

    // Node A, Q1: Kleinteile at three events counts once; p1, p2 and the mover; three events; five attendances.
    expect(quarter(report, nodeA.id, '2024-Q1')).toEqual(
      metrics({
        organizations: 1,
        smes: 1,
        persons: 3,
        events: 3,
        eventsByKind: { network_meeting: 1, workshop: 1, panel: 1 },
        attendances: 5,
        interactions: 1,
      }),
    );
    // Node A, Q2: the course: two participants (university and Kleinteile), 8 + 6 + 8 hours.
    expect(quarter(report, nodeA.id, '2024-Q2')).toEqual(
      metrics({
        organizations: 2,
        smes: 1,
        persons: 2,
        events: 1,
        eventsByKind: { course: 1 },
        attendances: 2,
        courseParticipants: 2,
        courseHours: 22,
      }),
    );
    expect(quarter(report, nodeA.id, '2024-Q3')).toEqual(metrics({}));
    // Node A over the year: p1 came in Q1 and Q2 and counts once: p1, p2, mover, pCourse.
    expect(report.nodes[0]?.total).toEqual(
      metrics({
        organizations: 2,
        smes: 1,
        persons: 4,
        events: 4,
        eventsByKind: { network_meeting: 1, workshop: 1, panel: 1, course: 1 },
        attendances: 7,
        courseParticipants: 2,
        courseHours: 22,
        interactions: 1,
      }),
    );
    // Node B, Q2: the erased person still counts, and Mittel GmbH (120 employees, no size class) is an SME.
    expect(quarter(report, nodeB.id, '2024-Q2')).toEqual(
      metrics({ organizations: 1, smes: 1, persons: 1, events: 1, eventsByKind: { opening: 1 }, attendances: 1 }),
    );
    // Node B, Q3: the mover now counts for Großwerk (large: no SME); the deleted event is left out.
    expect(quarter(report, nodeB.id, '2024-Q3')).toEqual(
      metrics({
        organizations: 1,
        smes: 0,
        persons: 2,
        events: 1,
        eventsByKind: { workshop: 1 },
        attendances: 2,
        interactions: 1,
      }),
    );
    expect(report.nodes[2]).toMatchObject({
      nodeId: null,
      total: metrics({ persons: 1, events: 1, eventsByKind: { webinar: 1 }, attendances: 1 }),
    });

    // All nodes per quarter: Q2 has Kleinteile (via p1 at the course), the university and Mittel GmbH.
    const q = (key: string) => {
      const { quarter: _, ...m } = report.quarterTotals.find((x) => x.quarter === key) ?? {};
      return m;
    };
    expect(q('2024-Q1')).toMatchObject({ organizations: 1, smes: 1, persons: 3, attendances: 5, interactions: 1 });
    expect(q('2024-Q2')).toMatchObject({
      organizations: 3,
      smes: 2,
      persons: 3,
      events: 2,
      attendances: 3,
      courseHours: 22,
    });
    expect(q('2024-Q3')).toMatchObject({
      organizations: 1,
      smes: 0,
      persons: 2,
      events: 1,
      attendances: 2,
      interactions: 1,
    });
    expect(q('2024-Q4')).toMatchObject({ organizations: 0, persons: 1, events: 1, attendances: 1 });
    // The year: the mover counts once but both employers count; 7 persons, 4 organisations, 2 SMEs.
    expect(report.total).toEqual(
      metrics({
        organizations: 4,
        smes: 2,
        persons: 7,
        events: 7,
        eventsByKind: { network_meeting: 1, workshop: 2, panel: 1, opening: 1, course: 1, webinar: 1 },
        attendances: 11,
        courseParticipants: 2,
        courseHours: 22,
        interactions: 2,
      }),
    );
  });

  it('breaks the reach down by district, WZ section and organisation kind', async () => {
    const { t, viewer } = await setup();
    const { breakdowns } = (
      await t.as(viewer, { method: 'GET', url: `/api/reports/reach?${YEAR}` })
    ).json() as ReachReport;
    const rows = (list: ReachReport['breakdowns']['district']) => list.map(({ label: _, ...r }) => r);
    expect(rows(breakdowns.district)).toEqual([
      { key: '16070', organizations: 1, smes: 0, persons: 1 }, // Ilm-Kreis: the university
      { key: '16067', organizations: 1, smes: 1, persons: 3 }, // Landkreis Gotha: Kleinteile (p1, p2, mover)
      { key: '16066', organizations: 1, smes: 0, persons: 2 }, // Schmalkalden-Meiningen: Großwerk (mover, pLarge)
      { key: '16063', organizations: 1, smes: 1, persons: 1 }, // Wartburgkreis: Mittel GmbH (the erased person)
      { key: null, organizations: 0, smes: 0, persons: 1 }, // pNoOrg
    ]);
    expect(breakdowns.district[0]?.label).toBe('Ilm-Kreis');
    // Großwerk has sectors in C and J and counts in both; the mover counts once in C.
    expect(rows(breakdowns.wzSection)).toEqual([
      { key: 'C', organizations: 2, smes: 1, persons: 4 },
      { key: 'J', organizations: 1, smes: 0, persons: 2 },
      { key: null, organizations: 2, smes: 1, persons: 3 },
    ]);
    expect(breakdowns.wzSection[0]?.label).toBe('C – Verarbeitendes Gewerbe');
    expect(rows(breakdowns.organizationKind)).toEqual([
      { key: 'company', organizations: 3, smes: 2, persons: 5 },
      { key: 'university', organizations: 1, smes: 0, persons: 1 },
      { key: null, organizations: 0, smes: 0, persons: 1 },
    ]);
  });

  it('counts as reached by interactions, completed courses or several ways, and for one node', async () => {
    const { t, viewer, nodeB } = await setup();
    const get = async (query: string) => {
      const res = await t.as(viewer, { method: 'GET', url: `/api/reports/reach?${YEAR}&${query}` });
      expect(res.statusCode).toBe(200);
      return res.json() as ReachReport;
    };
    // I1 (pInt, university) and I3 (p1, Kleinteile); the deleted one is left out.
    const byInteraction = await get('reachedBy=interaction');
    expect(byInteraction.reachedBy).toEqual(['interaction']);
    expect(byInteraction.total).toMatchObject({
      persons: 2,
      organizations: 2,
      smes: 1,
      attendances: 11,
      interactions: 2,
    });
    // The course ended 8 May: pCourse and p1.
    expect((await get('reachedBy=course_completed')).total).toMatchObject({ persons: 2, organizations: 2, smes: 1 });
    // Attended or interaction: pInt joins the seven attendees; the organisations are the same four.
    const both = await get('reachedBy=attended,interaction');
    expect(both.reachedBy).toEqual(['attended', 'interaction']);
    expect(both.total).toMatchObject({ persons: 8, organizations: 4, smes: 2 });
    expect((await get('reachedBy=attended&reachedBy=interaction')).total).toMatchObject({ persons: 8 });

    const onlyB = await get(`nodeId=${nodeB.id}`);
    expect(onlyB.nodes.map((n) => n.nodeId)).toEqual([nodeB.id]);
    expect(onlyB.total).toMatchObject({
      persons: 3,
      organizations: 2,
      smes: 1,
      events: 2,
      attendances: 3,
      interactions: 1,
    });
    expect(onlyB.breakdowns.district.map((r) => r.key)).toEqual(['16066', '16063']);
  });

  it('clips the quarters to a period that does not start on a quarter', async () => {
    const { t, viewer } = await setup();
    const res = await t.as(viewer, { method: 'GET', url: '/api/reports/reach?from=2024-02-01&to=2024-04-30' });
    const report: ReachReport = res.json();
    expect(report.quarters).toEqual([
      { key: '2024-Q1', from: '2024-02-01', to: '2024-03-31' },
      { key: '2024-Q2', from: '2024-04-01', to: '2024-04-30' },
    ]);
    // E2, E3 (Q1) and E4 (Q2) fall inside (p1, the mover, the erased person); E1 (20 Jan) and the course do not.
    expect(report.total).toMatchObject({ persons: 3, organizations: 2, events: 3, attendances: 4 });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const { t, viewer } = await setup();
    const field = async (query: string) => {
      const res = await t.as(viewer, { method: 'GET', url: `/api/reports/reach?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await field('to=2024-12-31')).toContain('from');
    expect(await field('from=2024-02-30&to=2024-12-31')).toContain('from');
    expect(await field('from=&to=2024-11-15')).toEqual(['from']);
    expect(await field('from=&to=false')).toEqual(['from', 'to']);
    expect(await field('from=2024-01-01&to=31.12.2024')).toContain('to');
    expect(await field('from=2024-12-31&to=2024-01-01')).toEqual(['to']);
    expect(await field('from=2020-01-01&to=2025-01-01')).toEqual(['to']);
    expect(await field(`${YEAR}&reachedBy=attended,visited`)).toEqual([expect.stringMatching(/^reachedBy/)]);
    expect(await field(`${YEAR}&nodeId=999`)).toEqual(['nodeId']);
    expect(await field(`${YEAR}&nodeId=abc`)).toEqual(['nodeId']);
    // Five years exactly is allowed.
    const ok = await t.as(viewer, { method: 'GET', url: '/api/reports/reach?from=2020-01-01&to=2024-12-31' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().quarters).toHaveLength(20);
  });

  it('exports the report as XLSX with numbers as numbers and as PDF', async () => {
    const { t, viewer } = await setup();
    const res = await t.as(viewer, { method: 'GET', url: `/api/reports/reach.xlsx?${YEAR}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      'attachment; filename="Reichweite-2024-01-01-2024-12-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Reichweite',
      'Landkreise',
      'Wirtschaftszweige',
      'Organisationsarten',
      'Info',
    ]);
    const sheet = workbook.getWorksheet('Reichweite') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual([
      'Knoten',
      'Quartal',
      'Organisationen',
      'davon KMU',
      'Personen',
      'Veranstaltungen',
    ]);
    expect(header).toContain('Lehrgangsstunden');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const row = (node: string, q: string) => {
      const found = rows.find((r) => r[1] === node && r[2] === q) as unknown[];
      return Object.fromEntries(header.map((h, i) => [h, found[i + 1]]));
    };
    // 3 nodes × (4 quarters + total) + all nodes × (4 quarters + total)
    expect(rows).toHaveLength(20);
    expect(row('Alle Knoten', 'Gesamt')).toMatchObject({
      Organisationen: 4,
      'davon KMU': 2,
      Personen: 7,
      Teilnahmen: 11,
      Lehrgangsstunden: 22,
    });
    expect(row('A-Knoten Gotha', 'Q1 2024')).toMatchObject({
      Organisationen: 1,
      Personen: 3,
      Veranstaltungen: 3,
      Workshop: 1,
    });
    expect(row('ohne Knoten', 'Gesamt')).toMatchObject({ Personen: 1, Webinar: 1 });
    expect(typeof row('Alle Knoten', 'Gesamt').Personen).toBe('number');
    const districts = workbook.getWorksheet('Landkreise')?.getSheetValues().slice(2) as unknown[][];
    expect(districts.map((r) => r.slice(1))).toContainEqual(['Landkreis Gotha', 1, 1, 3]);

    const pdf = await t.as(viewer, { method: 'GET', url: `/api/reports/reach.pdf?${YEAR}` });
    const { text, title } = await readPdfDownload(pdf, 'Reichweite-2024-01-01-2024-12-31.pdf');
    expect(title).toBe('Reichweite 01.01.2024 – 31.12.2024');
    expect(text).toContain('Zeitraum 01.01.2024 – 31.12.2024');
    expect(text).toContain('Knoten Quartal Organisationen davon KMU Personen');
    // The Q1 row of node A: 1 organisation, 1 SME, 3 persons, 3 events.
    expect(text).toMatch(/A-Knoten Gotha Q1 2024 1 1 3 3 /);
    expect(text).toContain('Veranstaltungen nach Format');
    expect(text).toContain('Landkreis Gotha');
    expect(text).toMatch(/Seite 1 von \d/);

    const bad = await t.as(viewer, { method: 'GET', url: '/api/reports/reach.xlsx?from=2024-01-01' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('participants and staff', { timeout: 30_000 }, () => {
  /**
   * A course at the Sömmerda node in Q4 2024 as the demo has it: 16 guests, two trainers and the organiser attended
   * (19 attendances); everyone was at the one session of 8 hours. A panel the same quarter: a guest and a speaker.
   */
  async function course(overrides: Parameters<typeof createTestApp>[0] = {}) {
    const t = await createTestApp(overrides);
    const { token } = await t.login('viewer');
    const node = createNode(t.db, { name: 'QTI-Knoten Sömmerda', district: '16068' });
    const org = createOrganization(t.db, { name: 'Sömmerdaer Zulieferer GmbH', sizeClass: 'small' });
    const staffOrg = createOrganization(t.db, { name: 'AWZ Sömmerda', kind: 'education' });
    const c = createEvent(t.db, { kind: 'course', nodeId: node.id, startsAt: at('2024-10-07') });
    const session = createEventSession(t.db, { eventId: c.id, startsAt: at('2024-10-07'), hours: 8 });
    const attend = (role: string, organizationId: number) => {
      const p = createPerson(t.db);
      createAttendance(t.db, { eventId: c.id, personId: p.id, organizationId, role });
      t.db
        .insert(sessionAttendances)
        .values({ sessionId: session.id, personId: p.id, hours: 8, createdAt: at('2024-10-07') })
        .run();
      return p;
    };
    const guests = Array.from({ length: 16 }, () => attend('guest', org.id));
    const staff = [attend('trainer', staffOrg.id), attend('trainer', staffOrg.id), attend('organiser', staffOrg.id)];
    const panel = createEvent(t.db, { kind: 'panel', nodeId: node.id, startsAt: at('2024-11-20') });
    createAttendance(t.db, { eventId: panel.id, personId: guests[0]!.id, organizationId: org.id });
    const speaker = createPerson(t.db);
    createAttendance(t.db, { eventId: panel.id, personId: speaker.id, role: 'speaker', organizationId: staffOrg.id });
    return { t, token, node, guests, staff };
  }
  const Q4 = 'from=2024-10-01&to=2024-12-31';

  it('counts participants by role and shows trainers, organisers and speakers apart', async () => {
    const { t, token, node } = await course();
    const report: ReachReport = (await t.as(token, { method: 'GET', url: `/api/reports/reach?${Q4}` })).json();
    // 16 course participants, not 19; persons, organisations, attendances and hours of participants only.
    expect(quarter(report, node.id, '2024-Q4')).toEqual(
      metrics({
        organizations: 1,
        smes: 1,
        persons: 16,
        events: 2,
        eventsByKind: { course: 1, panel: 1 },
        attendances: 17,
        courseParticipants: 16,
        courseHours: 128,
        staff: 4,
      }),
    );
  });

  it('states the counting rules, the staff column, the funding reference and a signature block in PDF and XLSX', async () => {
    const { t, token } = await course({
      report: { fundingReference: '16ZF0815', signatory: 'Dr. Max Muster, Projektleitung ANeTT' },
    });
    const pdf = await t.as(token, { method: 'GET', url: `/api/reports/reach.pdf?${Q4}` });
    expect(pdf.statusCode).toBe(200);
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('Förderkennzeichen 16ZF0815');
    expect(text).toContain('FKZ 16ZF0815');
    expect(text).toMatch(/Teilnehmende Personen mit Status „teilgenommen“ in der Rolle Gast/);
    expect(text).toMatch(/Mitwirkende Dozent\/innen, Organisation, Redner\/innen, Podiumsgäste, Moderation und Presse/);
    expect(text).toMatch(/Kontakte Mitwirkende/);
    expect(text).toMatch(/QTI-Knoten Sömmerda Q4 2024 1 1 16 2 17 16 128 0 4/);
    expect(text).toContain('Die Angaben sind richtig und vollständig.');
    expect(text).toContain('Ort, Datum Unterschrift – Dr. Max Muster, Projektleitung ANeTT');
    // For the archive: PDF/A-2b.
    expect(await readPdfArchival(pdf.rawPayload)).toMatchObject({
      version: '1.7',
      part: '2',
      conformance: 'B',
      outputIntent: { subtype: 'GTS_PDFA1', iccProfile: true },
    });

    const xlsx = await t.as(token, { method: 'GET', url: `/api/reports/reach.xlsx?${Q4}` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Reichweite') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.at(-1)).toBe('Mitwirkende');
    const total = (sheet.getSheetValues().slice(2) as unknown[][]).find(
      (r) => r[1] === 'Alle Knoten' && r[2] === 'Gesamt',
    );
    expect(total?.slice(-3)).toEqual([128, 0, 4]);
    const info = ((workbook.getWorksheet('Info') as ExcelJS.Worksheet).getSheetValues().slice(1) as unknown[][]).map(
      (r) => r.slice(1),
    );
    expect(info).toContainEqual(['Förderkennzeichen', '16ZF0815']);
    expect(info.map((r) => r[0])).toEqual(expect.arrayContaining(['Zählweise', 'Teilnehmende', 'Mitwirkende']));
    // The filter covers the table and LibreOffice keeps it (the defined name).
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(header.length).letter}${sheet.rowCount}`);
    expect(zipEntry(xlsx.rawPayload, 'xl/workbook.xml')).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0">&apos;Reichweite&apos;!$A$1:$${sheet.getColumn(header.length).letter}$${sheet.rowCount}</definedName>`,
    );
  });
});

describe('reach snapshots', { timeout: 30_000 }, () => {
  it('freezes a report: a later merge of two organisations changes the live report but not the snapshot', async () => {
    const { t, manager, viewer, kleinteile, mittel } = await setup();
    const created = await t.post(manager, '/api/reports/reach/snapshots', {
      label: 'Zwischenbericht 2024',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(created.statusCode).toBe(201);
    const snapshot = created.json();
    expect(snapshot).toMatchObject({
      label: 'Zwischenbericht 2024',
      from: '2024-01-01',
      to: '2024-12-31',
      nodeId: null,
      reachedBy: ['attended'],
      total: { organizations: 4, smes: 2, persons: 7 },
    });
    expect(snapshot.createdBy.name).toMatch(/^manager/);
    const audit = t.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entity, 'report_snapshot'), eq(auditEntries.entityId, snapshot.id)))
      .all();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', diff: expect.objectContaining({ label: 'Zwischenbericht 2024' }) }),
    ]);

    // Mittel GmbH turns out to be a duplicate of Kleinteile: its attendance moves there.
    const merge = await t.post(manager, `/api/organizations/${kleinteile.id}/merge`, { sourceId: mittel.id });
    expect(merge.statusCode).toBe(200);
    const live = (await t.as(viewer, { method: 'GET', url: `/api/reports/reach?${YEAR}` })).json() as ReachReport;
    expect(live.total).toMatchObject({ organizations: 3, smes: 1, persons: 7 });

    const frozen = await t.as(viewer, { method: 'GET', url: `/api/reports/reach/snapshots/${snapshot.id}` });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.headers.etag).toBe('"1"');
    expect(frozen.json().total).toMatchObject({ organizations: 4, smes: 2, persons: 7 });
    expect(frozen.json().report).toEqual(snapshot.report);
    expect(frozen.json().report.breakdowns.district.map((r: { key: string }) => r.key)).toContain('16063');

    const list = await t.as(viewer, { method: 'GET', url: '/api/reports/reach/snapshots' });
    expect(list.json()).toMatchObject({
      total: 1,
      page: 1,
      items: [{ id: snapshot.id, label: 'Zwischenbericht 2024', total: { organizations: 4 } }],
    });
    expect(list.json().items[0].report).toBeUndefined();

    const xlsx = await t.as(viewer, { method: 'GET', url: `/api/reports/reach/snapshots/${snapshot.id}.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const total = ((workbook.getWorksheet('Reichweite') as ExcelJS.Worksheet).getSheetValues() as unknown[][]).find(
      (r) => r?.[1] === 'Alle Knoten' && r[2] === 'Gesamt',
    );
    expect(total?.[3]).toBe(4);
    const info = workbook.getWorksheet('Info')?.getSheetValues() as unknown[][];
    expect(info.map((r) => r?.[2])).toContain('Zwischenbericht 2024');

    const pdf = await t.as(viewer, { method: 'GET', url: `/api/reports/reach/snapshots/${snapshot.id}.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('Reichweite-Zwischenbericht-2024-2024-01-01-2024-12-31.pdf');
    const frozenPdf = await readPdf(pdf.rawPayload);
    expect(frozenPdf.title).toBe('Reichweite – Zwischenbericht 2024');
    expect(frozenPdf.text).toContain('Eingefroren am');
    expect((await t.as(viewer, { method: 'GET', url: '/api/reports/reach/snapshots/999.pdf' })).statusCode).toBe(404);
  });

  it('lets a viewer read but not create snapshots, validates the body and answers 404 for unknown ones', async () => {
    const { t, manager, viewer, nodeA } = await setup();
    const body = { label: 'Q1', from: '2024-01-01', to: '2024-03-31' };
    const forbidden = await t.post(viewer, '/api/reports/reach/snapshots', body);
    expect(forbidden.statusCode).toBe(403);

    const bad = async (payload: object) => {
      const res = await t.post(manager, '/api/reports/reach/snapshots', payload);
      expect(res.statusCode).toBe(400);
      return res.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await bad({ ...body, label: '' })).toEqual(['label']);
    expect(await bad({ ...body, to: '2023-12-31' })).toEqual(['to']);
    expect(await bad({ ...body, reachedBy: ['visited'] })).toEqual(['reachedBy.0']);
    expect(await bad({ ...body, nodeId: 999 })).toEqual(['nodeId']);

    const created = await t.post(manager, '/api/reports/reach/snapshots', {
      ...body,
      nodeId: nodeA.id,
      reachedBy: ['attended', 'interaction'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      nodeId: nodeA.id,
      reachedBy: ['attended', 'interaction'],
      total: { persons: 4 },
    });
    const list = await t.as(viewer, { method: 'GET', url: '/api/reports/reach/snapshots' });
    expect(list.json().total).toBe(1);

    expect((await t.as(viewer, { method: 'GET', url: '/api/reports/reach/snapshots/999' })).statusCode).toBe(404);
    expect((await t.as(viewer, { method: 'GET', url: '/api/reports/reach/snapshots/999.xlsx' })).statusCode).toBe(404);
    expect((await t.as(viewer, { method: 'GET', url: '/api/reports/reach/snapshots/abc' })).statusCode).toBe(400);
  });
});
