import { organizationSectors, persons, topics } from '@anett/db/schema';
import { wzPrefixCondition } from '@anett/server/lib/wz-filter';
import { personWhere } from '@anett/server/modules/persons/person-filter';
import { type PersonFilterInput, personFilter } from '@anett/shared/schemas/person';
import { WZ_CODES, wzMatchesPrefix } from '@anett/shared/vocab/wz2008';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  createAffiliation,
  createAttendance,
  createConsent,
  createEvent,
  createNetwork,
  createNode,
  createOrganization,
  createPerson,
  createRelation,
  createTag,
} from '../support/factories.ts';

/**
 * A small network in which every filter has a hit and a near miss. Person keys say who they are:
 * - supplierA: current at a WZ 29.32 supplier in Schmalkalden-Meiningen, attended the 2024 QTI opening in Rohr
 * - supplierB: current at a WZ 29.1 supplier in S-M, attended the opening and a 2024 course
 * - machines: current at a WZ 28.1 machine builder in S-M, attended the opening
 * - mover: formerly at a WZ 29 supplier, now at a plastics firm (WZ 22.2) in Sömmerda that is a member of node Sömmerda
 * - cancelled: current at the 29.32 supplier, cancelled the opening
 * - walkIn: no affiliation, no e-mail, attended a 2023 panel at node Sömmerda
 * - chamber: at the IHK (chamber, consortium partner), tagged, newsletter consent, speaker at a hydrogen workshop
 * - gone: deleted person at the 29.32 supplier who attended the opening
 * - deletedOrg: current at a deleted WZ 29 organisation
 * - host: at the BTZ, host of node Rohr (no relation row)
 * - withdrawn: granted then withdrew the newsletter; regranted: withdrew then granted again
 */
