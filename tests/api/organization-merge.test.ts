import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createOrganization } from '../support/factories.ts';

/** An organisation merge keeps per field what the user chose, and notes the contact values not kept (issue 11). */
describe('merging organisations with a choice per field', () => {
  it('keeps the chosen values, moves the address as a whole, and notes the website, e-mail and phone not kept', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager');
    const target = createOrganization(t.db, {
      name: 'Präzisionsteile Suhl',
      email: 'info@praezision-suhl.example',
      phone: '03681 1000',
      street: 'Alte Straße 1',
      postalCode: '98527',
      city: 'Suhl',
      district: '16054',
      notes: 'Kunde seit 2019',
    });
    const source = createOrganization(t.db, {
      name: 'Präzisionsteile Suhl GmbH',
      email: 'kontakt@praezision-suhl.example',
      phone: '03681 2000',
      website: 'https://praezision-suhl.example',
      street: 'Industriestraße 7',
      postalCode: '98529',
      city: 'Suhl-Nord',
    });
    const url = `/api/organizations/${target.id}/merge`;
    const bad = await t.post(token, url, { sourceId: source.id, keep: { street: 'source' } });
    expect(bad.statusCode).toBe(400);

    const res = await t.post(token, url, {
      sourceId: source.id,
      keep: { name: 'source', address: 'source', email: 'target', phone: 'source' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Präzisionsteile Suhl GmbH',
      email: 'info@praezision-suhl.example',
      phone: '03681 2000',
      // The target had none: the source's is kept without asking.
      website: 'https://praezision-suhl.example',
      street: 'Industriestraße 7',
      postalCode: '98529',
      city: 'Suhl-Nord',
      // The address moves as a whole: the source has no district, so none is left from the old address.
      district: null,
      notes:
        'Kunde seit 2019\n\nAus der Zusammenführung mit „Präzisionsteile Suhl GmbH“: E-Mail: kontakt@praezision-suhl.example; Telefon: 03681 1000',
    });
    const found = await t.as(token, { method: 'GET', url: '/api/organizations?q=Suhl-Nord' });
    expect(found.json().items.map((o: { id: number }) => o.id)).toEqual([target.id]);
  });

  it('shows in the history what happened to every organisation merged in, also through an earlier merge', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager');
    const first = createOrganization(t.db, { name: 'Erste Zulieferer GmbH' });
    const second = createOrganization(t.db, { name: 'Zweite Zulieferer GmbH' });
    const third = createOrganization(t.db, { name: 'Dritte Zulieferer GmbH' });
    const rename = await t.patch(token, `/api/organizations/${first.id}`, { notes: 'vor der Zusammenführung' }, '"1"');
    expect(rename.statusCode, rename.body).toBe(200);
    const merge = (targetId: number, sourceId: number) =>
      t.post(token, `/api/organizations/${targetId}/merge`, { sourceId, keep: {} });
    expect((await merge(second.id, first.id)).statusCode).toBe(200);
    expect((await merge(third.id, second.id)).statusCode).toBe(200);

    const history = await t.as(token, { method: 'GET', url: `/api/organizations/${third.id}/history` });
    expect(history.statusCode, history.body).toBe(200);
    const entries = history.json().items as { entityId: number; action: string; user: { name: string } | null }[];
    // The first organisation's own change reaches the last target through two merges, with who made it.
    expect(entries).toContainEqual(expect.objectContaining({ entityId: first.id, action: 'update' }));
    expect(entries.find((e) => e.entityId === first.id)?.user?.name).toBeTruthy();
  });
});
