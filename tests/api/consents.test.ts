import { auditEntries, consents, suppressions } from '@anett/db/schema';
import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Json } from '../support/app.ts';
import { createConsent, createPerson } from '../support/factories.ts';

async function setup() {
  const t = await createTestApp();
  const manager = await t.login('manager');
  const viewer = await t.login('viewer');
  const person = createPerson(t.db, { firstName: 'Clara', lastName: 'Consent', email: 'Clara.Consent@Example.org' });
  const post = (body: object, token = manager.token, id = person.id) =>
    t.post(token, `/api/persons/${id}/consents`, body);
  const ledger = (token = manager.token) => t.as(token, { method: 'GET', url: `/api/persons/${person.id}/consents` });
  return { t, manager, viewer, person, post, ledger };
}

const grant = {
  channel: 'email_newsletter',
  status: 'granted',
  source: 'web_form',
  legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO',
  evidence: 'Formular Newsletter-Anmeldung, Double-Opt-in bestätigt',
};

describe('consent ledger', () => {
  it('appends entries and derives the current state per channel from the latest entry', async () => {
    const { t, manager, viewer, person, post, ledger } = await setup();
    const first = await post(grant);
    expect(first.statusCode).toBe(201);
    expect(first.json().entry).toMatchObject({
      channel: 'email_newsletter',
      status: 'granted',
      source: 'web_form',
      evidence: grant.evidence,
      recordedBy: { id: manager.userId },
    });
    expect(first.json().current).toEqual([expect.objectContaining({ channel: 'email_newsletter', status: 'granted' })]);
    expect((await post({ channel: 'post', status: 'granted', source: 'business_card' })).statusCode).toBe(201);
    const withdrawal = await post({
      channel: 'email_newsletter',
      status: 'withdrawn',
      source: 'phone',
      evidence: 'Anruf am 03.03.',
    });
    expect(withdrawal.statusCode).toBe(201);

    const res = await ledger(viewer.token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entries.map((e: Json) => `${e.channel}:${e.status}`)).toEqual([
      'email_newsletter:withdrawn',
      'post:granted',
      'email_newsletter:granted',
    ]);
    expect(body.current).toEqual([
      expect.objectContaining({ channel: 'email_newsletter', status: 'withdrawn', source: 'phone' }),
      expect.objectContaining({ channel: 'post', status: 'granted', source: 'business_card' }),
    ]);
    // The person detail shows the same state.
    const detail = (await t.as(viewer.token, { method: 'GET', url: `/api/persons/${person.id}` })).json();
    expect(detail.consents.map((c: Json) => `${c.channel}:${c.status}`)).toEqual([
      'email_newsletter:withdrawn',
      'post:granted',
    ]);
    // Every entry is audited on the person.
    const audited = t.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entity, 'person'))
      .orderBy(asc(auditEntries.id))
      .all();
    expect(audited.map((a) => a.action)).toEqual(['consent_grant', 'consent_grant', 'consent_withdraw']);
  });

  it('is append-only in the database: UPDATE and DELETE of an entry fail', async () => {
    const { t, person } = await setup();
    const entry = createConsent(t.db, { personId: person.id });
    expect(() => t.db.update(consents).set({ status: 'withdrawn' }).where(eq(consents.id, entry.id)).run()).toThrow(
      /CONSENT_LEDGER_APPEND_ONLY/,
    );
    expect(() => t.db.delete(consents).where(eq(consents.id, entry.id)).run()).toThrow(/CONSENT_LEDGER_APPEND_ONLY/);
  });

  it('a newsletter withdrawal with suppress blocks the e-mail address; the check finds it case-insensitively', async () => {
    const { t, manager, post } = await setup();
    const check = (email: string) =>
      t.as(manager.token, { method: 'GET', url: `/api/suppressions/check?email=${encodeURIComponent(email)}` });
    expect((await check('clara.consent@example.org')).json()).toEqual({ suppressed: false, reason: null, since: null });
    const res = await post({ channel: 'email_newsletter', status: 'withdrawn', source: 'phone', suppress: true });
    expect(res.statusCode).toBe(201);
    expect(res.json().suppressed).toBe(true);
    const found = (await check('  CLARA.consent@example.org ')).json();
    expect(found).toMatchObject({ suppressed: true, reason: 'objection' });
    // Only the hash is stored.
    const rows = t.db.select().from(suppressions).all();
    expect(rows).toEqual([
      expect.objectContaining({ emailHash: emailHash('clara.consent@example.org'), reason: 'objection' }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('clara');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { t, viewer, post } = await setup();
    const entries = () => t.db.select({ n: count() }).from(consents).get()?.n;
    const cases: [object, string][] = [
      [{ ...grant, channel: 'fax' }, 'channel'],
      [{ ...grant, status: 'maybe' }, 'status'],
      [{ ...grant, source: 'rumour' }, 'source'],
      [{ ...grant, suppress: true }, 'suppress'],
      [{ channel: 'post', status: 'withdrawn', source: 'phone', suppress: true }, 'suppress'],
      [{ ...grant, evidence: 'x'.repeat(2001) }, 'evidence'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: Json) => e.field)).toContain(field);
    }
    expect((await post(grant, viewer.token)).statusCode).toBe(403);
    expect((await post(grant, undefined, 999_999)).statusCode).toBe(404);
    const noEmail = createPerson(t.db, { firstName: 'Ohne', lastName: 'Mail' });
    const suppressWithoutEmail = await post(
      { channel: 'email_newsletter', status: 'withdrawn', source: 'phone', suppress: true },
      undefined,
      noEmail.id,
    );
    expect(suppressWithoutEmail.statusCode).toBe(400);
    expect(suppressWithoutEmail.json().errors[0].field).toBe('suppress');
    const gone = createPerson(t.db, { firstName: 'Weg', lastName: 'Gelöscht', deletedAt: '2024-01-01T00:00:00.000Z' });
    expect((await post(grant, undefined, gone.id)).statusCode).toBe(409);
    expect(entries()).toBe(0);
    expect(t.db.select({ n: count() }).from(suppressions).get()?.n).toBe(0);
  });

  it('only managers check suppressions; a bad address is a 400 on email', async () => {
    const { t, viewer, manager } = await setup();
    expect(
      (await t.as(viewer.token, { method: 'GET', url: '/api/suppressions/check?email=a@example.org' })).statusCode,
    ).toBe(403);
    const bad = await t.as(manager.token, { method: 'GET', url: '/api/suppressions/check?email=keine-adresse' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('email');
  });
});