async function world() {
  const t = await createTestApp();
  const { token } = await t.login('viewer');
  const db = t.db;
  const topic = (slug: string) => db.select().from(topics).where(eq(topics.slug, slug)).get()?.id as number;

  const anett = createNetwork(db, { name: 'ANeTT', isOwn: true });
  const btz = createOrganization(db, {
    name: 'BTZ Rohr-Kloster',
    kind: 'education',
    district: '16066',
    city: 'Rohr',
    sectors: ['85.5'],
  });
  const rohr = createNode(db, {
    name: 'QTI-Knoten Rohr',
    district: '16066',
    hostOrganizationId: btz.id,
    networkId: anett.id,
  });
  const soemmerda = createNode(db, { name: 'QTI-Knoten Sömmerda', district: '16068', networkId: anett.id });

  const supplier = createOrganization(db, {
    name: 'Präzisionsteile Meiningen GmbH',
    district: '16066',
    sectors: ['29.32'],
  });
  const supplier2 = createOrganization(db, {
    name: 'Karosserie Schmalkalden AG',
    district: '16066',
    sectors: ['29.1'],
  });
  const machines = createOrganization(db, { name: 'Maschinenbau Suhl-Land KG', district: '16066', sectors: ['28.1'] });
  const plastics = createOrganization(db, {
    name: 'Kunststoffwerk Sömmerda GmbH',
    district: '16068',
    city: 'Sömmerda',
    sectors: ['22.2'],
  });
  const oldSupplier = createOrganization(db, {
    name: 'Altzulieferer Gotha GmbH',
    district: '16067',
    sectors: ['29.2'],
  });
  const ihk = createOrganization(db, { name: 'IHK Erfurt', kind: 'chamber', district: '16051' });
  const removed = createOrganization(db, {
    name: 'Gelöscht GmbH',
    district: '16066',
    sectors: ['29'],
    deletedAt: '2024-01-01T00:00:00.000Z',
  });
  createRelation(db, { organizationId: plastics.id, nodeId: soemmerda.id, type: 'member' });
  createRelation(db, {
    organizationId: ihk.id,
    networkId: anett.id,
    type: 'consortium_partner',
    responsibility: 'Transfer',
  });
  createRelation(db, {
    organizationId: machines.id,
    nodeId: rohr.id,
    type: 'cooperation_partner',
    toDate: '2020-12-31',
  });

  const opening = createEvent(db, {
    title: 'Eröffnung QTI-Knoten Rohr',
    kind: 'opening',
    nodeId: rohr.id,
    startsAt: '2024-11-15T09:00:00.000Z',
    topicIds: [topic('qualifikation')],
  });
  const course = createEvent(db, {
    title: 'Fahrzeugkomponenten',
    kind: 'course',
    nodeId: rohr.id,
    startsAt: '2024-03-04T07:00:00.000Z',
    topicIds: [topic('qualifikation')],
  });
  const panel = createEvent(db, {
    title: 'Podium Transformation',
    kind: 'panel',
    nodeId: soemmerda.id,
    startsAt: '2023-05-01T16:00:00.000Z',
  });
  const workshop = createEvent(db, {
    title: 'Wasserstoff-Werkstatt',
    kind: 'workshop',
    startsAt: '2024-12-31T23:30:00.000Z',
    topicIds: [topic('wasserstoff')],
  });

  const tag = createTag(db, { name: 'Multiplikator' });
  const p = {
    supplierA: createPerson(db, { firstName: 'Anna', lastName: 'Arnold', email: 'anna@praezision.example' }),
    supplierB: createPerson(db, { firstName: 'Bernd', lastName: 'Bauer', email: 'bernd@karosserie.example' }),
    machines: createPerson(db, { firstName: 'Carla', lastName: 'Claus', email: 'carla@maschinen.example' }),
    mover: createPerson(db, { firstName: 'Dirk', lastName: 'Dreher', email: 'dirk@kunststoff.example' }),
    cancelled: createPerson(db, { firstName: 'Eva', lastName: 'Ebert', email: 'eva@praezision.example' }),
    walkIn: createPerson(db, { firstName: 'Frank', lastName: 'Fuchs', email: '' }),
    chamber: createPerson(db, { firstName: 'Grit', lastName: 'Graf', email: 'grit@ihk.example', tagIds: [tag.id] }),
    gone: createPerson(db, {
      firstName: 'Hans',
      lastName: 'Hahn',
      email: 'hans@praezision.example',
      deletedAt: '2024-12-01T00:00:00.000Z',
    }),
    deletedOrg: createPerson(db, { firstName: 'Ines', lastName: 'Imhof', email: 'ines@geloescht.example' }),
    host: createPerson(db, { firstName: 'Jens', lastName: 'Jahn', email: 'jens@btz.example' }),
    withdrawn: createPerson(db, { firstName: 'Kai', lastName: 'Kern' }),
    regranted: createPerson(db, { firstName: 'Lea', lastName: 'Lorenz', email: 'lea@example.org' }),
  };
  createAffiliation(db, {
    personId: p.supplierA.id,
    organizationId: supplier.id,
    function: 'Geschäftsführerin',
    isPrimary: true,
  });
  createAffiliation(db, { personId: p.supplierB.id, organizationId: supplier2.id, toDate: '2099-12-31' });
  createAffiliation(db, { personId: p.machines.id, organizationId: machines.id });
  createAffiliation(db, {
    personId: p.mover.id,
    organizationId: oldSupplier.id,
    fromDate: '2015-01-01',
    toDate: '2022-12-31',
  });
  createAffiliation(db, { personId: p.mover.id, organizationId: plastics.id, fromDate: '2023-01-01' });
  createAffiliation(db, { personId: p.cancelled.id, organizationId: supplier.id });
  createAffiliation(db, { personId: p.chamber.id, organizationId: ihk.id });
  createAffiliation(db, { personId: p.gone.id, organizationId: supplier.id });
  createAffiliation(db, { personId: p.deletedOrg.id, organizationId: removed.id });
  createAffiliation(db, { personId: p.host.id, organizationId: btz.id });

  createAttendance(db, { eventId: opening.id, personId: p.supplierA.id, status: 'attended' });
  createAttendance(db, { eventId: opening.id, personId: p.supplierB.id, status: 'attended' });
  createAttendance(db, { eventId: course.id, personId: p.supplierB.id, status: 'attended', role: 'guest' });
  createAttendance(db, { eventId: opening.id, personId: p.machines.id, status: 'attended' });
  createAttendance(db, { eventId: opening.id, personId: p.cancelled.id, status: 'cancelled' });
  createAttendance(db, { eventId: course.id, personId: p.cancelled.id, status: 'cancelled' });
  createAttendance(db, { eventId: panel.id, personId: p.walkIn.id, status: 'attended' });
  createAttendance(db, { eventId: workshop.id, personId: p.chamber.id, status: 'registered', role: 'speaker' });
  createAttendance(db, { eventId: opening.id, personId: p.gone.id, status: 'attended' });

  createConsent(db, {
    personId: p.chamber.id,
    channel: 'email_newsletter',
    status: 'granted',
    recordedAt: '2024-01-01T00:00:00.000Z',
  });
  createConsent(db, {
    personId: p.withdrawn.id,
    channel: 'email_newsletter',
    status: 'granted',
    recordedAt: '2023-01-01T00:00:00.000Z',
  });
  createConsent(db, {
    personId: p.withdrawn.id,
    channel: 'email_newsletter',
    status: 'withdrawn',
    recordedAt: '2024-01-01T00:00:00.000Z',
  });
  createConsent(db, {
    personId: p.withdrawn.id,
    channel: 'post',
    status: 'granted',
    recordedAt: '2024-01-01T00:00:00.000Z',
  });
  // Recorded later but with an earlier time (as after a merge): the earlier withdrawal does not win.
  createConsent(db, {
    personId: p.regranted.id,
    channel: 'email_newsletter',
    status: 'granted',
    recordedAt: '2024-06-01T00:00:00.000Z',
  });
  createConsent(db, {
    personId: p.regranted.id,
    channel: 'email_newsletter',
    status: 'withdrawn',
    recordedAt: '2022-01-01T00:00:00.000Z',
  });

  const keyOf = new Map(Object.entries(p).map(([k, v]) => [v.id, k]));
  /** Keys of the persons the list returns for a query string, sorted. */
  async function find(qs: string) {
    const res = await t.as(token, { method: 'GET', url: `/api/persons?pageSize=500&${qs}` });
    expect(res.statusCode, `${qs}: ${res.body}`).toBe(200);
    const body = res.json() as { items: { id: number }[]; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => keyOf.get(i.id) ?? `#${i.id}`).sort();
  }
  /** The same through personWhere directly, as exports and segments use it. */
  function where(input: PersonFilterInput) {
    return t.db
      .select({ id: persons.id })
      .from(persons)
      .where(personWhere(personFilter.parse(input)))
      .orderBy(asc(persons.id))
      .all()
      .map((r) => keyOf.get(r.id) ?? `#${r.id}`)
      .sort();
  }
  const orgs = { btz, supplier, supplier2, machines, plastics, oldSupplier, ihk, removed };
  const events = { opening, course, panel, workshop };
  return { t, find, where, p, orgs, events, nodes: { rohr, soemmerda }, tag, topic };
}

