import { linkSecretOf } from '@anett/server/config';
import { signToken } from '@anett/server/lib/signed-token';
import { NEWSLETTER_CONSENT_VERSION } from '@anett/shared/consent-texts';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbChecksum } from '../support/db-checksum.ts';
import { createAttendance, createEvent, createEventSession, createPerson } from '../support/factories.ts';
import { type ReceivedMail, startSmtp } from '../support/smtp.ts';

const fast = { pollMs: 20, backoffMs: 50, maxBackoffMs: 200, maxAttempts: 5, claimTimeoutMs: 60_000 };
const FUTURE = new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * 86_400_000);
const iso = (d: Date) => d.toISOString();

async function setup(overrides: Parameters<typeof createTestApp>[0] = {}) {
  const smtp = await startSmtp();
  const t = await createTestApp({
    smtpUrl: smtp.url,
    mailSender: fast,
    registrationMinFillMs: 0,
    publicOrigin: 'https://crm.anett.example',
    ...overrides,
  });
  const event = createEvent(t.db, {
    title: 'Fachexperte für Wasserstoffanwendungen',
    kind: 'course',
    startsAt: iso(FUTURE),
    endsAt: iso(new Date(FUTURE.getTime() + 2 * 86_400_000)),
    location: 'BTZ Rohr, Kloster Rohr',
    capacity: 1,
    publicRegistration: true,
    publicSlug: 'wasserstoff-2027',
  });
  createEventSession(t.db, {
    eventId: event.id,
    title: 'Grundlagen',
    startsAt: iso(FUTURE),
    endsAt: iso(new Date(FUTURE.getTime() + 7 * 3_600_000)),
  });
  createEventSession(t.db, {
    eventId: event.id,
    title: 'Praxis',
    startsAt: iso(new Date(FUTURE.getTime() + 86_400_000)),
    endsAt: iso(new Date(FUTURE.getTime() + 86_400_000 + 7 * 3_600_000)),
  });
  return { t, smtp, event };
}

async function formToken(t: TestApp, slug = 'wasserstoff-2027') {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/events/${slug}` });
  expect(res.statusCode).toBe(200);
  return res.json().formToken as string;
}

const person = {
  salutation: 'frau',
  title: 'Dr.',
  firstName: 'Carla',
  lastName: 'Neumann',
  email: 'carla.neumann@zulieferer.example',
  organization: 'Thüringer Zulieferer GmbH',
  function: 'Leiterin Entwicklung',
};

async function submit(t: TestApp, body: Record<string, unknown>, slug = 'wasserstoff-2027', ip = '203.0.113.7') {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/events/${slug}/registrations`,
    payload: { ...person, formToken: await formToken(t, slug), ...body },
    remoteAddress: ip,
  });
}

const linkIn = (mail: ReceivedMail | undefined, path: string) => {
  const m = new RegExp(`https://crm\\.anett\\.example${path}\\?token=([A-Za-z0-9_.-]+)`).exec(mail?.text ?? '');
  if (!m?.[1]) throw new Error(`no ${path} link in: ${mail?.text}`);
  return m[1];
};

/** Waits until the sender has finished with every mail (a row it updates would change the checksum). */
async function settled(t: TestApp) {
  const busy = t.db.$client.prepare("SELECT count(*) AS n FROM mail_outbox WHERE status IN ('pending', 'sending')");
  for (let i = 0; i < 200 && (busy.get() as { n: number }).n > 0; i++) await new Promise((r) => setTimeout(r, 25));
}

const confirm = (t: TestApp, token: string) =>
  t.app.inject({ method: 'POST', url: '/api/public/registrations/confirm', payload: { token } });

const attendanceOf = (t: TestApp, eventId: number, email: string) =>
  t.db.$client
    .prepare(
      'SELECT a.status, a.organization_name AS organizationName, p.id AS personId FROM attendances a JOIN persons p ON p.id = a.person_id WHERE a.event_id = ? AND p.email = ?',
    )
    .get(eventId, email) as { status: string; organizationName: string | null; personId: number } | undefined;

