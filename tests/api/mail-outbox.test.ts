import { ConfigError, loadConfig } from '@anett/server/config';
import { createContext } from '@anett/server/context';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { freePort, startSmtp } from '../support/smtp.ts';

const fast = { pollMs: 20, backoffMs: 50, maxBackoffMs: 200, maxAttempts: 20, claimTimeoutMs: 60_000 };

function enqueue(t: TestApp, to = 'gast@example.org', subject = 'Anmeldung bestätigen') {
  const ctx = createContext(t.db, t.config);
  return ctx.mail.enqueue({
    kind: 'registration_confirm',
    to,
    subject,
    text: 'Guten Tag,\nbitte bestätigen Sie: https://crm.example.org/anmeldung/bestaetigen?token=abc\n',
    headers: { 'X-Anett-Test': 'ja' },
    attachments: [
      { filename: 'einladung.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' },
    ],
  });
}

const status = (t: TestApp, id: number) =>
  t.db.$client.prepare('SELECT status, attempts, last_error AS lastError FROM mail_outbox WHERE id = ?').get(id) as {
    status: string;
    attempts: number;
    lastError: string | null;
  };

async function until<T>(check: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('outgoing mail', () => {
  it('sends an outbox mail through the SMTP server with its headers and attachment, once', async () => {
    const smtp = await startSmtp();
    const t = await createTestApp({
      smtpUrl: smtp.url,
      mailFrom: 'ANeTT <veranstaltungen@anett.example>',
      mailSender: fast,
    });
    const row = enqueue(t);
    await t.app.ready();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['gast@example.org']);
    expect(mail?.from).toBe('veranstaltungen@anett.example');
    expect(mail?.subject).toBe('Anmeldung bestätigen');
    expect(mail?.text).toContain('https://crm.example.org/anmeldung/bestaetigen?token=abc');
    expect(mail?.header('x-anett-test')).toBe('ja');
    expect(mail?.header('message-id')).toMatch(new RegExp(`^<outbox-${row.id}-\\d+@anett\\.example>$`));
    expect(mail?.attachments.get('einladung.ics')).toContain('BEGIN:VCALENDAR');
    await until(() => status(t, row.id).status === 'sent');
    expect(status(t, row.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    await new Promise((r) => setTimeout(r, 150));
    expect(smtp.mails).toHaveLength(1);
  });

  it('keeps a mail while the SMTP server is down and sends it when it is back', async () => {
    const port = await freePort();
    const t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, mailSender: fast });
    const row = enqueue(t);
    await t.app.ready();
    const failed = await until(() => {
      const s = status(t, row.id);
      return s.attempts >= 2 && s.status === 'pending' && s;
    });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    const smtp = await startSmtp(port);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe('Anmeldung bestätigen');
    await until(() => status(t, row.id).status === 'sent');
    expect(status(t, row.id).attempts).toBeGreaterThanOrEqual(2);
  });

  it('retries a mail left "sending" by a crashed process only after the claim timeout', async () => {
    const smtp = await startSmtp();
    const t = await createTestApp({ smtpUrl: smtp.url, mailSender: { ...fast, claimTimeoutMs: 5 * 60_000 } });
    const stale = enqueue(t, 'alt@example.org', 'Liegengeblieben');
    const recent = enqueue(t, 'neu@example.org', 'Gerade in Arbeit');
    const claim = t.db.$client.prepare(
      "UPDATE mail_outbox SET status = 'sending', attempts = 1, claimed_at = ? WHERE id = ?",
    );
    claim.run(new Date(Date.now() - 6 * 60_000).toISOString(), stale.id);
    claim.run(new Date().toISOString(), recent.id);
    await t.app.ready();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe('Liegengeblieben');
    await until(() => status(t, stale.id).status === 'sent');
    expect(status(t, stale.id).attempts).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(1);
    expect(status(t, recent.id).status).toBe('sending');
  });

  it('gives up after the last attempt, and an admin can send it again', async () => {
    const port = await freePort();
    const t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, mailSender: { ...fast, maxAttempts: 2 } });
    const row = enqueue(t);
    const admin = await t.login('admin');
    await until(() => status(t, row.id).status === 'failed');
    expect(status(t, row.id).attempts).toBe(2);
    const smtp = await startSmtp(port);
    const retried = await t.post(admin.token, `/api/mail/outbox/${row.id}/retry`);
    expect(retried.statusCode).toBe(200);
    // The sender may have claimed it again before the answer is read.
    expect(retried.json().status).not.toBe('failed');
    await smtp.waitFor(1);
    await until(() => status(t, row.id).status === 'sent');
    const again = await t.post(admin.token, `/api/mail/outbox/${row.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('id');
  });

  it('without SMTP_URL mails stay in the outbox, which admins read (and others may not)', async () => {
    const t = await createTestApp();
    const row = enqueue(t);
    const admin = await t.login('admin');
    const manager = await t.login('manager');
    await new Promise((r) => setTimeout(r, 100));
    const list = await t.as(admin.token, { method: 'GET', url: '/api/mail/outbox' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      smtpConfigured: false,
      total: 1,
      items: [{ id: row.id, to: 'gast@example.org', subject: 'Anmeldung bestätigen', status: 'pending', attempts: 0 }],
    });
    const one = await t.as(admin.token, { method: 'GET', url: `/api/mail/outbox/${row.id}` });
    expect(one.json()).toMatchObject({
      text: expect.stringContaining('bitte bestätigen Sie'),
      headers: { 'X-Anett-Test': 'ja' },
      attachments: [{ filename: 'einladung.ics', contentType: 'text/calendar' }],
    });
    expect((await t.as(manager.token, { method: 'GET', url: '/api/mail/outbox' })).statusCode).toBe(403);
    expect((await t.as(admin.token, { method: 'GET', url: '/api/mail/outbox/999' })).statusCode).toBe(404);
    const bad = await t.as(admin.token, { method: 'GET', url: '/api/mail/outbox?status=lost' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('status');
  });

  it('closing the app stops the sender loop', async () => {
    const smtp = await startSmtp();
    const t = await createTestApp({ smtpUrl: smtp.url, mailSender: fast });
    await t.app.ready();
    await t.app.close();
    enqueue(t);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(0);
  });

  it('reads SMTP_URL and MAIL_FROM once at start and names a bad one', () => {
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      SMTP_URL: 'smtps://crm%40anett.de:geheim@mail.example.org:465',
      MAIL_FROM: 'ANeTT Veranstaltungen <veranstaltungen@anett.de>',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtps://crm%40anett.de:geheim@mail.example.org:465',
      mailFrom: 'ANeTT Veranstaltungen <veranstaltungen@anett.de>',
    });
    expect(loadConfig({ DATABASE_PATH: ':memory:' })).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'ANeTT <noreply@anett.local>',
    });
    expect(() => loadConfig({ DATABASE_PATH: ':memory:', SMTP_URL: 'http://mail.example.org' })).toThrow(
      /SMTP_URL: must start with smtp/,
    );
    expect(() => loadConfig({ DATABASE_PATH: ':memory:', MAIL_FROM: 'niemand' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_PATH: ':memory:', LINK_SECRET: 'kurz' })).toThrow(/LINK_SECRET/);
  });
});
