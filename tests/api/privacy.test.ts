import { readFileSync } from 'node:fs';
import { attendances, consents, interactionPersons, persons, suppressions } from '@anett/db/schema';
import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import { PRIVACY_COVERAGE } from '@anett/server/modules/privacy/privacy.repository';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Json, passwordLogin, type TestApp } from '../support/app.ts';
import { createAttendance, createEvent, createInteraction, createPerson } from '../support/factories.ts';
import { NOTES_MARKER, personEverywhere } from '../support/privacy.ts';

/** Every table with a foreign key to persons, read from the schema itself. */
function tablesReferencingPersons(t: TestApp): string[] {
  const tables = t.db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  return tables
    .filter(({ name }) =>
      t.db.$client
        .prepare(`SELECT * FROM pragma_foreign_key_list(?)`)
        .all(name)
        .some((fk) => (fk as { table: string }).table === 'persons'),
    )
    .map((t) => t.name)
    .sort();
}

describe('privacy export', () => {
  it('accounts for every table of the schema: exported, or named with the reason it holds no person’s data', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager');
    const { person } = await personEverywhere(t, token);
    const body = (await t.as(token, { method: 'GET', url: `/api/persons/${person.id}/privacy-export` })).json();
    const tables = t.db
      .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .map((r) => r.name)
      // FTS5 keeps its index in shadow tables named after the virtual table.
      .filter((name) => !/_fts_(config|content|data|docsize|idx)$/.test(name));
    const missing = tables.filter((name) => !(name in PRIVACY_COVERAGE));
    expect(missing, 'tables the information export does not account for').toEqual([]);
    for (const [table, coverage] of Object.entries(PRIVACY_COVERAGE)) {
      if ('export' in coverage)
        expect(coverage.export in body.data || coverage.export in body, `${table} → ${coverage.export}`).toBe(true);
      else expect(coverage.none.trim(), table).not.toBe('');
    }
  });

  it('includes the unlinked entries, audit entries (failed logins, exports) and segments that name the person', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager');
    const { person, email, org } = await personEverywhere(t, token);
    await passwordLogin(t, email, 'ihr-passwort-vielleicht');
    const unlinked = await t.post(token, '/api/interactions', {
      kind: 'note',
      subject: 'Empfehlung',
      summary: 'Xaverine Quendelbrück hat uns die Werkstatt empfohlen',
      organizationIds: [org.id],
    });
    const unrelated = await t.post(token, '/api/interactions', {
      kind: 'note',
      subject: 'Quendelbrück-Straße',
      summary: 'Neue Adresse der Werkstatt',
      organizationIds: [org.id],
    });
    await t.post(token, '/api/segments', {
      name: 'Einladung Quendelbrück',
      filter: { q: 'Xaverine Quendelbrück' },
      shared: false,
    });
    const body = (await t.as(token, { method: 'GET', url: `/api/persons/${person.id}/privacy-export` })).json();
    const mentionIds = body.data.interaction_mentions.map((i: Json) => i.interactionId);
    expect(mentionIds).toContain(unlinked.json().id);
    // A bare last name (a street) does not identify her: not disclosed as her data.
    expect(mentionIds).not.toContain(unrelated.json().id);
    const auditActions = body.data.audit_mentions.map((a: Json) => `${a.entity}:${a.diff?.email ?? ''}`);
    expect(auditActions).toContain(`auth:${email}`);
    expect(body.data.audit_mentions.some((a: Json) => a.entity === 'export')).toBe(true);
    expect(body.data.audit_mentions.some((a: Json) => a.entity === 'segment')).toBe(true);
    expect(body.data.segment_mentions).toEqual([
      expect.objectContaining({ name: 'Einladung Quendelbrück', filter: { q: 'Xaverine Quendelbrück' } }),
    ]);
  });

  it('covers every table that references persons (walked from the schema) and contains what is stored', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager');
    const { person, email } = await personEverywhere(t, token);
    const referencing = tablesReferencingPersons(t);
    expect(referencing.length).toBeGreaterThanOrEqual(7);

    const res = await t.as(token, { method: 'GET', url: `/api/persons/${person.id}/privacy-export` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ personId: person.id, suppressed: false });
    for (const table of referencing) {
      expect(body.data, `privacy export misses table ${table}`).toHaveProperty(table);
      expect(body.data[table].length, `no rows of ${table} in the privacy export`).toBeGreaterThan(0);
    }
    expect(body.data.persons[0]).toMatchObject({
      firstName: 'Xaverine',
      lastName: 'Quendelbrück',
      email,
      notes: expect.stringContaining(NOTES_MARKER),
    });
    expect(body.data.affiliations[0]).toMatchObject({ organizationName: 'Zulieferer Zella-Mehlis GmbH' });
    expect(body.data.attendances[0]).toMatchObject({
      eventTitle: 'Lehrgang Wasserstoff',
      note: 'Quendelbrück kommt später',
    });
    expect(body.data.interaction_persons[0]).toMatchObject({ subject: 'Rückruf Quendelbrück' });
    expect(body.data.consents[0]).toMatchObject({ evidence: expect.stringContaining(email) });
    expect(body.data.audit_entries.map((a: Json) => a.action)).toEqual(
      expect.arrayContaining(['create', 'consent_grant', 'update']),
    );
    expect(body.data.person_tags[0]).toMatchObject({ name: 'Wasserstoff-Pilot' });
    expect(body.data.person_contact_points[0]).toMatchObject({
      kind: 'email',
      value: `privat.${email}`,
      label: 'privat',
    });

    const viewer = await t.login('viewer');
    expect(
      (await t.as(viewer.token, { method: 'GET', url: `/api/persons/${person.id}/privacy-export` })).statusCode,
    ).toBe(403);
    expect((await t.as(token, { method: 'GET', url: '/api/persons/999999/privacy-export' })).statusCode).toBe(404);
  });
});