const live = [
  'cancelled',
  'chamber',
  'deletedOrg',
  'host',
  'machines',
  'mover',
  'regranted',
  'supplierA',
  'supplierB',
  'walkIn',
  'withdrawn',
];

describe('person filter: organisation criteria (current affiliations)', () => {
  it('lists every live person without filters and the deleted ones with deleted=true', async () => {
    const w = await world();
    expect(await w.find('')).toEqual(live);
    expect(await w.find('deleted=true')).toEqual(['gone']);
    expect(await w.find('deleted=false')).toEqual(live);
  });

  it('sector uses WZ prefixes: 29 matches 29.1 and 29.32 but not 28.x, past affiliations or deleted organisations', async () => {
    const w = await world();
    expect(await w.find('sector=29')).toEqual(['cancelled', 'supplierA', 'supplierB']);
    expect(await w.find('sector=29.3')).toEqual(['cancelled', 'supplierA']);
    expect(await w.find('sector=29.32')).toEqual(['cancelled', 'supplierA']);
    expect(await w.find('sector=28')).toEqual(['machines']);
    expect(await w.find('sector=29&sector=28')).toEqual(['cancelled', 'machines', 'supplierA', 'supplierB']);
    expect(await w.find('sector=22')).toEqual(['mover']);
    expect(await w.find('sector=C')).toEqual(['cancelled', 'machines', 'mover', 'supplierA', 'supplierB']);
    expect(await w.find('sector=P')).toEqual(['host']);
    expect(await w.find('sector=01')).toEqual([]);
  });

  it('district, organisation kind and organisation id', async () => {
    const w = await world();
    expect(await w.find('district=16066')).toEqual(['cancelled', 'host', 'machines', 'supplierA', 'supplierB']);
    expect(await w.find('district=16068&district=16051')).toEqual(['chamber', 'mover']);
    expect(await w.find('district=16067')).toEqual([]);
    expect(await w.find('organizationKind=chamber')).toEqual(['chamber']);
    expect(await w.find('organizationKind=chamber&organizationKind=education')).toEqual(['chamber', 'host']);
    expect(await w.find(`organizationId=${w.orgs.supplier.id}`)).toEqual(['cancelled', 'supplierA']);
    expect(await w.find(`organizationId=${w.orgs.oldSupplier.id}`)).toEqual([]);
    expect(await w.find('organizationId=99999')).toEqual([]);
  });

  it('organisation criteria must hold for the same organisation', async () => {
    const w = await world();
    const both = createPerson(w.t.db, { firstName: 'Zoe', lastName: 'Zwei' });
    createAffiliation(w.t.db, { personId: both.id, organizationId: w.orgs.machines.id });
    createAffiliation(w.t.db, { personId: both.id, organizationId: w.orgs.ihk.id });
    // WZ 28 at the machine builder and district Erfurt at the IHK: no single organisation has both.
    expect(await w.find('sector=28&district=16051')).toEqual([]);
    expect(await w.find('sector=28&district=16066')).toEqual([`#${both.id}`, 'machines'].sort());
  });

  it('relation type and node: current relations, node hosts, and attendances at the node’s events', async () => {
    const w = await world();
    expect(await w.find('relationType=consortium_partner')).toEqual(['chamber']);
    expect(await w.find('relationType=member')).toEqual(['mover']);
    expect(await w.find('relationType=cooperation_partner')).toEqual([]);
    expect(await w.find('relationType=node_host')).toEqual(['host']);
    // Rohr: its host's people plus everyone with a (not cancelled) attendance at a Rohr event; the ended
    // cooperation of the machine builder does not count, but Carla attended the opening.
    expect(await w.find(`nodeId=${w.nodes.rohr.id}`)).toEqual(['host', 'machines', 'supplierA', 'supplierB']);
    expect(await w.find(`nodeId=${w.nodes.soemmerda.id}`)).toEqual(['mover', 'walkIn']);
    expect(await w.find(`nodeId=${w.nodes.rohr.id}&nodeId=${w.nodes.soemmerda.id}`)).toEqual([
      'host',
      'machines',
      'mover',
      'supplierA',
      'supplierB',
      'walkIn',
    ]);
  });

  it('tag, e-mail presence and consent (latest entry per channel by recording time)', async () => {
    const w = await world();
    expect(await w.find(`tag=${w.tag.id}`)).toEqual(['chamber']);
    expect(await w.find('hasEmail=false')).toEqual(['walkIn', 'withdrawn']);
    expect(await w.find('hasEmail=true')).toEqual(live.filter((k) => k !== 'walkIn' && k !== 'withdrawn'));
    expect(await w.find('consent=email_newsletter')).toEqual(['chamber', 'regranted']);
    expect(await w.find('consent=post')).toEqual(['withdrawn']);
    expect(await w.find('consent=email_newsletter&consent=post')).toEqual(['chamber', 'regranted', 'withdrawn']);
    expect(await w.find('consent=phone')).toEqual([]);
  });

  it('search combines with filters', async () => {
    const w = await world();
    expect(await w.find('q=praezision')).toEqual(['cancelled', 'supplierA']);
    expect(await w.find('q=sommerda')).toEqual(['mover']);
    expect(await w.find('q=Sömm&sector=29')).toEqual([]);
    expect(await w.find('q=anna&sector=29')).toEqual(['supplierA']);
  });
});

