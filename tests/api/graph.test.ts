import { interactionOrganizations, persons } from '@anett/db/schema';
import type { EgoGraph, Graph } from '@anett/shared/schemas/graph';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  createAffiliation,
  createAttendance,
  createEvent,
  createInteraction,
  createNetwork,
  createNode,
  createOrganization,
  createPerson,
  createRelation,
} from '../support/factories.ts';

const ids = (g: Graph) => g.nodes.map((v) => v.id).sort();
const edge = (g: Graph, source: string, target: string) =>
  g.edges.find((e) => e.source === source && e.target === target);

/** ANeTT with two nodes (A hosted by the BTZ), a partner network and organisations related to them. */
function seedNetwork(t: TestApp) {
  const db = t.db;
  const anett = createNetwork(db, {
    name: 'Automotive Netzwerk Transformation Thüringen',
    shortName: 'ANeTT',
    isOwn: true,
  });
  const partner = createNetwork(db, { name: 'Transformationsnetzwerk Bayern', region: 'Bayern' });
  const btz = createOrganization(db, { name: 'BTZ Rohr', kind: 'education' });
  const nodeA = createNode(db, { name: 'QTI-Knoten Rohr', networkId: anett.id, hostOrganizationId: btz.id });
  const nodeB = createNode(db, { name: 'QTI-Knoten Gotha', networkId: anett.id });
  const supplier = createOrganization(db, { name: 'Zulieferer GmbH', sectors: ['29.32'] });
  const software = createOrganization(db, { name: 'Software GmbH', sectors: ['62.01'] });
  const leg = createOrganization(db, { name: 'LEG Thüringen', kind: 'economic_development' });
  const former = createOrganization(db, { name: 'Ehemalige GmbH', sectors: ['29.1'] });
  const bavarian = createOrganization(db, { name: 'Bayern Innovativ', kind: 'network' });
  createRelation(db, { organizationId: supplier.id, nodeId: nodeA.id, type: 'member' });
  createRelation(db, { organizationId: supplier.id, nodeId: nodeB.id, type: 'cooperation_partner' });
  createRelation(db, { organizationId: software.id, nodeId: nodeA.id, type: 'cooperation_partner' });
  createRelation(db, {
    organizationId: leg.id,
    networkId: anett.id,
    type: 'consortium_partner',
    responsibility: 'Transfer',
  });
  createRelation(db, { organizationId: former.id, nodeId: nodeB.id, type: 'member', toDate: '2020-12-31' });
  createRelation(db, { organizationId: bavarian.id, networkId: partner.id, type: 'partner_network' });
  return { anett, partner, btz, nodeA, nodeB, supplier, software, leg, former, bavarian };
}

