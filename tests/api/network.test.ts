import type { Db } from '@anett/db/client';
import { affiliations, auditEntries, events, networks, nodes, relations } from '@anett/db/schema';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countRows, fields, managerApp } from '../support/app.ts';
import { createNetwork, createNode, createOrganization, createPerson, createRelation } from '../support/factories.ts';

const addPerson = (db: Db, lastName: string, deletedAt: string | null = null) =>
  createPerson(db, { firstName: 'Test', lastName, deletedAt });

describe('networks', () => {
  it('creates, lists with accent-insensitive search, reads with ETag and patches with If-Match', async () => {
    const { t, manager, viewer } = await managerApp();
    const created = await t.post(manager, '/api/networks', {
      name: 'Automotive Netzwerk Transformation Thüringen',
      shortName: 'ANeTT',
      region: 'Thüringen',
      isOwn: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const anett = created.json();
    expect(anett).toMatchObject({ shortName: 'ANeTT', isOwn: true, version: 1, website: null });
    createNetwork(t.db, { name: 'Transformationsnetzwerk Bayern', region: 'Bayern' });
    createNetwork(t.db, { name: 'Netzwerk Hessen', region: 'Hessen' });

    const all = (await t.as(viewer, { method: 'GET', url: '/api/networks?sort=-name' })).json();
    expect(all.total).toBe(3);
    expect(all.items.map((n: { name: string }) => n.name)).toEqual([
      'Transformationsnetzwerk Bayern',
      'Netzwerk Hessen',
      'Automotive Netzwerk Transformation Thüringen',
    ]);
    const search = (await t.as(viewer, { method: 'GET', url: '/api/networks?q=thuringen' })).json();
    expect(search.items.map((n: { id: number }) => n.id)).toEqual([anett.id]);
    const own = (await t.as(viewer, { method: 'GET', url: '/api/networks?isOwn=false' })).json();
    expect(own.total).toBe(2);

    const get = await t.as(viewer, { method: 'GET', url: `/api/networks/${anett.id}` });
    expect(get.headers.etag).toBe('"1"');
    expect(get.json()).toMatchObject({ id: anett.id, nodes: [], relations: [] });

    const url = `/api/networks/${anett.id}`;
    expect((await t.patch(manager, url, { region: 'TH' })).statusCode).toBe(428);
    const ok = await t.patch(manager, url, { website: 'https://anett.example' }, '"1"');
    expect(ok.json()).toMatchObject({ version: 2, website: 'https://anett.example', region: 'Thüringen' });
    const stale = await t.patch(manager, url, { region: 'TH' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current.version).toBe(2);
    expect(t.db.select().from(networks).where(eq(networks.id, anett.id)).get()?.region).toBe('Thüringen');
    expect((await t.as(viewer, { method: 'GET', url: '/api/networks/999' })).statusCode).toBe(404);
  });

  it('answers 400 naming the field for bad network input and writes nothing', async () => {
    const { t, manager } = await managerApp();
    const before = countRows(t.db, networks);
    for (const [payload, field] of [
      [{}, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 'N', isOwn: 'ja' }, 'isOwn'],
      [{ name: 'N', description: 'd'.repeat(5001) }, 'description'],
      [{ name: 'N', extra: 1 }, undefined],
    ] as const) {
      const res = await t.post(manager, '/api/networks', payload);
      if (field === undefined) {
        // Unknown properties are dropped on create (only patches are strict).
        expect(res.statusCode).toBe(201);
        continue;
      }
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res)).toContain(field);
    }
    expect(countRows(t.db, networks)).toBe(before + 1);
  });
});