describe('person filter: attendance criteria (one and the same attendance)', () => {
  it('event, kind, status, role, date range and topic', async () => {
    const w = await world();
    const { opening, course, workshop } = w.events;
    expect(await w.find(`eventId=${opening.id}`)).toEqual(['cancelled', 'machines', 'supplierA', 'supplierB']);
    expect(await w.find(`eventId=${opening.id}&attendanceStatus=attended`)).toEqual([
      'machines',
      'supplierA',
      'supplierB',
    ]);
    expect(await w.find(`eventId=${course.id}&eventId=${workshop.id}`)).toEqual(['cancelled', 'chamber', 'supplierB']);
    expect(await w.find('eventKind=course')).toEqual(['cancelled', 'supplierB']);
    expect(await w.find('eventKind=panel&eventKind=workshop')).toEqual(['chamber', 'walkIn']);
    expect(await w.find('attendanceStatus=registered&attendanceStatus=cancelled')).toEqual(['cancelled', 'chamber']);
    expect(await w.find('attendanceRole=speaker')).toEqual(['chamber']);
    expect(await w.find('attendanceRole=speaker&attendanceStatus=attended')).toEqual([]);
    expect(await w.find('attendedFrom=2024-01-01&attendedTo=2024-12-31')).toEqual([
      'cancelled',
      'chamber',
      'machines',
      'supplierA',
      'supplierB',
    ]);
    expect(await w.find('attendedTo=2023-12-31')).toEqual(['walkIn']);
    expect(await w.find('attendedFrom=2024-11-15&attendedTo=2024-11-15')).toEqual([
      'cancelled',
      'machines',
      'supplierA',
      'supplierB',
    ]);
    expect(await w.find('attendedFrom=2024-11-16&attendedTo=2024-12-30')).toEqual([]);
    expect(await w.find(`topic=${w.topic('wasserstoff')}`)).toEqual(['chamber']);
    expect(await w.find(`topic=${w.topic('qualifikation')}&attendanceStatus=attended`)).toEqual([
      'machines',
      'supplierA',
      'supplierB',
    ]);
    // Course in March 2024 (attended by Bernd) and the opening in November: status and date must meet in one attendance.
    expect(await w.find('eventKind=course&attendedFrom=2024-06-01')).toEqual([]);
  });

  it('gives the same answers when a narrowing criterion makes attendances be checked per candidate', async () => {
    const w = await world();
    const quali = w.topic('qualifikation');
    expect(await w.find(`district=16066&topic=${quali}&attendanceStatus=attended`)).toEqual([
      'machines',
      'supplierA',
      'supplierB',
    ]);
    expect(await w.find(`district=16066&topic=${w.topic('wasserstoff')}`)).toEqual([]);
    expect(await w.find('q=praezision&eventKind=opening')).toEqual(['cancelled', 'supplierA']);
    expect(
      await w.find(`tag=${w.tag.id}&attendanceRole=speaker&attendedFrom=2024-12-31&attendedTo=2024-12-31`),
    ).toEqual(['chamber']);
    expect(await w.find('district=16066&district=16068&excludeEventKind=course&excludeEventKind=panel')).toEqual([
      'cancelled',
      'host',
      'machines',
      'mover',
      'supplierA',
    ]);
    expect(await w.find('q=praezision&excludeEventKind=opening')).toEqual(['cancelled']);
  });

  it('reports the total also for a page past the end', async () => {
    const w = await world();
    const res = await w.t.as((await w.t.login('viewer')).token, {
      method: 'GET',
      url: '/api/persons?sector=29&page=3&pageSize=2',
    });
    expect(res.json()).toMatchObject({ items: [], total: 3, page: 3, pageSize: 2 });
  });

  it('negation: excludeEventKind and excludeEventId drop persons with such an attendance (cancelled ones do not count)', async () => {
    const w = await world();
    const { opening, course } = w.events;
    expect(
      await w.find('attendanceStatus=attended&attendedFrom=2024-01-01&attendedTo=2024-12-31&excludeEventKind=course'),
    ).toEqual(['machines', 'supplierA']);
    expect(await w.find(`excludeEventId=${opening.id}`)).toEqual(
      live.filter((k) => !['machines', 'supplierA', 'supplierB'].includes(k)),
    );
    // Eva only cancelled the course, so she has not "done a course".
    expect(await w.find(`eventId=${opening.id}&excludeEventKind=course`)).toEqual([
      'cancelled',
      'machines',
      'supplierA',
    ]);
    expect(await w.find(`excludeEventId=${course.id}&excludeEventKind=panel&sector=29`)).toEqual([
      'cancelled',
      'supplierA',
    ]);
  });

  it('answers the headline question: 2024 QTI participants from automotive suppliers (WZ 29) in Schmalkalden-Meiningen', async () => {
    const w = await world();
    const base = 'sector=29&district=16066&attendanceStatus=attended&attendedFrom=2024-01-01&attendedTo=2024-12-31';
    expect(await w.find(base)).toEqual(['supplierA', 'supplierB']);
    expect(await w.find(`${base}&nodeId=${w.nodes.rohr.id}`)).toEqual(['supplierA', 'supplierB']);
    expect(await w.find(`${base}&excludeEventKind=course`)).toEqual(['supplierA']);
    expect(await w.find(`${base}&hasEmail=true&consent=email_newsletter`)).toEqual([]);
  });
});