describe('network graph', () => {
  it('shows networks, nodes, hosts and related organisations with typed edges', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer');
    const s = seedNetwork(t);
    const person = createPerson(t.db);
    const event = createEvent(t.db, { nodeId: s.nodeA.id, startsAt: '2024-03-01T09:00:00.000Z' });
    createAttendance(t.db, { eventId: event.id, personId: person.id, organizationId: s.software.id });

    const res = await t.as(token, { method: 'GET', url: '/api/graph/network' });
    expect(res.statusCode).toBe(200);
    const g: Graph = res.json();
    const org = (o: { id: number }) => `org:${o.id}`;
    expect(ids(g)).toEqual(
      [
        `network:${s.anett.id}`,
        `network:${s.partner.id}`,
        `node:${s.nodeA.id}`,
        `node:${s.nodeB.id}`,
        ...[s.btz, s.supplier, s.software, s.leg, s.former, s.bavarian].map(org),
      ].sort(),
    );
    expect(g.truncated).toBe(false);
    expect(g.nodes.find((v) => v.id === `network:${s.anett.id}`)).toMatchObject({
      label: 'ANeTT',
      kind: 'network',
      group: 'own',
    });
    expect(g.nodes.find((v) => v.id === org(s.btz))).toMatchObject({
      label: 'BTZ Rohr',
      kind: 'organization',
      group: 'education',
      entityId: s.btz.id,
    });
    expect(edge(g, `node:${s.nodeA.id}`, `network:${s.anett.id}`)).toMatchObject({ kind: 'relation' });
    expect(edge(g, org(s.btz), `node:${s.nodeA.id}`)).toMatchObject({ kind: 'host', label: 'Träger QTI-Knoten' });
    expect(edge(g, org(s.supplier), `node:${s.nodeA.id}`)).toMatchObject({
      kind: 'relation',
      label: 'Mitglied',
      weight: 1,
    });
    expect(edge(g, org(s.leg), `network:${s.anett.id}`)).toMatchObject({
      kind: 'relation',
      label: 'Konsortialpartner',
    });
    // Activity weighs a vertex: one attendance for Software GmbH.
    expect(g.nodes.find((v) => v.id === org(s.software))?.weight).toBe(2);
    expect(g.nodes.find((v) => v.id === org(s.supplier))?.weight).toBe(1);
    expect(g.nodes.find((v) => v.id === `node:${s.nodeA.id}`)?.weight).toBe(1);
  });

  it('filters by node, sector and period', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer');
    const s = seedNetwork(t);
    const get = async (query: string) => {
      const res = await t.as(token, { method: 'GET', url: `/api/graph/network?${query}` });
      expect(res.statusCode, query).toBe(200);
      return res.json() as Graph;
    };
    const byNode = await get(`nodeId=${s.nodeA.id}`);
    expect(ids(byNode)).toEqual(
      [
        `network:${s.anett.id}`,
        `node:${s.nodeA.id}`,
        `org:${s.btz.id}`,
        `org:${s.supplier.id}`,
        `org:${s.software.id}`,
        `org:${s.leg.id}`,
      ].sort(),
    );
    // Sector 29 (vehicles): the supplier and the former member; the host stays as part of the structure.
    const bySector = await get('sector=29');
    expect(
      bySector.nodes
        .filter((v) => v.kind === 'organization')
        .map((v) => v.label)
        .sort(),
    ).toEqual(['BTZ Rohr', 'Ehemalige GmbH', 'Zulieferer GmbH']);
    const recent = await get('from=2022-01-01&to=2024-12-31');
    expect(ids(recent)).not.toContain(`org:${s.former.id}`);
    expect(ids(recent)).toContain(`org:${s.supplier.id}`);
  });

  it('caps the graph at 300 vertices, keeping the most connected organisations', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer');
    const s = seedNetwork(t);
    t.db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const o = createOrganization(t.db, { name: `Mitglied ${String(i).padStart(3, '0')} GmbH` });
        createRelation(t.db, { organizationId: o.id, nodeId: s.nodeB.id, type: 'member' });
      }
    });
    const g: Graph = (await t.as(token, { method: 'GET', url: '/api/graph/network' })).json();
    expect(g.nodes).toHaveLength(300);
    expect(g.truncated).toBe(true);
    // The supplier has two relations: kept; every edge joins kept vertices.
    expect(ids(g)).toContain(`org:${s.supplier.id}`);
    const present = new Set(ids(g));
    expect(g.edges.every((e) => present.has(e.source) && present.has(e.target))).toBe(true);
  }, 30_000);

  it('refuses bad filters with 400 naming the field', async () => {
    const t = await createTestApp();
    const { token } = await t.login('viewer');
    const field = async (query: string) => {
      const res = await t.as(token, { method: 'GET', url: `/api/graph/network?${query}` });
      expect(res.statusCode, query).toBe(400);
      return res.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await field('nodeId=999')).toEqual(['nodeId']);
    expect(await field('sector=2')).toEqual(['sector']);
    expect(await field('from=2024-13-01')).toEqual(['from']);
    expect(await field('from=2024-02-01&to=2024-01-01')).toEqual(['to']);
  });
});