describe('public registration with double opt-in', () => {
  it('shows the public event without a login: dates, place, sessions, free seats', async () => {
    const { t } = await setup();
    const res = await t.app.inject({ method: 'GET', url: '/api/public/events/wasserstoff-2027' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Fachexperte für Wasserstoffanwendungen',
      location: 'BTZ Rohr, Kloster Rohr',
      freeSeats: 1,
      open: true,
      consentTextVersion: NEWSLETTER_CONSENT_VERSION,
      sessions: [{ title: 'Grundlagen' }, { title: 'Praxis' }],
    });
    createEvent(t.db, { title: 'Intern', publicSlug: 'intern-2027', publicRegistration: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/events/intern-2027' })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/events/Nicht%20gültig!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('slug');
  });

  it('registration → mail → confirmation link → attendance and consent entry with provenance → mail with .ics', async () => {
    const { t, smtp, event } = await setup();
    const res = await submit(t, { newsletter: true, consentTextVersion: NEWSLETTER_CONSENT_VERSION });
    expect(res.statusCode).toBe(202);
    // Nothing is registered before the click.
    expect(attendanceOf(t, event.id, person.email)).toBeUndefined();
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 0 });

    const [request] = await smtp.waitFor(1);
    expect(request?.to).toEqual([person.email]);
    expect(request?.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: Fachexperte für Wasserstoffanwendungen');
    expect(request?.text).toContain('Guten Tag Dr. Carla Neumann');
    expect(request?.text).toContain('https://crm.anett.example/einstellungen?token=');
    const token = linkIn(request, '/bestaetigung');

    const confirmed = await confirm(t, token);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'registered', eventTitle: event.title });
    const att = attendanceOf(t, event.id, person.email);
    expect(att).toMatchObject({ status: 'registered', organizationName: 'Thüringer Zulieferer GmbH' });

    const consents = t.db.$client
      .prepare('SELECT channel, status, source, evidence, legal_basis AS legalBasis FROM consents WHERE person_id = ?')
      .all(att?.personId);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ channel: 'email_newsletter', status: 'granted', source: 'double_opt_in' });
    const evidence = (consents[0] as { evidence: string }).evidence;
    expect(evidence).toContain(`Fassung ${NEWSLETTER_CONSENT_VERSION}`);
    expect(evidence).toMatch(/angefragt \d{4}-\d\d-\d\dT/);
    expect(evidence).toMatch(/bestätigt \d{4}-\d\d-\d\dT/);
    expect(evidence).toMatch(/IP-Hash [0-9a-f]{32}/);
    expect(evidence).not.toContain('203.0.113.7');

    const [, done] = await smtp.waitFor(2);
    expect(done?.subject).toBe('Anmeldung bestätigt: Fachexperte für Wasserstoffanwendungen');
    expect(done?.text).toContain('https://crm.anett.example/absage?token=');
    expect(done?.header('list-unsubscribe')).toMatch(
      /^<https:\/\/crm\.anett\.example\/api\/public\/unsubscribe\?token=/,
    );
    expect(done?.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const ics = done?.attachments.get('einladung.ics');
    expect(ics).toBeDefined();
    const cal = new ICAL.Component(ICAL.parse(ics as string));
    const vtimezone = cal.getFirstSubcomponent('vtimezone');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    // Local Berlin times resolve through the file's own VTIMEZONE, as a calendar program does.
    ICAL.TimezoneService.register(vtimezone as ICAL.Component);
    const vevents = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents.map((v) => v.summary)).toEqual([
      'Fachexperte für Wasserstoffanwendungen: Grundlagen',
      'Fachexperte für Wasserstoffanwendungen: Praxis',
    ]);
    expect(vevents[0]?.location).toBe('BTZ Rohr, Kloster Rohr');
    expect(vevents[0]?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(vevents[0]?.startDate.toJSDate().toISOString()).toBe(iso(FUTURE));

    // The link works once.
    await settled(t);
    const before = dbChecksum(t.db);
    const again = await confirm(t, token);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'LINK_USED', errors: [{ field: 'token' }] });
    expect(dbChecksum(t.db)).toBe(before);
  });

  it('refuses forged and expired links and writes nothing', async () => {
    const { t, smtp } = await setup();
    await submit(t, {});
    const [mail] = await smtp.waitFor(1);
    const token = linkIn(mail, '/bestaetigung');
    await settled(t);
    const before = dbChecksum(t.db);
    const [body, sig] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ r: 2, exp: 4_102_444_800 })).toString('base64url');
    for (const bad of [
      `${forgedBody}.${sig}`,
      `${body}.${'A'.repeat(43)}`,
      signToken('x'.repeat(40), 'confirm', { r: 1 }, new Date(Date.now() + 9e6)),
    ]) {
      const res = await confirm(t, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'LINK_INVALID', errors: [{ field: 'token' }] });
    }
    // A cancel link is no confirmation link.
    const cancelToken = signToken(linkSecretOf(t.config), 'cancel', { r: 1 }, new Date(Date.now() + 9e6));
    expect((await confirm(t, cancelToken)).statusCode).toBe(400);
    const expired = signToken(linkSecretOf(t.config), 'confirm', { r: 1 }, new Date(Date.now() - 1000));
    const res = await confirm(t, expired);
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'LINK_EXPIRED', errors: [{ field: 'token' }] });
    expect(dbChecksum(t.db)).toBe(before);
  });

  it('a full event waitlists; cancelling by link frees the seat and promotes the waiting list', async () => {
    const { t, smtp, event } = await setup();
    await submit(t, {});
    await submit(t, {
      firstName: 'Ben',
      lastName: 'Krause',
      email: 'ben.krause@example.org',
      salutation: 'herr',
      title: null,
    });
    const mails = await smtp.waitFor(2);
    const carla = mails.find((m) => m.to[0] === person.email);
    const ben = mails.find((m) => m.to[0] === 'ben.krause@example.org');
    expect((await confirm(t, linkIn(carla, '/bestaetigung'))).json().status).toBe('registered');
    const benConfirmed = await confirm(t, linkIn(ben, '/bestaetigung'));
    expect(benConfirmed.json().status).toBe('waitlisted');
    expect(attendanceOf(t, event.id, 'ben.krause@example.org')?.status).toBe('waitlisted');
    await smtp.waitFor(4);
    const waitMail = smtp.mails.find((m) => m.to[0] === 'ben.krause@example.org' && m.subject.startsWith('Warteliste'));
    expect(waitMail?.text).toContain('Warteliste');
    // Without the newsletter box: no one-click header.
    expect(waitMail?.header('list-unsubscribe')).toBeUndefined();

    const carlaDone = smtp.mails.find((m) => m.to[0] === person.email && m.subject.startsWith('Anmeldung bestätigt'));
    const cancelToken = linkIn(carlaDone, '/absage');
    const info = await t.app.inject({ method: 'GET', url: `/api/public/registrations/cancel?token=${cancelToken}` });
    expect(info.json()).toMatchObject({ eventTitle: event.title, name: 'Dr. Carla Neumann', status: 'registered' });
    const cancelled = await t.app.inject({
      method: 'POST',
      url: '/api/public/registrations/cancel',
      payload: { token: cancelToken },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(attendanceOf(t, event.id, person.email)?.status).toBe('cancelled');
    expect(attendanceOf(t, event.id, 'ben.krause@example.org')?.status).toBe('registered');
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/public/registrations/cancel',
      payload: { token: cancelToken },
    });
    expect(twice.statusCode).toBe(409);
    await smtp.waitFor(6);
    expect(smtp.mails.some((m) => m.subject === `Anmeldung storniert: ${event.title}`)).toBe(true);
    // Ben moved up and hears it, with the calendar file and a cancel link of his own.
    const promoted = smtp.mails.find((m) => m.subject === `Platz frei – Sie sind angemeldet: ${event.title}`);
    expect(promoted?.to).toEqual(['ben.krause@example.org']);
    expect(promoted?.attachments.get('einladung.ics')).toContain('BEGIN:VEVENT');
    const benCancel = linkIn(promoted, '/absage');
    const benInfo = await t.app.inject({ method: 'GET', url: `/api/public/registrations/cancel?token=${benCancel}` });
    expect(benInfo.json()).toMatchObject({ name: 'Ben Krause', status: 'registered' });
  });

  it('matches a known person by e-mail, flags a same-name person for a manager and never merges', async () => {
    const { t, smtp, event } = await setup({ registrationMinFillMs: 0 });
    const known = createPerson(t.db, { firstName: 'Carla', lastName: 'Neumann', email: person.email.toUpperCase() });
    const namesake = createPerson(t.db, { firstName: 'Ben', lastName: 'Krause', email: 'b.krause@other.example' });
    await submit(t, {});
    await submit(t, { firstName: 'Ben', lastName: 'Krause', email: 'ben.krause@example.org', title: null });
    const mails = await smtp.waitFor(2);
    await confirm(
      t,
      linkIn(
        mails.find((m) => m.to[0] === person.email),
        '/bestaetigung',
      ),
    );
    await confirm(
      t,
      linkIn(
        mails.find((m) => m.to[0] === 'ben.krause@example.org'),
        '/bestaetigung',
      ),
    );
    expect(attendanceOf(t, event.id, person.email.toUpperCase())?.personId).toBe(known.id);
    const persons = t.db.$client
      .prepare("SELECT id, deleted_at AS deletedAt FROM persons WHERE last_name = 'Krause'")
      .all();
    expect(persons).toHaveLength(2);
    expect(persons).toEqual([
      { id: namesake.id, deletedAt: null },
      { id: expect.any(Number), deletedAt: null },
    ]);
    const manager = await t.login('manager');
    const stats = await t.as(manager.token, { method: 'GET', url: `/api/events/${event.id}/registration-stats` });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      submitted: 2,
      confirmed: 2,
      pending: 0,
      conversion: 1,
      duplicates: [{ name: 'Ben Krause', candidates: [namesake.id] }],
    });
  });

  it('keeps bots out: honeypot, minimum fill time, rate limit per address; a suppressed address is told politely', async () => {
    const { t, smtp } = await setup({ registrationMinFillMs: 60_000 });
    const before = dbChecksum(t.db);
    const honeypot = await submit(t, { website: 'http://spam.example' });
    expect(honeypot.statusCode).toBe(202);
    const tooFast = await submit(t, {});
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.json().errors[0].field).toBe('formToken');
    expect(dbChecksum(t.db)).toBe(before);

    // A form shown a minute ago passes the fill time.
    const shownEarlier = signToken(
      linkSecretOf(t.config),
      'form',
      { ev: 1, t: Date.now() - 61_000 },
      new Date(Date.now() + 9e6),
    );
    const send = (email: string, ip = '198.51.100.1') =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/events/wasserstoff-2027/registrations',
        payload: { ...person, email, formToken: shownEarlier },
        remoteAddress: ip,
      });
    for (let i = 0; i < 3; i++)
      expect((await send('vielfach@example.org', `198.51.100.${i + 10}`)).statusCode).toBe(202);
    const limited = await send('vielfach@example.org', '198.51.100.99');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', errors: [{ field: 'email' }] });

    const admin = await t.login('admin');
    await t.post(admin.token, '/api/suppressions', {
      email: 'widerspruch@example.org',
      reason: 'objection',
      note: 'Brief vom 01.12.',
    });
    const suppressed = await send('widerspruch@example.org');
    expect(suppressed.statusCode).toBe(409);
    expect(suppressed.json().code).toBe('EMAIL_SUPPRESSED');
    expect(suppressed.json().errors[0]).toMatchObject({
      field: 'email',
      message: expect.stringContaining('leider nicht möglich'),
    });
    await smtp.waitFor(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.map((m) => m.to[0])).toEqual([
      'vielfach@example.org',
      'vielfach@example.org',
      'vielfach@example.org',
    ]);
  });

  it('preference centre: consents per channel, withdraw and grant with provenance; one-click unsubscribe', async () => {
    const { t, smtp, event } = await setup();
    await submit(t, { newsletter: true, consentTextVersion: NEWSLETTER_CONSENT_VERSION });
    const [request] = await smtp.waitFor(1);
    await confirm(t, linkIn(request, '/bestaetigung'));
    const [, done] = await smtp.waitFor(2);
    const prefsToken = linkIn(done, '/einstellungen');
    const prefs = await t.app.inject({ method: 'GET', url: `/api/public/preferences?token=${prefsToken}` });
    expect(prefs.statusCode).toBe(200);
    expect(prefs.json().name).toBe('Dr. Carla Neumann');
    expect(prefs.json().channels).toContainEqual({
      channel: 'email_newsletter',
      status: 'granted',
      since: expect.any(String),
    });
    expect(prefs.json().channels).toContainEqual({ channel: 'post', status: 'none', since: null });

    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/public/preferences',
      payload: { token: prefsToken, channel: 'post', status: 'granted' },
    });
    expect(granted.json().channels).toContainEqual({ channel: 'post', status: 'granted', since: expect.any(String) });

    const unsubscribeUrl = /<([^>]+)>/.exec(done?.header('list-unsubscribe') ?? '')?.[1] as string;
    const url = new URL(unsubscribeUrl);
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    const personId = attendanceOf(t, event.id, person.email)?.personId;
    const ledger = t.db.$client
      .prepare('SELECT channel, status, source, evidence FROM consents WHERE person_id = ? ORDER BY id')
      .all(personId) as { channel: string; status: string; source: string; evidence: string }[];
    expect(ledger.map((e) => [e.channel, e.status, e.source])).toEqual([
      ['email_newsletter', 'granted', 'double_opt_in'],
      ['post', 'granted', 'preference_centre'],
      ['email_newsletter', 'withdrawn', 'preference_centre'],
    ]);
    expect(ledger[2]?.evidence).toContain('RFC 8058');
    // Withdrawn already: a second click adds nothing.
    await t.app.inject({ method: 'POST', url: `${url.pathname}${url.search}`, payload: {} });
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM consents').get()).toEqual({ n: 3 });
    const forged = await t.app.inject({
      method: 'GET',
      url: `/api/public/preferences?token=${prefsToken.slice(0, -2)}xx`,
    });
    expect(forged.statusCode).toBe(400);
  });

  it('managers set the public page in the event form, download the .ics, and see pending confirmations', async () => {
    const { t, event } = await setup();
    const manager = await t.login('manager');
    const created = await t.post(manager.token, '/api/events', {
      title: 'Netzwerktreffen Gotha',
      kind: 'network_meeting',
      startsAt: iso(FUTURE),
      publicRegistration: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ publicRegistration: true, publicSlug: 'netzwerktreffen-gotha' });
    const taken = await t.patch(
      manager.token,
      `/api/events/${created.json().id}`,
      { publicSlug: 'wasserstoff-2027' },
      `"${created.json().version}"`,
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe('publicSlug');

    await submit(t, {});
    const stats = await t.as(manager.token, { method: 'GET', url: `/api/events/${event.id}/registration-stats` });
    expect(stats.json()).toMatchObject({
      submitted: 1,
      pending: 1,
      confirmed: 0,
      conversion: 0,
      publicSlug: 'wasserstoff-2027',
    });

    const ics = await t.as(manager.token, { method: 'GET', url: `/api/events/${event.id}/calendar.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const vevents = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(2);
    const viewer = await t.login('viewer');
    expect((await t.as(viewer.token, { method: 'GET', url: `/api/events/${event.id}/calendar.ics` })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/events/${event.id}/calendar.ics` })).statusCode).toBe(401);
    createAttendance(t.db, { eventId: event.id, personId: createPerson(t.db).id, status: 'registered' });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/events/wasserstoff-2027' })).json().freeSeats).toBe(
      0,
    );
  });

  it('the information export shows the self-registration and its mails; erasure scrubs both', async () => {
    const { t, smtp, event } = await setup();
    await submit(t, { newsletter: true, consentTextVersion: NEWSLETTER_CONSENT_VERSION });
    await confirm(t, linkIn((await smtp.waitFor(1))[0], '/bestaetigung'));
    await smtp.waitFor(2);
    await settled(t);
    const personId = attendanceOf(t, event.id, person.email)?.personId as number;
    const admin = await t.login('admin');
    const exported = await t.as(admin.token, { method: 'GET', url: `/api/persons/${personId}/privacy-export` });
    expect(exported.statusCode).toBe(200);
    const data = exported.json().data;
    expect(data.registration_requests).toMatchObject([{ email: person.email, status: 'confirmed', newsletter: true }]);
    expect(data.mail_outbox.map((m: { kind: string }) => m.kind)).toEqual([
      'registration_confirm',
      'registration_confirmed',
    ]);

    const erased = await t.post(admin.token, `/api/persons/${personId}/erase`, {});
    expect(erased.statusCode).toBe(200);
    const raw =
      JSON.stringify(t.db.$client.prepare('SELECT * FROM registration_requests').all()) +
      JSON.stringify(t.db.$client.prepare('SELECT * FROM mail_outbox').all());
    expect(raw).not.toContain('Neumann');
    expect(raw).not.toContain(person.email);
    expect(raw).not.toContain('Zulieferer');
  });

  it('unconfirmed requests lapse: after 48 hours their personal data goes, the count stays', async () => {
    const { t, smtp, event } = await setup();
    const old = new Date(Date.now() - 3 * 86_400_000);
    t.db.$client
      .prepare(
        `INSERT INTO registration_requests (event_id, email, first_name, last_name, organization, ip_hash, requested_at, expires_at)
         VALUES (?, 'vergessen@example.org', 'Vera', 'Vergessen', 'Altteile AG', 'x', ?, ?)`,
      )
      .run(event.id, iso(old), iso(new Date(old.getTime() + 48 * 3_600_000)));
    expect((await submit(t, {})).statusCode).toBe(202);
    await smtp.waitFor(1);
    const rows = t.db.$client
      .prepare('SELECT email, first_name AS firstName, organization FROM registration_requests ORDER BY id')
      .all();
    expect(rows).toEqual([
      { email: '', firstName: '', organization: null },
      { email: person.email, firstName: 'Carla', organization: 'Thüringer Zulieferer GmbH' },
    ]);
    const manager = await t.login('manager');
    const stats = await t.as(manager.token, { method: 'GET', url: `/api/events/${event.id}/registration-stats` });
    expect(stats.json()).toMatchObject({ submitted: 2, pending: 1, expired: 1, confirmed: 0, conversion: 0 });
  });

  it('writes to an English-speaking visitor in English', async () => {
    const { t, smtp } = await setup();
    await submit(t, { language: 'en' });
    const [request] = await smtp.waitFor(1);
    expect(request?.subject).toBe('Please confirm your registration: Fachexperte für Wasserstoffanwendungen');
    expect(request?.text).toContain('Hello Dr. Carla Neumann');
    expect(request?.text).toContain('(Berlin time)');
    await confirm(t, linkIn(request, '/bestaetigung'));
    const [, done] = await smtp.waitFor(2);
    expect(done?.subject).toBe('Registration confirmed: Fachexperte für Wasserstoffanwendungen');
    expect(done?.text).toContain('Your e-mail settings and consents: https://crm.anett.example/einstellungen?token=');
  });
});