const group = (g: Record<string, unknown>) => encodeURIComponent(JSON.stringify(g));
const Y2024 = { from: '2024-01-01', to: '2024-12-31' };

describe('person filter: attendance groups (attended / notAttended)', () => {
  it('a group’s conditions hold for one attendance; without a status every status but cancelled counts', async () => {
    const w = await world();
    const { rohr, soemmerda } = w.nodes;
    // Eva only cancelled at Rohr; Jens is affiliated with the host but attended nothing.
    expect(await w.find(`attended=${group({ nodeId: [rohr.id] })}`)).toEqual(['machines', 'supplierA', 'supplierB']);
    expect(await w.find(`attended=${group({ nodeId: [rohr.id, soemmerda.id] })}`)).toEqual([
      'machines',
      'supplierA',
      'supplierB',
      'walkIn',
    ]);
    expect(await w.find(`attended=${group({ status: ['cancelled'] })}`)).toEqual(['cancelled']);
    expect(await w.find(`attended=${group({ role: ['speaker'], topic: [w.topic('wasserstoff')] })}`)).toEqual([
      'chamber',
    ]);
    expect(await w.find(`attended=${group({ role: ['speaker'], nodeId: [rohr.id] })}`)).toEqual([]);
    expect(await w.find(`attended=${group({ eventId: [w.events.panel.id] })}`)).toEqual(['walkIn']);
    // The course was in March: one group asks for one attendance, two groups for two.
    expect(await w.find(`attended=${group({ eventKind: ['course'], from: '2024-06-01' })}`)).toEqual([]);
    expect(
      await w.find(`attended=${group({ eventKind: ['course'] })}&attended=${group({ from: '2024-06-01' })}`),
    ).toEqual(['supplierB']);
    // The same groups as one JSON array.
    expect(await w.find(`attended=${group([{ eventKind: ['course'] }, { from: '2024-06-01' }] as never)}`)).toEqual([
      'supplierB',
    ]);
  });

  it('an event without a node is not a QTI event: the node in a group is the event’s node', async () => {
    const w = await world();
    const nodes = [w.nodes.rohr.id, w.nodes.soemmerda.id];
    // Grit is registered for the workshop on 31.12.2024, which has no node.
    expect(await w.find(`attended=${group(Y2024)}`)).toEqual(['chamber', 'machines', 'supplierA', 'supplierB']);
    expect(await w.find(`attended=${group({ ...Y2024, nodeId: nodes })}`)).toEqual([
      'machines',
      'supplierA',
      'supplierB',
    ]);
  });

  it('affiliatedNodeId is the affiliation alone; nodeId keeps meaning "affiliated or attended"', async () => {
    const w = await world();
    const { rohr, soemmerda } = w.nodes;
    expect(await w.find(`affiliatedNodeId=${rohr.id}`)).toEqual(['host']);
    expect(await w.find(`affiliatedNodeId=${soemmerda.id}`)).toEqual(['mover']);
    expect(await w.find(`nodeId=${rohr.id}`)).toEqual(['host', 'machines', 'supplierA', 'supplierB']);
  });

  it('notAttended drops everyone with such an attendance, in the period only', async () => {
    const w = await world();
    // Eva's attendances in 2024 were both cancelled; Jens has none.
    expect(await w.find(`district=16066&notAttended=${group(Y2024)}`)).toEqual(['cancelled', 'host']);
    expect(await w.find(`notAttended=${group({ eventKind: ['course'], ...Y2024 })}&sector=29`)).toEqual([
      'cancelled',
      'supplierA',
    ]);
    expect(await w.find(`notAttended=${group({ eventKind: ['course'], from: '2024-06-01' })}&sector=29`)).toEqual([
      'cancelled',
      'supplierA',
      'supplierB',
    ]);
    // The same answer without a narrowing criterion (IN list instead of per-candidate checks).
    expect(await w.find(`notAttended=${group(Y2024)}`)).toEqual(
      live.filter((k) => !['chamber', 'machines', 'supplierA', 'supplierB'].includes(k)),
    );
    expect(
      await w.find(`notAttended=${group({ eventKind: ['course'] })}&notAttended=${group({ eventKind: ['panel'] })}`),
    ).toEqual(live.filter((k) => !['supplierB', 'walkIn'].includes(k)));
  });

  it('answers the design’s question: WZ 29 in Schmalkalden-Meiningen, a QTI event in 2024, but no course in 2024', async () => {
    const w = await world();
    const nodes = [w.nodes.rohr.id, w.nodes.soemmerda.id];
    const qs = `sector=29&district=16066&attended=${group({ ...Y2024, nodeId: nodes })}&notAttended=${group({ ...Y2024, eventKind: ['course'] })}`;
    expect(await w.find(qs)).toEqual(['supplierA']);
    expect(
      w.where({
        sector: ['29'],
        district: ['16066'],
        attended: [{ ...Y2024, nodeId: nodes }],
        notAttended: [{ ...Y2024, eventKind: ['course'] }],
      }),
    ).toEqual(['supplierA']);
  });

  it('refuses malformed groups with 400 naming the field', async () => {
    const w = await world();
    const { token } = await w.t.login('viewer');
    const bad = async (qs: string, field: RegExp) => {
      const res = await w.t.as(token, { method: 'GET', url: `/api/persons?${qs}` });
      expect(res.statusCode, qs).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.json().errors), qs).toMatch(field);
    };
    await bad('attended=kurs', /attended/);
    await bad(`attended=${group({ nodeId: ['x'] })}`, /attended\.0\.nodeId/);
    await bad(`notAttended=${group({ colour: 'red' })}`, /notAttended\.0/);
    await bad(`attended=${group({ from: '2024-12-31', to: '2024-01-01' })}`, /attended\.0\.to/);
    await bad(`attended=${group({ eventKind: ['party'] })}`, /attended\.0\.eventKind/);
    await bad(`attended=${group(Array.from({ length: 11 }, () => ({})) as never)}`, /attended/);
    await bad(`attended=${group(42 as never)}`, /attended/);
  });
});