describe('nodes', () => {
  it('creates a node with host and responsible user and lists it with counts', async () => {
    const { t, manager, managerId, viewer } = await managerApp();
    const anett = createNetwork(t.db, { name: 'ANeTT', isOwn: true });
    const btz = createOrganization(t.db, { name: 'BTZ Rohr-Kloster' });
    const created = await t.post(manager, '/api/nodes', {
      name: 'QTI-Knoten Rohr',
      district: '16066',
      networkId: anett.id,
      hostOrganizationId: btz.id,
      openedOn: '2024-11-15',
      responsibleUserId: managerId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const node = created.json();
    expect(node).toMatchObject({
      name: 'QTI-Knoten Rohr',
      district: '16066',
      network: { id: anett.id, name: 'ANeTT' },
      hostOrganization: { id: btz.id, name: 'BTZ Rohr-Kloster' },
      openedOn: '2024-11-15',
      responsibleUser: { id: managerId, name: 'manager 1' },
      counts: { organizations: 1, persons: 0, events: 0 },
    });

    // Organisations: host + member + cooperation partner, not a deleted one, not one of another node.
    const member = createOrganization(t.db, { name: 'Mitglied GmbH' });
    const coop = createOrganization(t.db, { name: 'Partner GmbH' });
    const deleted = createOrganization(t.db, { name: 'Weg GmbH', deletedAt: '2024-01-01T00:00:00.000Z' });
    const elsewhere = createOrganization(t.db, { name: 'Anderswo GmbH' });
    const other = createNode(t.db, { name: 'QTI-Knoten Gotha' });
    createRelation(t.db, { organizationId: member.id, nodeId: node.id, type: 'member' });
    createRelation(t.db, { organizationId: coop.id, nodeId: node.id, type: 'cooperation_partner' });
    createRelation(t.db, { organizationId: btz.id, nodeId: node.id, type: 'node_host' });
    createRelation(t.db, { organizationId: deleted.id, nodeId: node.id, type: 'member' });
    createRelation(t.db, { organizationId: elsewhere.id, nodeId: other.id, type: 'member' });

    // Persons currently affiliated: two at the member (one of them also at the host), one former, one deleted.
    const p1 = addPerson(t.db, 'Eins');
    const p2 = addPerson(t.db, 'Zwei');
    const former = addPerson(t.db, 'Ehemalig');
    const gone = addPerson(t.db, 'Geloescht', '2024-01-01T00:00:00.000Z');
    const outside = addPerson(t.db, 'Anderswo');
    t.db
      .insert(affiliations)
      .values([
        { personId: p1.id, organizationId: member.id },
        { personId: p1.id, organizationId: btz.id },
        { personId: p2.id, organizationId: coop.id, fromDate: '2020-01-01', toDate: '2999-12-31' },
        { personId: former.id, organizationId: member.id, toDate: '2020-12-31' },
        { personId: gone.id, organizationId: member.id },
        { personId: outside.id, organizationId: elsewhere.id },
        { personId: outside.id, organizationId: deleted.id },
      ])
      .run();
    t.db
      .insert(events)
      .values([
        { title: 'Eröffnung', kind: 'opening', startsAt: '2024-11-15T10:00:00Z', nodeId: node.id },
        { title: 'Lehrgang', kind: 'course', startsAt: '2025-02-01T08:00:00Z', nodeId: node.id },
        {
          title: 'Abgesagt',
          kind: 'panel',
          startsAt: '2025-03-01T08:00:00Z',
          nodeId: node.id,
          deletedAt: '2025-01-01T00:00:00Z',
        },
        { title: 'Gotha', kind: 'panel', startsAt: '2025-03-01T08:00:00Z', nodeId: other.id },
      ])
      .run();

    const list = await t.as(viewer, { method: 'GET', url: '/api/nodes' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(2);
    const rohr = list.json().items.find((n: { id: number }) => n.id === node.id);
    expect(rohr.counts).toEqual({ organizations: 3, persons: 2, events: 2 });
    const gotha = list.json().items.find((n: { id: number }) => n.id === other.id);
    expect(gotha).toMatchObject({
      counts: { organizations: 1, persons: 1, events: 1 },
      hostOrganization: null,
      responsibleUser: null,
    });

    const detail = await t.as(viewer, { method: 'GET', url: `/api/nodes/${node.id}` });
    expect(detail.headers.etag).toBe('"1"');
    expect(detail.json().relations).toHaveLength(4);

    const filtered = await t.as(viewer, { method: 'GET', url: '/api/nodes?district=16066' });
    expect(filtered.json().items.map((n: { id: number }) => n.id)).toEqual([node.id]);
    const search = await t.as(viewer, { method: 'GET', url: '/api/nodes?q=rohr' });
    expect(search.json().items.map((n: { id: number }) => n.id)).toEqual([node.id]);
  });

  it('finds a node by accent-free search and sorts by opening date', async () => {
    const { t, viewer } = await managerApp();
    createNode(t.db, { name: 'QTI-Knoten Sömmerda', district: '16068', openedOn: '2024-06-01' });
    createNode(t.db, { name: 'QTI-Knoten Weberstedt', district: '16064', openedOn: '2024-03-01' });
    const search = await t.as(viewer, { method: 'GET', url: '/api/nodes?q=sommerda' });
    expect(search.json().items.map((n: { name: string }) => n.name)).toEqual(['QTI-Knoten Sömmerda']);
    const sorted = await t.as(viewer, { method: 'GET', url: '/api/nodes?sort=-openedOn' });
    expect(sorted.json().items.map((n: { openedOn: string }) => n.openedOn)).toEqual(['2024-06-01', '2024-03-01']);
  });

  it('patches a node with If-Match and refuses bad references and bad input', async () => {
    const { t, manager } = await managerApp();
    const node = createNode(t.db, { name: 'Gotha', district: '16067' });
    const deletedOrg = createOrganization(t.db, { name: 'Weg', deletedAt: '2024-01-01T00:00:00.000Z' });
    const url = `/api/nodes/${node.id}`;
    const headers = { 'if-match': '"1"' };
    const auditBefore = countRows(t.db, auditEntries);
    for (const [payload, field] of [
      [{ hostOrganizationId: 9999 }, 'hostOrganizationId'],
      [{ hostOrganizationId: deletedOrg.id }, 'hostOrganizationId'],
      [{ responsibleUserId: 9999 }, 'responsibleUserId'],
      [{ networkId: 9999 }, 'networkId'],
      [{ district: 'Gotha' }, 'district'],
      [{ openedOn: '15.11.2024' }, 'openedOn'],
      [{ openedOn: '2024-02-30' }, 'openedOn'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ hostOrganizationId: 'eins' }, 'hostOrganizationId'],
    ] as const) {
      const res = await t.as(manager, { method: 'PATCH', url, headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res)).toContain(field);
    }
    expect(t.db.select().from(nodes).where(eq(nodes.id, node.id)).get()).toMatchObject({ version: 1, name: 'Gotha' });
    expect(countRows(t.db, auditEntries)).toBe(auditBefore);

    const ok = await t.as(manager, {
      method: 'PATCH',
      url,
      headers,
      payload: { openedOn: '2024-05-01', description: 'Knoten Gotha' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, openedOn: '2024-05-01', district: '16067' });
    expect((await t.as(manager, { method: 'PATCH', url, headers, payload: { name: 'X' } })).statusCode).toBe(412);
    expect((await t.patch(manager, url, { name: 'X' })).statusCode).toBe(428);
    expect(
      (await t.as(manager, { method: 'PATCH', url: '/api/nodes/999', headers, payload: { name: 'X' } })).statusCode,
    ).toBe(404);

    const before = countRows(t.db, nodes);
    const bad = await t.post(manager, '/api/nodes', { name: 'Ohne Kreis' });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toContain('district');
    expect(countRows(t.db, nodes)).toBe(before);
  });
});

describe('relations', () => {
  it('creates a relation to exactly one network or node and lists it for the organisation', async () => {
    const { t, manager, viewer } = await managerApp();
    const org = createOrganization(t.db, { name: 'IHK Erfurt', kind: 'chamber' });
    const anett = createNetwork(t.db, { name: 'ANeTT', isOwn: true });
    const node = createNode(t.db, { name: 'Sömmerda', district: '16068' });

    const res = await t.post(manager, '/api/relations', {
      organizationId: org.id,
      networkId: anett.id,
      type: 'consortium_partner',
      responsibility: 'Transfer',
      fromDate: '2023-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      organization: { id: org.id, name: 'IHK Erfurt' },
      network: { id: anett.id, name: 'ANeTT' },
      node: null,
      nodeId: null,
      type: 'consortium_partner',
      responsibility: 'Transfer',
      fromDate: '2023-01-01',
      toDate: null,
    });
    const toNode = await t.post(manager, '/api/relations', { organizationId: org.id, nodeId: node.id, type: 'member' });
    expect(toNode.statusCode).toBe(201);

    const listed = await t.as(viewer, { method: 'GET', url: `/api/organizations/${org.id}/relations` });
    expect(listed.json().items.map((r: { type: string }) => r.type)).toEqual(['consortium_partner', 'member']);
    expect((await t.as(viewer, { method: 'GET', url: '/api/organizations/999/relations' })).statusCode).toBe(404);
    const one = await t.as(viewer, { method: 'GET', url: `/api/relations/${toNode.json().id}` });
    expect(one.headers.etag).toBe('"1"');
  });

  it('answers 400 naming the field for both, neither, bad dates, unknown ids and bad types, writing nothing', async () => {
    const { t, manager } = await managerApp();
    const org = createOrganization(t.db);
    const deletedOrg = createOrganization(t.db, { deletedAt: '2024-01-01T00:00:00.000Z' });
    const net = createNetwork(t.db);
    const node = createNode(t.db);
    const base = { organizationId: org.id, type: 'member' };
    const before = [countRows(t.db, relations), countRows(t.db, auditEntries)];
    for (const [label, payload, field] of [
      ['both', { ...base, networkId: net.id, nodeId: node.id }, 'nodeId'],
      ['neither', base, 'networkId'],
      ['malformed date', { ...base, nodeId: node.id, fromDate: '2024-13-01' }, 'fromDate'],
      ['German date', { ...base, nodeId: node.id, toDate: '31.12.2024' }, 'toDate'],
      ['end before start', { ...base, nodeId: node.id, fromDate: '2024-05-01', toDate: '2024-04-30' }, 'toDate'],
      ['unknown type', { ...base, nodeId: node.id, type: 'friend' }, 'type'],
      ['unknown organisation', { ...base, organizationId: 9999, nodeId: node.id }, 'organizationId'],
      ['deleted organisation', { ...base, organizationId: deletedOrg.id, nodeId: node.id }, 'organizationId'],
      ['unknown network', { ...base, networkId: 9999 }, 'networkId'],
      ['unknown node', { ...base, nodeId: 9999 }, 'nodeId'],
      ['id as text', { ...base, nodeId: 'vier' }, 'nodeId'],
      ['oversized responsibility', { ...base, nodeId: node.id, responsibility: 'r'.repeat(201) }, 'responsibility'],
    ] as const) {
      const res = await t.post(manager, '/api/relations', payload);
      expect(res.statusCode, label).toBe(400);
      expect(fields(res), label).toContain(field);
    }
    expect([countRows(t.db, relations), countRows(t.db, auditEntries)]).toEqual(before);
  });

  it('patches and deletes with If-Match, keeping exactly one of network and node', async () => {
    const { t, manager } = await managerApp();
    const org = createOrganization(t.db);
    const net = createNetwork(t.db);
    const node = createNode(t.db);
    const rel = createRelation(t.db, {
      organizationId: org.id,
      nodeId: node.id,
      type: 'member',
      fromDate: '2024-01-01',
    });
    const url = `/api/relations/${rel.id}`;

    expect((await t.patch(manager, url, { type: 'cooperation_partner' })).statusCode).toBe(428);
    const both = await t.patch(manager, url, { networkId: net.id }, '"1"');
    expect(both.statusCode).toBe(400);
    expect(fields(both)).toContain('nodeId');
    const neither = await t.patch(manager, url, { nodeId: null }, '"1"');
    expect(neither.statusCode).toBe(400);
    expect(fields(neither)).toContain('networkId');
    const endBefore = await t.patch(manager, url, { toDate: '2023-12-31' }, '"1"');
    expect(endBefore.statusCode).toBe(400);
    expect(fields(endBefore)).toEqual(['toDate']);
    const moveOrg = await t.patch(manager, url, { organizationId: 5 }, '"1"');
    expect(moveOrg.statusCode).toBe(400);

    const swap = await t.patch(
      manager,
      url,
      { nodeId: null, networkId: net.id, type: 'cooperation_partner', toDate: '2025-12-31' },
      '"1"',
    );
    expect(swap.statusCode, swap.body).toBe(200);
    expect(swap.json()).toMatchObject({
      version: 2,
      nodeId: null,
      networkId: net.id,
      type: 'cooperation_partner',
      toDate: '2025-12-31',
    });
    const stale = await t.patch(manager, url, { responsibility: 'X' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current.version).toBe(2);

    expect((await t.as(manager, { method: 'DELETE', url })).statusCode).toBe(428);
    expect((await t.as(manager, { method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect(countRows(t.db, relations)).toBe(1);
    const del = await t.as(manager, { method: 'DELETE', url, headers: { 'if-match': '"2"' } });
    expect(del.statusCode).toBe(204);
    expect(countRows(t.db, relations)).toBe(0);
    expect((await t.as(manager, { method: 'DELETE', url, headers: { 'if-match': '"2"' } })).statusCode).toBe(404);
    const audit = t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'relation')).all();
    expect(audit.map((a) => a.action)).toEqual(['update', 'delete']);
    expect(audit[1]?.diff).toMatchObject({ type: ['cooperation_partner', null], organizationId: [org.id, null] });
  });
});

describe('GET /api/network/overview', () => {
  it('shows the consortium with responsibilities, every node with host and counts, and partner networks', async () => {
    const { t, viewer } = await managerApp();
    const anett = createNetwork(t.db, { name: 'ANeTT', isOwn: true });
    const bavaria = createNetwork(t.db, { name: 'Transformationsnetzwerk Bayern', region: 'Bayern' });
    const leg = createOrganization(t.db, { name: 'LEG Thüringen' });
    const ihk = createOrganization(t.db, { name: 'IHK Erfurt', kind: 'chamber' });
    const thimo = createOrganization(t.db, { name: 'ThIMo TU Ilmenau', kind: 'university' });
    const member = createOrganization(t.db, { name: 'Mitglied GmbH' });
    createRelation(t.db, {
      organizationId: leg.id,
      networkId: anett.id,
      type: 'consortium_partner',
      responsibility: 'Koordination',
    });
    createRelation(t.db, {
      organizationId: ihk.id,
      networkId: anett.id,
      type: 'consortium_partner',
      responsibility: 'Transfer',
    });
    createRelation(t.db, {
      organizationId: thimo.id,
      networkId: anett.id,
      type: 'consortium_partner',
      responsibility: 'Innovation',
    });
    createRelation(t.db, { organizationId: member.id, networkId: anett.id, type: 'member' });
    const btz = createOrganization(t.db, { name: 'BTZ Rohr-Kloster', kind: 'education' });
    createNode(t.db, { name: 'QTI-Knoten Rohr', district: '16066', hostOrganizationId: btz.id, networkId: anett.id });
    createNode(t.db, { name: 'QTI-Knoten Gotha', district: '16067', networkId: anett.id });

    const res = await t.as(viewer, { method: 'GET', url: '/api/network/overview' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.network).toMatchObject({ id: anett.id, isOwn: true });
    expect(body.consortium).toEqual([
      expect.objectContaining({ organization: { id: ihk.id, name: 'IHK Erfurt' }, responsibility: 'Transfer' }),
      expect.objectContaining({ organization: { id: leg.id, name: 'LEG Thüringen' }, responsibility: 'Koordination' }),
      expect.objectContaining({
        organization: { id: thimo.id, name: 'ThIMo TU Ilmenau' },
        responsibility: 'Innovation',
      }),
    ]);
    expect(body.nodes.map((n: { name: string }) => n.name)).toEqual(['QTI-Knoten Gotha', 'QTI-Knoten Rohr']);
    expect(body.nodes[1]).toMatchObject({
      hostOrganization: { id: btz.id },
      counts: { organizations: 1, persons: 0, events: 0 },
    });
    expect(body.partnerNetworks.map((n: { id: number }) => n.id)).toEqual([bavaria.id]);
  });

  it('answers with an empty overview before the network is recorded', async () => {
    const { t, viewer } = await managerApp();
    const res = await t.as(viewer, { method: 'GET', url: '/api/network/overview' });
    expect(res.json()).toEqual({ network: null, consortium: [], nodes: [], partnerNetworks: [] });
  });
});

describe('roles', () => {
  it('refuses every network, node and relation write to a viewer with 403', async () => {
    const { t, viewer } = await managerApp();
    const org = createOrganization(t.db);
    const net = createNetwork(t.db);
    const node = createNode(t.db);
    const rel = createRelation(t.db, { organizationId: org.id, nodeId: node.id });
    const headers = { 'if-match': '"1"' };
    const auditBefore = countRows(t.db, auditEntries);
    for (const req of [
      { method: 'POST', url: '/api/networks', payload: { name: 'N' } },
      { method: 'PATCH', url: `/api/networks/${net.id}`, headers, payload: { name: 'N' } },
      { method: 'POST', url: '/api/nodes', payload: { name: 'K', district: '16067' } },
      { method: 'PATCH', url: `/api/nodes/${node.id}`, headers, payload: { name: 'K' } },
      { method: 'POST', url: '/api/relations', payload: { organizationId: org.id, nodeId: node.id, type: 'member' } },
      { method: 'PATCH', url: `/api/relations/${rel.id}`, headers, payload: { type: 'member' } },
      { method: 'DELETE', url: `/api/relations/${rel.id}`, headers },
    ] as const) {
      const res = await t.as(viewer, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
    }
    expect([
      countRows(t.db, networks),
      countRows(t.db, nodes),
      countRows(t.db, relations),
      countRows(t.db, auditEntries),
    ]).toEqual([1, 1, 1, auditBefore]);
  });
});
