import { auditEntries, suppressions } from '@anett/db/schema';
import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createConsent, createPerson } from '../support/factories.ts';

async function setup() {
  const t = await createTestApp();
  const admin = await t.login('admin');
  const manager = await t.login('manager');
  const person = createPerson(t.db, { firstName: 'Olga', lastName: 'Objektion', email: 'olga@example.org' });
  createConsent(t.db, { personId: person.id, channel: 'email_newsletter', status: 'granted' });
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, token = admin.token) =>
    t.as(token, { method, url, ...(payload ? { payload } : {}) });
  const previewIncluded = async () =>
    (await call('GET', `/api/exports/preview?q=Objektion`, undefined, manager.token)).json().included;
  return { t, admin, manager, person, call, previewIncluded };
}

const audits = (t: Awaited<ReturnType<typeof setup>>['t']) =>
  t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'suppression')).all();

describe('suppression list (admin)', () => {
  it('adds an address hashed with reason and note, shows the person who carries it, and removes it with a reason', async () => {
    const { t, admin, call, person } = await setup();
    const added = await call('POST', '/api/suppressions', {
      email: ' Olga@Example.org ',
      reason: 'objection',
      note: 'Widerspruch per Brief vom 02.03.2025',
    });
    expect(added.statusCode, added.body).toBe(201);
    const hash = emailHash('olga@example.org');
    expect(added.json()).toMatchObject({
      emailHash: hash,
      reason: 'objection',
      note: 'Widerspruch per Brief vom 02.03.2025',
      persons: [{ id: person.id, name: 'Olga Objektion', email: 'olga@example.org' }],
    });
    // Only the hash is stored.
    const stored = t.db.select().from(suppressions).all();
    expect(JSON.stringify(stored)).not.toMatch(/olga/i);

    const again = await call('POST', '/api/suppressions', {
      email: 'olga@example.org',
      reason: 'other',
      note: 'nochmal',
    });
    expect(again.statusCode).toBe(409);

    const list = await call('GET', '/api/suppressions');
    expect(list.json()).toMatchObject({ total: 1, items: [{ emailHash: hash }] });
    expect((await call('GET', '/api/suppressions?email=olga@example.org')).json().total).toBe(1);
    expect((await call('GET', '/api/suppressions?email=other@example.org')).json().total).toBe(0);

    const missingNote = await call('DELETE', `/api/suppressions/${hash}`, {});
    expect(missingNote.statusCode).toBe(400);
    expect(JSON.stringify(missingNote.json().errors)).toMatch(/note/);
    const removed = await call('DELETE', `/api/suppressions/${hash}`, { note: 'Erneute schriftliche Einwilligung' });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(t.db.select().from(suppressions).all()).toEqual([]);
    expect((await call('DELETE', `/api/suppressions/${hash}`, { note: 'x' })).statusCode).toBe(404);

    expect(audits(t).map((a) => [a.action, a.userId, (a.diff as { note: string }).note])).toEqual([
      ['create', admin.userId, 'Widerspruch per Brief vom 02.03.2025'],
      ['delete', admin.userId, 'Erneute schriftliche Einwilligung'],
    ]);
  });

  it('a listed address leaves the export at once; taken off, it comes back', async () => {
    const { call, previewIncluded } = await setup();
    expect(await previewIncluded()).toBe(1);
    await call('POST', '/api/suppressions', { email: 'olga@example.org', reason: 'objection', note: 'Anruf' });
    expect(await previewIncluded()).toBe(0);
    await call('DELETE', `/api/suppressions/${emailHash('olga@example.org')}`, { note: 'Irrtum' });
    expect(await previewIncluded()).toBe(1);
  });

  it('is for admins only and refuses bad input', async () => {
    const { t, call, manager } = await setup();
    expect((await call('GET', '/api/suppressions', undefined, manager.token)).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/suppressions', { email: 'a@b.de', reason: 'objection', note: 'x' }, manager.token))
        .statusCode,
    ).toBe(403);
    const bad = await call('POST', '/api/suppressions', { email: 'kein-mail', reason: 'erasure', note: '' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toMatch(/email/);
    expect((await call('DELETE', '/api/suppressions/abc', { note: 'x' })).statusCode).toBe(400);
    expect(audits(t)).toEqual([]);
  });
});

describe('consent: the day of the declaration', () => {
  it('stores the given day, defaults to today and refuses a future day', async () => {
    const { t, call, person } = await setup();
    const url = `/api/persons/${person.id}/consents`;
    const res = await call('POST', url, {
      channel: 'post',
      status: 'granted',
      source: 'business_card',
      declaredOn: '2024-11-15',
      evidence: 'Visitenkarte Eröffnung Rohr',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().entry).toMatchObject({ declaredOn: '2024-11-15', evidence: 'Visitenkarte Eröffnung Rohr' });
    const plain = await call('POST', url, { channel: 'phone', status: 'granted', source: 'phone' });
    expect(plain.json().entry.declaredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const future = await call('POST', url, {
      channel: 'phone',
      status: 'withdrawn',
      source: 'phone',
      declaredOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(JSON.stringify(future.json().errors)).toMatch(/declaredOn/);
    expect(t).toBeDefined();
  });
});