describe('segments with attendance groups and saved legacy filters', () => {
  it('a segment saved with groups counts and lists the same persons as the list; an old saved filter still works', async () => {
    const w = await world();
    const { token } = await w.t.login('manager');
    const nodes = [w.nodes.rohr.id, w.nodes.soemmerda.id];
    const filter = {
      sector: ['29'],
      district: ['16066'],
      attended: [{ ...Y2024, nodeId: nodes }],
      notAttended: [{ ...Y2024, eventKind: ['course'] }],
    };
    const created = await w.t.post(token, '/api/segments', { name: 'QTI 2024 ohne Lehrgang', filter });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().count).toBe(1);
    const members = await w.t.as(token, { method: 'GET', url: `/api/segments/${created.json().id}/persons` });
    expect(members.json().items.map((i: { id: number }) => i.id)).toEqual([w.p.supplierA.id]);

    // A filter saved before groups existed, as it lies in the database: flat attendance keys and the old nodeId.
    const legacy = await w.t.post(token, '/api/segments', {
      name: 'Alt',
      filter: {
        sector: ['29'],
        attendanceStatus: ['attended'],
        attendedFrom: '2024-01-01',
        excludeEventKind: ['course'],
        nodeId: [w.nodes.rohr.id],
      },
    });
    expect(legacy.statusCode, legacy.body).toBe(201);
    expect(legacy.json().count).toBe(1);
    const list = await w.find(
      `sector=29&attendanceStatus=attended&attendedFrom=2024-01-01&excludeEventKind=course&nodeId=${w.nodes.rohr.id}`,
    );
    expect(list).toEqual(['supplierA']);
  });
});

