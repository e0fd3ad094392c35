import { suppressions } from '@anett/db/schema';
import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import { describe, expect, it } from 'vitest';
import { appWithUsers } from '../support/app.ts';
import { createAffiliation, createConsent, createOrganization, createPerson, createTag } from '../support/factories.ts';

type Excluded = { id: number; name: string; email: string | null; organization: string | null; reason: string };

/** One person per exclusion reason (and two exported ones), all tagged so that `tag` selects exactly them. */
async function world() {
  const { t, manager, viewer } = await appWithUsers({ manager: 'manager', viewer: 'viewer' });
  const db = t.db;
  const tag = createTag(db, { name: 'Verteiler' });
  const tagIds = [tag.id];
  const org = createOrganization(db, {
    name: 'Zulieferer Suhl GmbH',
    street: 'Hauptstr. 1',
    postalCode: '98527',
    city: 'Suhl',
  });
  const person = (firstName: string, lastName: string, email: string | null) =>
    createPerson(db, { firstName, lastName, email, tagIds });
  const granted = (personId: number, channel = 'email_newsletter') =>
    createConsent(db, { personId, channel, status: 'granted' });

  const ok1 = person('Anna', 'Arnold', 'anna@example.org');
  granted(ok1.id);
  createAffiliation(db, { personId: ok1.id, organizationId: org.id });
  const ok2 = person('Bernd', 'Bauer', 'bernd@example.org');
  granted(ok2.id);
  const withdrawn = person('Wanda', 'Widerruf', 'wanda@example.org');
  createConsent(db, { personId: withdrawn.id, status: 'granted', recordedAt: '2024-01-01T00:00:00.000Z' });
  createConsent(db, { personId: withdrawn.id, status: 'withdrawn', recordedAt: '2024-02-01T00:00:00.000Z' });
  const noConsentB = person('Nils', 'Zeh', 'nils@example.org');
  const noConsentA = person('Nora', 'Adam', 'nora@example.org');
  createAffiliation(db, { personId: noConsentA.id, organizationId: org.id });
  const noEmail = person('Emil', 'Ohnemail', null);
  granted(noEmail.id);
  const suppressed = person('Sven', 'Gesperrt', 'sven@example.org');
  granted(suppressed.id);
  db.insert(suppressions)
    .values({ emailHash: emailHash('sven@example.org'), reason: 'objection', createdAt: '2024-01-01T00:00:00.000Z' })
    .run();
  createPerson(db, {
    firstName: 'Doris',
    lastName: 'Gelöscht',
    email: 'doris@example.org',
    deletedAt: '2024-01-01T00:00:00.000Z',
    tagIds,
  });
  return {
    t,
    manager: manager.token,
    viewer: viewer.token,
    tag,
    ids: { ok1, ok2, withdrawn, noConsentA, noConsentB, noEmail, suppressed },
  };
}

describe('GET /api/exports/excluded', () => {
  it('lists who is left out and why, in the order of the rules and by name; counts agree with the preview', async () => {
    const w = await world();
    const query = `tag=${w.tag.id}&channel=email_newsletter`;
    const res = await w.t.as(w.manager, { method: 'GET', url: `/api/exports/excluded?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Excluded[]; total: number; page: number; pageSize: number };
    expect(body.items.map((i) => [i.name, i.reason])).toEqual([
      ['Sven Gesperrt', 'suppressed'],
      ['Wanda Widerruf', 'withdrawn'],
      ['Emil Ohnemail', 'noEmail'],
      ['Nora Adam', 'noConsent'],
      ['Nils Zeh', 'noConsent'],
    ]);
    expect(body.items[3]).toEqual({
      id: w.ids.noConsentA.id,
      name: 'Nora Adam',
      email: 'nora@example.org',
      organization: 'Zulieferer Suhl GmbH',
      reason: 'noConsent',
    });
    expect(body).toMatchObject({ total: 5, page: 1, pageSize: 50 });

    const preview = (await w.t.as(w.manager, { method: 'GET', url: `/api/exports/preview?${query}` })).json();
    const byReason: Record<string, number> = {};
    for (const i of body.items) byReason[i.reason] = (byReason[i.reason] ?? 0) + 1;
    for (const [reason, n] of Object.entries(preview.excluded)) expect(byReason[reason] ?? 0, reason).toBe(n);
    expect(preview.included + body.total).toBe(preview.total);
  });

  it('follows the channel and a stated purpose exactly as the export does', async () => {
    const w = await world();
    const list = async (qs: string) =>
      (
        (await w.t.as(w.manager, { method: 'GET', url: `/api/exports/excluded?tag=${w.tag.id}&${qs}` })).json() as {
          items: Excluded[];
        }
      ).items.map((i) => `${i.reason}:${i.name}`);
    // With a purpose, consent is not needed; withdrawn and suppressed stay out.
    expect(await list(`purpose=${encodeURIComponent('Einladung Mitgliederversammlung')}`)).toEqual([
      'suppressed:Sven Gesperrt',
      'withdrawn:Wanda Widerruf',
      'noEmail:Emil Ohnemail',
    ]);
    // By post only Anna and Nora have an address (through their organisation), and neither consented to post.
    expect(await list('channel=post')).toEqual([
      'suppressed:Sven Gesperrt',
      'noAddress:Bernd Bauer',
      'noAddress:Emil Ohnemail',
      'noAddress:Wanda Widerruf',
      'noAddress:Nils Zeh',
      'noConsent:Nora Adam',
      'noConsent:Anna Arnold',
    ]);
  });

  it('pages, and refuses viewers and bad parameters', async () => {
    const w = await world();
    const page2 = await w.t.as(w.manager, {
      method: 'GET',
      url: `/api/exports/excluded?tag=${w.tag.id}&pageSize=2&page=2`,
    });
    expect(page2.json().items.map((i: Excluded) => i.name)).toEqual(['Emil Ohnemail', 'Nora Adam']);
    expect(page2.json().total).toBe(5);
    expect((await w.t.as(w.viewer, { method: 'GET', url: '/api/exports/excluded' })).statusCode).toBe(403);
    const bad = await w.t.as(w.manager, { method: 'GET', url: '/api/exports/excluded?pageSize=501&channel=fax' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toMatch(/pageSize|channel/);
  });
});