describe('erasure', () => {
  it('leaves neither the name nor the e-mail in the database file or its WAL, and keeps the counts', async () => {
    const t = await createTestApp();
    const manager = await t.login('manager');
    const admin = await t.login('admin');
    const { person, email, event } = await personEverywhere(t, manager.token);
    const other = createPerson(t.db, { firstName: 'Xaver', lastName: 'Nachbar', email: 'nachbar@example.org' });

    const needles = ['averine', 'uendelbr', 'Quendelbrück', email];
    const scan = () => {
      const files = [t.config.databasePath, `${t.config.databasePath}-wal`].map((f) => {
        try {
          return readFileSync(f);
        } catch {
          return Buffer.alloc(0);
        }
      });
      return needles.filter((n) => files.some((bytes) => bytes.includes(Buffer.from(n, 'utf8'))));
    };
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(scan()).toEqual(needles);

    expect((await t.post(manager.token, `/api/persons/${person.id}/erase`)).statusCode).toBe(403);
    const stale = await t.as(admin.token, {
      method: 'POST',
      url: `/api/persons/${person.id}/erase`,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    const res = await t.post(admin.token, `/api/persons/${person.id}/erase`);
    expect(res.statusCode, res.body).toBe(200);
    // The main and the additional address are both blocked from re-import.
    expect(res.json()).toMatchObject({ id: person.id, erasedIds: [person.id], suppressedEmails: 2 });

    expect(scan()).toEqual([]);

    // Counts stay: the row, the attendance, the session hours, the interaction link and the consent entries.
    const row = t.db.select().from(persons).where(eq(persons.id, person.id)).get();
    expect(row).toMatchObject({
      firstName: 'Gelöschte',
      lastName: 'Person',
      email: null,
      phone: null,
      notes: null,
      title: null,
    });
    expect(row?.erasedAt).not.toBeNull();
    expect(t.db.select({ n: count() }).from(attendances).where(eq(attendances.personId, person.id)).get()?.n).toBe(1);
    expect(
      t.db.select({ n: count() }).from(interactionPersons).where(eq(interactionPersons.personId, person.id)).get()?.n,
    ).toBe(1);
    expect(t.db.select().from(consents).where(eq(consents.personId, person.id)).all()).toEqual([
      expect.objectContaining({ status: 'granted', evidence: null }),
    ]);
    const attendance = await t.as(manager.token, { method: 'GET', url: `/api/events/${event.id}/attendances` });
    expect(attendance.json().total).toBe(1);
    // Gone from search, lists and exports; the address is blocked from re-import.
    expect((await t.as(manager.token, { method: 'GET', url: '/api/persons?q=Quendelbruck' })).json().total).toBe(0);
    expect((await t.as(manager.token, { method: 'GET', url: '/api/persons?q=Gel%C3%B6schte' })).json().total).toBe(0);
    expect(
      t.db
        .select()
        .from(suppressions)
        .where(eq(suppressions.emailHash, emailHash(email)))
        .get(),
    ).toMatchObject({ reason: 'erasure' });
    const reimport = await t.post(manager.token, '/api/imports/preview', {
      kind: 'persons',
      fileName: 'x.csv',
      contentBase64: Buffer.from(`Vorname;Nachname;E-Mail\r\nXaverine;Quendelbrück;${email}\r\n`).toString('base64'),
    });
    expect(reimport.json().rows[0]).toMatchObject({ suppressed: true, action: null });
    // Others are untouched.
    expect(t.db.select().from(persons).where(eq(persons.id, other.id)).get()).toMatchObject({
      firstName: 'Xaver',
      lastName: 'Nachbar',
    });

    const again = await t.post(admin.token, `/api/persons/${person.id}/erase`);
    expect(again.statusCode).toBe(409);
  });

  it('erases the rows merged into the person as well', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const target = createPerson(t.db, { firstName: 'Ottilie', lastName: 'Zwiebelmann', email: 'ottilie@example.org' });
    const source = createPerson(t.db, {
      firstName: 'Ottilie',
      lastName: 'Zwiebelmann-Alt',
      email: 'o.alt@example.org',
    });
    const merged = await t.post(admin.token, `/api/persons/${target.id}/merge`, { sourceId: source.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const res = await t.post(admin.token, `/api/persons/${target.id}/erase`);
    expect(res.json()).toMatchObject({ erasedIds: [target.id, source.id], suppressedEmails: 2 });
    const bytes = readFileSync(t.config.databasePath);
    for (const needle of ['Zwiebelmann', 'ottilie@', 'o.alt@', 'Ottilie'])
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
  });
});

describe('retention review', () => {
  it('lists persons without attendance, contact, consent entry or change for the given months', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const manager = await t.login('manager');
    const old = '2019-05-01T00:00:00.000Z';
    const dormant = createPerson(t.db, { firstName: 'Dora', lastName: 'Ruhend', updatedAt: old });
    const attended = createPerson(t.db, { firstName: 'Anton', lastName: 'Aktiv', updatedAt: old });
    createAttendance(t.db, {
      eventId: createEvent(t.db, { startsAt: new Date().toISOString() }).id,
      personId: attended.id,
      updatedAt: old,
    });
    const contacted = createPerson(t.db, { firstName: 'Konrad', lastName: 'Kontakt', updatedAt: old });
    createInteraction(t.db, { occurredAt: new Date().toISOString(), personIds: [contacted.id] });
    const oldEvent = createEvent(t.db, { startsAt: '2019-03-01T09:00:00.000Z' });
    const older = '2019-01-01T00:00:00.000Z';
    const formerGuest = createPerson(t.db, { firstName: 'Frieda', lastName: 'Früher', updatedAt: older });
    createAttendance(t.db, { eventId: oldEvent.id, personId: formerGuest.id, updatedAt: older });
    createPerson(t.db, { firstName: 'Neu', lastName: 'Angelegt' });
    createPerson(t.db, { firstName: 'Gelöschte', lastName: 'Person', erasedAt: old, updatedAt: old });

    const res = await t.as(admin.token, { method: 'GET', url: '/api/privacy/inactive?months=24' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: Json) => i.name)).toEqual(['Frieda Früher', 'Dora Ruhend']);
    expect(res.json()).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    // The latest of change, attendance (its event's date) and contact.
    expect(res.json().items.map((i: Json) => [i.id, i.lastActivityAt])).toEqual([
      [formerGuest.id, '2019-03-01T09:00:00.000Z'],
      [dormant.id, old],
    ]);

    const paged = await t.as(admin.token, { method: 'GET', url: '/api/privacy/inactive?months=24&pageSize=1&page=2' });
    expect(paged.json()).toMatchObject({ total: 2, items: [{ name: 'Dora Ruhend' }] });
    expect((await t.as(manager.token, { method: 'GET', url: '/api/privacy/inactive' })).statusCode).toBe(403);
    const bad = await t.as(admin.token, { method: 'GET', url: '/api/privacy/inactive?months=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('months');
  });
});
