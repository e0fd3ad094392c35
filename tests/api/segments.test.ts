import { auditEntries, segments } from '@anett/db/schema';
import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appWithUsers, type Json } from '../support/app.ts';
import { createAffiliation, createConsent, createOrganization, createPerson, createTag } from '../support/factories.ts';

async function setup() {
  const { t, owner, other, viewer, admin } = await appWithUsers({
    owner: 'manager',
    other: 'manager',
    viewer: 'viewer',
    admin: 'admin',
  });
  const tag = createTag(t.db, { name: 'Wasserstoff' });
  const supplier = createOrganization(t.db, { name: 'Zulieferer Suhl GmbH', district: '16066', sectors: ['29.32'] });
  const inSegment = [
    createPerson(t.db, { firstName: 'Anna', lastName: 'Aal', email: 'a@example.org', tagIds: [tag.id] }),
    createPerson(t.db, { firstName: 'Berta', lastName: 'Barsch', email: 'b@example.org', tagIds: [tag.id] }),
  ];
  for (const p of inSegment) createAffiliation(t.db, { personId: p.id, organizationId: supplier.id });
  createConsent(t.db, { personId: inSegment[0]!.id });
  createPerson(t.db, { firstName: 'Carl', lastName: 'Carp', tagIds: [tag.id] });
  createPerson(t.db, { firstName: 'Dora', lastName: 'Dorsch', email: 'd@example.org' });
  const as = (
    token: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    version?: number,
  ) =>
    t.as(token, {
      method,
      url,
      ...(payload ? { payload } : {}),
      ...(version === undefined ? {} : { headers: { 'if-match': `"${version}"` } }),
    });
  return { t, owner, other, viewer, admin, tag, supplier, inSegment, as };
}

