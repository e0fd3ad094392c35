import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { backupDatabase } from '@anett/db/backup';
import { closeDatabase, openDatabase } from '@anett/db/client';
import { persons, segments, suppressions } from '@anett/db/schema';
import { buildApp } from '@anett/server/app';
import { createContext } from '@anett/server/context';
import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import { restoreBackup } from '@anett/server/modules/privacy/restore';
import { searchFold } from '@anett/shared/normalize';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type Json, passwordLogin, type TestApp } from '../support/app.ts';
import { createPerson } from '../support/factories.ts';
import { NOTES_MARKER, personEverywhere } from '../support/privacy.ts';

const NAME = { firstName: 'Xaverine', lastName: 'Quendelbrück' };
const PHONES = ['03682 4711', '03682 4712', '0171 4711', '+49 3682 4712'];

/** Every spelling a remnant could have: as typed, folded for search, URL-encoded in a logged query. */
function needlesFor(email: string) {
  const plain = [NAME.firstName, NAME.lastName, email, ...PHONES, NOTES_MARKER];
  return [
    ...new Set([
      ...plain,
      ...plain.map(searchFold),
      'uendelbr',
      encodeURIComponent(NAME.lastName),
      encodeURIComponent(email),
    ]),
  ];
}

/** The needles found in the database file and its WAL (after a checkpoint), byte for byte. */
function scanFiles(path: string, needles: string[]) {
  const files = [path, `${path}-wal`].map((f) => (existsSync(f) ? readFileSync(f) : Buffer.alloc(0)));
  return needles.filter((n) => files.some((bytes) => bytes.includes(Buffer.from(n, 'utf8'))));
}