describe('personWhere outside HTTP', () => {
  it('gives the same answers when called directly with a parsed filter (as exports and segments will)', async () => {
    const w = await world();
    expect(w.where({ sector: '29', district: ['16066'] })).toEqual(await w.find('sector=29&district=16066'));
    expect(w.where({ attendanceStatus: 'attended', excludeEventKind: 'course' })).toEqual(
      await w.find('attendanceStatus=attended&excludeEventKind=course'),
    );
    expect(w.where({ deleted: 'true' })).toEqual(['gone']);
    expect(w.where({})).toEqual(live);
  });

  it('wzPrefixCondition agrees with wzMatchesPrefix for every listed code and prefix', async () => {
    const t: TestApp = await createTestApp();
    const org = createOrganization(t.db, { name: 'Alle Branchen GmbH' });
    t.db
      .insert(organizationSectors)
      .values(WZ_CODES.map((c) => ({ organizationId: org.id, wzCode: c.code })))
      .run();
    for (const prefix of WZ_CODES) {
      const got = t.db
        .select({ code: organizationSectors.wzCode })
        .from(organizationSectors)
        .where(
          and(
            eq(organizationSectors.organizationId, org.id),
            wzPrefixCondition(organizationSectors.wzCode, [prefix.code]),
          ),
        )
        .all()
        .map((r) => r.code)
        .sort();
      const expected = WZ_CODES.filter((c) => c.code === prefix.code || wzMatchesPrefix(c.code, prefix.code))
        .map((c) => c.code)
        .sort();
      expect(got, prefix.code).toEqual(expected);
    }
    expect(wzPrefixCondition(organizationSectors.wzCode, [])).toBeUndefined();
  });
});