describe('segments', () => {
  it('saves a filter, counts live, lists own and shared ones, and opens into the filtered person list', async () => {
    const { t, owner, other, viewer, tag, as } = await setup();
    const filter = { tag: [tag.id], hasEmail: true, district: ['16066'], sector: ['29'] };
    const created = await as(owner.token, 'POST', '/api/segments', { name: 'Wasserstoff-Zulieferer S-M', filter });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const segment = created.json();
    expect(segment).toMatchObject({
      name: 'Wasserstoff-Zulieferer S-M',
      shared: false,
      count: 2,
      editable: true,
      owner: { id: owner.userId },
      version: 1,
    });
    expect(segment.filter).toEqual({ tag: [tag.id], hasEmail: true, district: ['16066'], sector: ['29'] });

    // Query-string form ("true", "1") is accepted too.
    const privateOfOther = await as(other.token, 'POST', '/api/segments', {
      name: 'Privat',
      filter: { tag: String(tag.id), hasEmail: 'false' },
    });
    expect(privateOfOther.statusCode).toBe(201);
    expect(privateOfOther.json()).toMatchObject({ count: 1, filter: { tag: [tag.id], hasEmail: false } });
    const sharedOfOther = await as(other.token, 'POST', '/api/segments', {
      name: 'Geteilt: Newsletter',
      filter: { consent: ['email_newsletter'] },
      shared: true,
    });
    expect(sharedOfOther.json().count).toBe(1);
    // A shared segment opens for everyone.
    const sharedPersons = await as(viewer.token, 'GET', `/api/segments/${sharedOfOther.json().id}/persons`);
    expect(sharedPersons.json().items.map((p: Json) => p.lastName)).toEqual(['Aal']);

    const list = await as(owner.token, 'GET', '/api/segments');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(list.json().items.map((s: Json) => [s.name, s.count, s.editable])).toEqual([
      ['Geteilt: Newsletter', 1, false],
      ['Wasserstoff-Zulieferer S-M', 2, true],
    ]);
    // The count is live.
    createPerson(t.db, { firstName: 'Emil', lastName: 'Ente', email: 'e@example.org', tagIds: [tag.id] });
    const viewerList = await as(viewer.token, 'GET', '/api/segments?q=Newsletter');
    expect(viewerList.json().items.map((s: Json) => s.name)).toEqual(['Geteilt: Newsletter']);

    const persons = await as(owner.token, 'GET', `/api/segments/${segment.id}/persons`);
    expect(persons.statusCode, persons.body).toBe(200);
    const fromList = await as(viewer.token, 'GET', `/api/persons?tag=${tag.id}&hasEmail=true&district=16066&sector=29`);
    expect(persons.json()).toEqual(fromList.json());
    expect(persons.json().items.map((p: Json) => p.lastName)).toEqual(['Aal', 'Barsch']);
    const paged = await as(owner.token, 'GET', `/api/segments/${segment.id}/persons?pageSize=1&page=2&sort=-lastName`);
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ lastName: 'Aal' }] });
  });

  it('only the owner or an admin changes or deletes a segment; others get 403, a private one is 404 to them', async () => {
    const { t, owner, other, viewer, admin, tag, as } = await setup();
    const segment = (
      await as(owner.token, 'POST', '/api/segments', { name: 'Meins', filter: { tag: [tag.id] }, shared: true })
    ).json();
    const hidden = (await as(owner.token, 'POST', '/api/segments', { name: 'Geheim', filter: {} })).json();

    expect((await as(other.token, 'GET', `/api/segments/${hidden.id}`)).statusCode).toBe(404);
    expect((await as(other.token, 'GET', `/api/segments/${hidden.id}/persons`)).statusCode).toBe(404);
    expect((await as(admin.token, 'GET', `/api/segments/${hidden.id}`)).statusCode).toBe(200);
    expect((await as(other.token, 'PATCH', `/api/segments/${segment.id}`, { name: 'Übernommen' }, 1)).statusCode).toBe(
      403,
    );
    expect((await as(other.token, 'DELETE', `/api/segments/${segment.id}`, undefined, 1)).statusCode).toBe(403);
    expect((await as(viewer.token, 'PATCH', `/api/segments/${segment.id}`, { name: 'x' }, 1)).statusCode).toBe(403);
    expect((await as(viewer.token, 'POST', '/api/segments', { name: 'x', filter: {} })).statusCode).toBe(403);

    expect((await as(owner.token, 'PATCH', `/api/segments/${segment.id}`, { name: 'Neu' })).statusCode).toBe(428);
    const renamed = await as(
      owner.token,
      'PATCH',
      `/api/segments/${segment.id}`,
      { name: 'Neu', filter: { tag: [tag.id], hasEmail: true } },
      1,
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Neu', version: 2, count: 2 });
    const stale = await as(admin.token, 'PATCH', `/api/segments/${segment.id}`, { shared: false }, 1);
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current).toMatchObject({ name: 'Neu', version: 2 });
    const byAdmin = await as(admin.token, 'PATCH', `/api/segments/${segment.id}`, { shared: false }, 2);
    expect(byAdmin.json()).toMatchObject({ shared: false, editable: true });
    expect((await as(other.token, 'GET', `/api/segments/${segment.id}`)).statusCode).toBe(404);

    expect((await as(owner.token, 'DELETE', `/api/segments/${segment.id}`, undefined, 2)).statusCode).toBe(412);
    expect((await as(owner.token, 'DELETE', `/api/segments/${segment.id}`, undefined, 3)).statusCode).toBe(204);
    expect((await as(owner.token, 'GET', `/api/segments/${segment.id}`)).statusCode).toBe(404);
    const actions = t.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entity, 'segment'))
      .orderBy(asc(auditEntries.id))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(['create', 'create', 'update', 'update', 'delete']);
  });

  it('refuses invalid filters naming the field, and saves nothing', async () => {
    const { t, owner, as } = await setup();
    const cases: [object, string][] = [
      [{ name: 'x', filter: { district: ['99999'] } }, 'filter.district'],
      [{ name: 'x', filter: { sector: ['ZZ'] } }, 'filter.sector'],
      [{ name: 'x', filter: { consent: ['fax'] } }, 'filter.consent'],
      [{ name: 'x', filter: { unknownKey: 1 } }, 'filter'],
      [{ name: 'x', filter: { deleted: true } }, 'filter'],
      [{ name: '', filter: {} }, 'name'],
      [{ name: 'x' }, 'filter'],
    ];
    for (const [body, field] of cases) {
      const res = await as(owner.token, 'POST', '/api/segments', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res
          .json()
          .errors.map((e: Json) => e.field)
          .join(' '),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect(t.db.select({ n: count() }).from(segments).get()?.n).toBe(0);
  });
});