/** The person everywhere, plus what only a free text or a log ties to them. */
async function setUp(t: TestApp, token: string) {
  const base = await personEverywhere(t, token, NAME);
  const post = async (payload: Json) => {
    const r = await t.post(token, '/api/interactions', payload);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  const linked = await post({
    kind: 'call',
    subject: 'Rückruf erbeten',
    summary: `Xaverine bittet um Rückruf unter +49 3682 4712 oder 0171-4711, sonst ${base.email}`,
    personIds: [base.person.id],
  });
  const byPhone = await post({
    kind: 'note',
    subject: 'Anruf aus Zella-Mehlis',
    summary: 'Eine Frau Quendelbrück rief an, Nummer 03682 4712, wegen des Lehrgangs',
    organizationIds: [base.org.id],
  });
  const byName = await post({
    kind: 'meeting',
    subject: 'Treffen mit Xaverine Quendelbrück',
    summary: 'Kennengelernt beim Stammtisch',
    organizationIds: [base.org.id],
  });
  const unrelated = await post({
    kind: 'note',
    subject: 'Werkstatt',
    summary: 'Nichts über die Person, nur über Zella-Mehlis',
    organizationIds: [base.org.id],
  });
  const segment = await t.post(token, '/api/segments', {
    name: 'Einladung Quendelbrück',
    filter: { q: 'Xaverine Quendelbrück' },
    shared: true,
  });
  expect(segment.statusCode, segment.body).toBe(201);
  // Someone tried to log in with her address.
  await passwordLogin(t, base.email, 'geraten-123');
  await t.as(token, { method: 'GET', url: `/api/interactions?q=${encodeURIComponent(NAME.lastName)}` });
  await t.as(token, { method: 'GET', url: `/api/persons?q=${encodeURIComponent(base.email)}` });
  return { ...base, linked, byPhone, byName, unrelated, segmentId: segment.json().id as number };
}

function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('erasure (Art. 17) that leaves nothing', () => {
  it('scrubs the person from every text, index and log; the file and its WAL hold no trace', async () => {
    const logs = captureLogs();
    const t = await createTestApp({ logLevel: 'trace' }, { logger: { level: 'trace', stream: logs.stream } });
    const manager = await t.login('manager');
    const admin = await t.login('admin');
    const s = await setUp(t, manager.token);
    const needles = needlesFor(s.email);
    // An established database: the planner's statistics hold sample keys of the person indexes (names, e-mails).
    t.db.$client.exec('ANALYZE');
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    // Before: everything is there (the scan works).
    expect(scanFiles(t.config.databasePath, [NAME.lastName, s.email, NOTES_MARKER, '03682 4712'])).toHaveLength(4);

    const preview = await t.as(admin.token, { method: 'GET', url: `/api/persons/${s.person.id}/erasure-preview` });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ erasedIds: [s.person.id], linkedInteractions: 2, lastNameIsDistinctive: true });
    expect(p.segmentMentions).toBe(1);
    expect(p.auditMentions).toBeGreaterThan(0);
    const mentioned = Object.fromEntries(p.mentions.map((m: Json) => [m.interactionId, m]));
    expect(Object.keys(mentioned).map(Number).sort()).toEqual([s.byPhone, s.byName].sort());
    expect(mentioned[s.byPhone]).toMatchObject({
      suggested: true,
      matches: expect.arrayContaining(['phone', 'lastName']),
    });
    expect(mentioned[s.byName]).toMatchObject({ suggested: true, matches: expect.arrayContaining(['fullName']) });
    expect(mentioned[s.byPhone].excerpt).toContain('03682 4712');
    expect(
      (await t.as(manager.token, { method: 'GET', url: `/api/persons/${s.person.id}/erasure-preview` })).statusCode,
    ).toBe(403);

    const bad = await t.post(admin.token, `/api/persons/${s.person.id}/erase`, { scrubInteractionIds: [999_999] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('scrubInteractionIds');
    expect(t.db.select().from(persons).where(eq(persons.id, s.person.id)).get()?.erasedAt).toBeNull();

    const res = await t.post(admin.token, `/api/persons/${s.person.id}/erase`, {
      scrubInteractionIds: [s.byPhone, s.byName],
    });
    expect(res.statusCode, res.body).toBe(200);
    // The main and the additional (private) address.
    expect(res.json()).toMatchObject({ erasedIds: [s.person.id], suppressedEmails: 2, scrubbedInteractions: 2 });

    // The contact log no longer finds her, by any identifier; the unrelated entry is untouched.
    for (const q of [NAME.lastName, 'quendelbruck', NAME.firstName, s.email, '4712']) {
      const found = await t.as(manager.token, { method: 'GET', url: `/api/interactions?q=${encodeURIComponent(q)}` });
      expect(found.json().total, q).toBe(0);
    }
    const entries = await t.as(manager.token, { method: 'GET', url: `/api/interactions?pageSize=100` });
    const byId = Object.fromEntries(entries.json().items.map((i: Json) => [i.id, i]));
    expect(byId[s.linked].summary).toBe(
      '[gelöscht] bittet um Rückruf unter [gelöscht] oder [gelöscht], sonst [gelöscht]',
    );
    expect(byId[s.byPhone].summary).toBe('Eine Frau [gelöscht] rief an, Nummer [gelöscht], wegen des Lehrgangs');
    expect(byId[s.byName].subject).toBe('Treffen mit [gelöscht]');
    expect(byId[s.unrelated].summary).toBe('Nichts über die Person, nur über Zella-Mehlis');
    expect(t.db.select().from(segments).where(eq(segments.id, s.segmentId)).get()).toMatchObject({
      name: 'Einladung [gelöscht]',
      filter: { q: '[gelöscht]' },
    });

    // Byte scan: no name, e-mail, phone, mobile or notes marker in the file or the WAL, in any spelling.
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(scanFiles(t.config.databasePath, needles)).toEqual([]);
    // Nor in the request logs, at trace level.
    const logged = logs.lines.join('');
    expect(logged).toContain('/api/interactions?q=%5Bredacted%5D');
    expect(needles.filter((n) => logged.includes(n))).toEqual([]);

    // Only what the law requires stays: the suppression entry (a hash) and the ledger entry (a hash).
    expect(
      t.db
        .select()
        .from(suppressions)
        .where(eq(suppressions.emailHash, emailHash(s.email)))
        .get(),
    ).toMatchObject({
      reason: 'erasure',
    });
    const ledger = readFileSync(join(t.dir, 'privacy-ledger.jsonl'), 'utf8');
    expect(ledger).toContain('"kind":"erasure"');
    expect(ledger).toContain(emailHash(s.email));
    expect(needles.filter((n) => ledger.includes(n))).toEqual([]);
  }, 60_000);

  it('keeps a namesake’s entry unless the admin picks it, and never scrubs a common last name everywhere', async () => {
    const t = await createTestApp();
    const { token } = await t.login('admin');
    const anna = createPerson(t.db, { firstName: 'Anna', lastName: 'Müller', email: 'anna.mueller@example.org' });
    createPerson(t.db, { firstName: 'Bernd', lastName: 'Müller' });
    const post = async (summary: string) =>
      (
        await t.post(token, '/api/interactions', { kind: 'note', subject: 'Notiz', summary, personIds: [anna.id] })
      ).json().id as number;
    await post('Anna Müller angerufen');
    const other = (
      await t.post(token, '/api/interactions', {
        kind: 'note',
        subject: 'Besuch bei Herrn Müller',
        summary: 'Bernd zeigte die Halle',
        personIds: [createPerson(t.db, { firstName: 'Carl', lastName: 'Carlsen' }).id],
      })
    ).json().id as number;
    const preview = (await t.as(token, { method: 'GET', url: `/api/persons/${anna.id}/erasure-preview` })).json();
    expect(preview.lastNameIsDistinctive).toBe(false);
    expect(preview.mentions).toEqual([
      expect.objectContaining({ interactionId: other, matches: ['lastName'], suggested: false }),
    ]);
    const erased = await t.post(token, `/api/persons/${anna.id}/erase`);
    expect(erased.statusCode, erased.body).toBe(200);
    const kept = await t.as(token, { method: 'GET', url: `/api/interactions?q=Bernd` });
    expect(kept.json().items[0]).toMatchObject({ subject: 'Besuch bei Herrn Müller' });
  });

  it('restoring a backup taken before an erasure does not bring the person back', async () => {
    const t = await createTestApp();
    const manager = await t.login('manager');
    const admin = await t.login('admin');
    const s = await setUp(t, manager.token);
    const suppress = (email: string) =>
      t.post(admin.token, '/api/suppressions', { email, reason: 'objection', note: 'Brief' });
    expect((await suppress('lifted@example.org')).statusCode).toBe(201);
    const backup = join(t.dir, 'before-erasure.sqlite');
    await backupDatabase(t.config.databasePath, backup);
    // After the backup: one address is taken off the list, another one objects.
    const lifted = await t.as(admin.token, {
      method: 'DELETE',
      url: `/api/suppressions/${emailHash('lifted@example.org')}`,
      payload: { note: 'Einwilligung erneut erteilt' },
    });
    expect(lifted.statusCode, lifted.body).toBe(204);
    expect((await suppress('objects-later@example.org')).statusCode).toBe(201);
    expect(scanFiles(backup, [NAME.lastName])).toEqual([NAME.lastName]);
    // Someone added after the backup and erased too: not in the backup at all.
    const later = createPerson(t.db, { firstName: 'Lorenz', lastName: 'Spätling', email: 'spaet@example.org' });
    const erased = await t.post(admin.token, `/api/persons/${s.person.id}/erase`, {
      scrubInteractionIds: [s.byPhone, s.byName],
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect((await t.post(admin.token, `/api/persons/${later.id}/erase`)).statusCode).toBe(200);
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    expect(scanFiles(t.config.databasePath, needlesFor(s.email))).toEqual([]);
    await t.app.close();
    closeDatabase(t.db);

    const result = await restoreBackup(backup, t.config);
    expect(result).toMatchObject({ integrity: 'ok', reapplied: 1 });
    expect(scanFiles(t.config.databasePath, needlesFor(s.email))).toEqual([]);

    const db = openDatabase(t.config.databasePath);
    try {
      const app = await buildApp({ db, config: t.config, logger: false });
      try {
        const row = db.select().from(persons).where(eq(persons.id, s.person.id)).get();
        expect(row).toMatchObject({ firstName: 'Gelöschte', lastName: 'Person', email: null, phone: null });
        expect(
          db
            .select()
            .from(suppressions)
            .where(eq(suppressions.emailHash, emailHash(s.email)))
            .get(),
        ).toBeDefined();
        expect(
          db
            .select()
            .from(suppressions)
            .where(eq(suppressions.emailHash, emailHash('spaet@example.org')))
            .get(),
        ).toBeDefined();
        // The list as it was at the erasure, not as in the backup: the lifted address stays off, the later one on.
        const listed = (email: string) =>
          db
            .select()
            .from(suppressions)
            .where(eq(suppressions.emailHash, emailHash(email)))
            .get();
        expect(listed('lifted@example.org')).toBeUndefined();
        expect(listed('objects-later@example.org')).toMatchObject({ reason: 'objection' });
        // A new person who gets the id of the one erased after the backup is someone else: left alone at the next start.
        const newcomer = createPerson(db, { firstName: 'Nora', lastName: 'Neu' });
        expect(newcomer.id).toBe(later.id);
        expect(createContext(db, t.config).privacyService.reapplyLedger(new Date().toISOString())).toBe(0);
        expect(db.select().from(persons).where(eq(persons.id, newcomer.id)).get()).toMatchObject({ lastName: 'Neu' });
        expect(app).toBeDefined();
      } finally {
        await app.close();
      }
    } finally {
      closeDatabase(db);
    }
  }, 60_000);
});