describe('ego graph', () => {
  async function seedEgo() {
    const t = await createTestApp();
    const { token } = await t.login('viewer');
    const db = t.db;
    const s = seedNetwork(t);
    const ego = createPerson(db, { firstName: 'Erika', lastName: 'Ego', title: 'Dr.' });
    const often = createPerson(db, { lastName: 'Oft' });
    const once = createPerson(db, { lastName: 'Einmal' });
    const erased = createPerson(db, { lastName: 'Gelöscht' });
    db.update(persons).set({ erasedAt: '2024-12-01T00:00:00.000Z' }).where(eq(persons.id, erased.id)).run();
    createAffiliation(db, { personId: ego.id, organizationId: s.supplier.id, isPrimary: true, fromDate: '2020-01-01' });
    createAffiliation(db, {
      personId: ego.id,
      organizationId: s.former.id,
      fromDate: '2015-01-01',
      toDate: '2019-12-31',
    });
    const e1 = createEvent(db, { nodeId: s.nodeA.id, startsAt: '2024-03-01T09:00:00.000Z' });
    const e2 = createEvent(db, { nodeId: s.nodeA.id, startsAt: '2024-09-01T09:00:00.000Z' });
    for (const [event, person, organizationId] of [
      [e1, ego, s.supplier.id],
      [e1, often, s.software.id],
      [e1, once, s.leg.id],
      [e1, erased, s.software.id],
      [e2, ego, s.supplier.id],
      [e2, often, s.software.id],
    ] as const) {
      createAttendance(db, { eventId: event.id, personId: person.id, organizationId });
    }
    createAttendance(db, { eventId: e2.id, personId: once.id, status: 'cancelled' });
    createInteraction(db, { occurredAt: '2024-05-01T10:00:00.000Z', personIds: [ego.id, often.id] });
    const call = createInteraction(db, { occurredAt: '2024-06-01T10:00:00.000Z', personIds: [ego.id] });
    db.insert(interactionOrganizations).values({ interactionId: call.id, organizationId: s.bavarian.id }).run();
    return { t, token, s, ego, often, once, erased };
  }

  it('shows a person’s affiliations and who they met, weighted by shared events and interactions', async () => {
    const { t, token, s, ego, often, once, erased } = await seedEgo();
    const res = await t.as(token, { method: 'GET', url: `/api/graph/ego?type=person&id=${ego.id}` });
    expect(res.statusCode).toBe(200);
    const g: EgoGraph = res.json();
    const center = `person:${ego.id}`;
    expect(g.center).toBe(center);
    expect(g.nodes[0]).toMatchObject({ id: center, label: 'Dr. Erika Ego', kind: 'person' });
    // Current affiliation first, then the past one, then contacts by frequency; the erased person is left out.
    expect(g.nodes.slice(1).map((v) => v.id)).toEqual([
      `org:${s.supplier.id}`,
      `org:${s.former.id}`,
      `person:${often.id}`,
      `org:${s.bavarian.id}`,
      `person:${once.id}`,
    ]);
    expect(g.nodes.map((v) => v.id)).not.toContain(`person:${erased.id}`);
    expect(g.edges.find((e) => e.target === `person:${often.id}`)).toEqual({
      source: center,
      target: `person:${often.id}`,
      kind: 'co_attendance',
      weight: 3, // two shared events and one shared interaction
    });
    expect(g.edges.find((e) => e.target === `person:${once.id}`)).toMatchObject({ kind: 'co_attendance', weight: 1 });
    expect(g.edges.find((e) => e.target === `org:${s.bavarian.id}`)).toMatchObject({ kind: 'interaction', weight: 1 });
    expect(g.edges.find((e) => e.target === `org:${s.supplier.id}`)).toMatchObject({ kind: 'affiliation' });

    // A period: the past affiliation and the March event drop out.
    const later: EgoGraph = (
      await t.as(token, { method: 'GET', url: `/api/graph/ego?type=person&id=${ego.id}&from=2024-04-01&to=2024-12-31` })
    ).json();
    expect(later.nodes.map((v) => v.id)).not.toContain(`org:${s.former.id}`);
    expect(later.nodes.map((v) => v.id)).not.toContain(`person:${once.id}`);
    expect(later.edges.find((e) => e.target === `person:${often.id}`)?.weight).toBe(2);
  });

  it('shows an organisation’s relations, people and the organisations met at events', async () => {
    const { t, token, s, ego, often } = await seedEgo();
    const res = await t.as(token, { method: 'GET', url: `/api/graph/ego?type=organization&id=${s.supplier.id}` });
    expect(res.statusCode).toBe(200);
    const g: EgoGraph = res.json();
    expect(g.center).toBe(`org:${s.supplier.id}`);
    const kinds = Object.fromEntries(g.edges.map((e) => [e.target, [e.kind, e.weight]]));
    expect(kinds).toEqual({
      [`node:${s.nodeA.id}`]: ['relation', 1],
      [`node:${s.nodeB.id}`]: ['relation', 1],
      [`person:${ego.id}`]: ['affiliation', 2], // attended two events for the supplier
      [`org:${s.software.id}`]: ['co_attendance', 2], // its people were at both events
      [`org:${s.leg.id}`]: ['co_attendance', 1],
    });
    expect(g.nodes.map((v) => v.id)).not.toContain(`person:${often.id}`);

    const host: EgoGraph = (
      await t.as(token, { method: 'GET', url: `/api/graph/ego?type=organization&id=${s.btz.id}` })
    ).json();
    expect(host.edges).toEqual([{ source: `org:${s.btz.id}`, target: `node:${s.nodeA.id}`, kind: 'host', weight: 1 }]);
  });

  it('keeps the 50 strongest neighbours and refuses unknown records and bad input', async () => {
    const { t, token, ego } = await seedEgo();
    const crowd = createEvent(t.db, { startsAt: '2024-10-01T09:00:00.000Z' });
    createAttendance(t.db, { eventId: crowd.id, personId: ego.id });
    t.db.transaction(() => {
      for (let i = 0; i < 60; i++) createAttendance(t.db, { eventId: crowd.id, personId: createPerson(t.db).id });
    });
    const g: EgoGraph = (await t.as(token, { method: 'GET', url: `/api/graph/ego?type=person&id=${ego.id}` })).json();
    expect(g.nodes).toHaveLength(51);
    expect(g.truncated).toBe(true);

    expect((await t.as(token, { method: 'GET', url: '/api/graph/ego?type=person&id=99999' })).statusCode).toBe(404);
    expect((await t.as(token, { method: 'GET', url: '/api/graph/ego?type=organization&id=99999' })).statusCode).toBe(
      404,
    );
    const bad = await t.as(token, { method: 'GET', url: '/api/graph/ego?type=event&id=1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['type']);
    const noId = await t.as(token, { method: 'GET', url: '/api/graph/ego?type=person' });
    expect(noId.json().errors.map((e: { field: string }) => e.field)).toEqual(['id']);
  });
});
