import { attendances, events, nodes, offices, organizationSectors, organizations, persons } from '@anett/db/schema';
import { createContext } from '@anett/server/context';
import { seedDemo } from '@anett/server/seed/demo';
import { normalizeOrgName, normalizePersonName } from '@anett/shared/normalize';
import type { Dashboard } from '@anett/shared/schemas/dashboard';
import { isDistrictCode } from '@anett/shared/vocab/districts';
import { sizeClassFor } from '@anett/shared/vocab/enums';
import { isValidWzCode } from '@anett/shared/vocab/wz2008';
import { and, asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

/** The real people quoted in the press release: none of them may appear in the demo data. */
const REAL_PEOPLE = [
  ['Peggy', 'Greiser'],
  ['Mike', 'Kämmer'],
  ['Thomas', 'Müller'],
  ['Tobias', 'Wätzel'],
  ['Frank', 'Zinkann'],
  ['Andreas', 'Krey'],
  ['Michael', 'Schemann'],
] as const;

async function seeded(t: TestApp, adminId?: number) {
  const ctx = createContext(t.db, t.config);
  const started = performance.now();
  const result = await seedDemo(ctx, { adminId });
  const ms = performance.now() - started;
  return { ctx, result, ms };
}

const total = (t: TestApp, table: typeof organizations | typeof persons | typeof events) =>
  t.db.select({ n: count() }).from(table).get()?.n ?? 0;

describe('demo data (SEED_DEMO=1)', () => {
  it('fills an empty database with the press-release cast and enough fictitious data, once', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    const { ctx, result, ms } = await seeded(t, admin.userId);
    console.log(`seedDemo took ${ms.toFixed(0)} ms: ${result?.summary}`);
    expect(result?.summary).toMatch(/Organisationen.*Personen.*Veranstaltungen/);

    expect(total(t, organizations)).toBeGreaterThanOrEqual(150);
    expect(total(t, persons)).toBeGreaterThanOrEqual(400);
    expect(total(t, events)).toBeGreaterThanOrEqual(20);

    const nodeDistricts = Object.fromEntries(
      t.db
        .select()
        .from(nodes)
        .all()
        .map((n) => [n.name, n.district]),
    );
    expect(nodeDistricts).toEqual({
      'QTI-Knoten Gotha': '16067',
      'QTI-Knoten Eisenach': '16063',
      'QTI-Knoten Sömmerda': '16068',
      'QTI-Knoten Weberstedt': '16064',
      'QTI-Knoten Rohr': '16066',
    });
    const rohr = t.db.select().from(nodes).where(eq(nodes.name, 'QTI-Knoten Rohr')).get()!;
    expect(rohr.openedOn).toBe('2024-11-15');
    expect(rohr.responsibleUserId).toBe(admin.userId);

    const leg = t.db
      .select()
      .from(organizations)
      .all()
      .filter((o) => o.name === 'LEG Thüringen' || o.shortName === 'LEG Thüringen');
    expect(leg).toHaveLength(1);
    expect(leg[0]).toMatchObject({
      postalCode: '99084',
      city: 'Erfurt',
      district: '16051',
      kind: 'economic_development',
    });

    // The opening in Rohr on 15.11.2024 with welcome speeches and a panel.
    const opening = t.db.select().from(events).where(eq(events.title, 'Eröffnung QTI-Knoten Rohr')).get()!;
    expect(opening).toMatchObject({ kind: 'opening', nodeId: rohr.id, location: 'BTZ Rohr' });
    expect(opening.startsAt.slice(0, 10)).toBe('2024-11-15');
    const cast = t.db.select().from(attendances).where(eq(attendances.eventId, opening.id)).all();
    const byRole = (role: string) => cast.filter((a) => a.role === role);
    expect(byRole('speaker')).toHaveLength(2);
    expect(byRole('panelist')).toHaveLength(3);
    expect(cast.filter((a) => a.role === 'guest' && a.status === 'attended').length).toBeGreaterThanOrEqual(55);
    const speakerOffices = byRole('speaker').flatMap((a) =>
      t.db.select().from(offices).where(eq(offices.personId, a.personId)).all(),
    );
    expect(speakerOffices.map((o) => o.title).sort()).toEqual(['Landrätin', 'Präsident']);

    // The hydrogen course: first run from January 2025, second run with 20 registered and a waiting list.
    const hydrogen = t.db
      .select()
      .from(events)
      .orderBy(asc(events.startsAt))
      .all()
      .filter((e) => e.title.includes('Wasserstoffanwendungen'));
    expect(hydrogen[0]?.startsAt.slice(0, 7)).toBe('2025-01');
    const statusCount = (eventId: number, status: string) =>
      t.db
        .select({ n: count() })
        .from(attendances)
        .where(and(eq(attendances.eventId, eventId), eq(attendances.status, status), eq(attendances.role, 'guest')))
        .get()?.n;
    expect(statusCount(hydrogen[0]!.id, 'interested')).toBeGreaterThanOrEqual(15);
    expect(statusCount(hydrogen[1]!.id, 'registered')).toBe(20);
    expect(statusCount(hydrogen[1]!.id, 'waitlisted')).toBeGreaterThan(0);

    // Every person is fictitious.
    const everyone = t.db.select().from(persons).all();
    for (const [first, last] of REAL_PEOPLE) {
      expect(everyone.filter((p) => p.nameKey === normalizePersonName(first, last))).toEqual([]);
      expect(everyone.filter((p) => p.lastName === last && last !== 'Müller')).toEqual([]);
    }

    // Vocabulary-consistent values.
    for (const o of t.db.select().from(organizations).all()) {
      expect(o.nameKey).toBe(normalizeOrgName(o.name));
      if (o.district !== null) expect(isDistrictCode(o.district)).toBe(true);
      if (o.sizeClass !== null) expect(o.sizeClass).toBe(sizeClassFor(o.employees ?? -1));
    }
    for (const s of t.db.select().from(organizationSectors).all()) expect(isValidWzCode(s.wzCode)).toBe(true);

    const fts = t.db.$client
      .prepare(`SELECT count(*) AS n FROM persons_fts WHERE persons_fts MATCH 'soemmerda*'`)
      .get() as { n: number };
    expect(fts.n).toBeGreaterThan(0);
    expect(t.db.$client.pragma('foreign_key_check')).toEqual([]);

    // A restart with SEED_DEMO=1 changes nothing.
    const counts = [total(t, organizations), total(t, persons), total(t, events)];
    expect(await seedDemo(ctx, { adminId: admin.userId })).toBeUndefined();
    expect([total(t, organizations), total(t, persons), total(t, events)]).toEqual(counts);
  });

  it('shows the logged demo contacts under "Letzte Aktivitäten" on a fresh start', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin');
    await seeded(t, admin.userId);
    const res = await t.as(admin.token, { method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(200);
    const activity = (res.json() as Dashboard).recentActivity;
    expect(activity).toHaveLength(10);
    for (const a of activity) {
      expect(a).toMatchObject({ entity: 'interaction', action: 'create', user: { id: admin.userId } });
      expect(a.label).toBeTruthy();
    }
    // Newest first, and no later than the newest logged contact.
    const ats = activity.map((a) => a.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const newest = t.db.$client.prepare('SELECT max(occurred_at) AS at FROM interactions').get() as { at: string };
    expect(ats[0]).toBe(newest.at);
  });

  it('is deterministic and works without an admin', async () => {
    const a = await createTestApp();
    const b = await createTestApp();
    const first = await seeded(a);
    const second = await seeded(b);
    expect(first.result?.summary).toBe(second.result?.summary);
    const names = (t: TestApp) =>
      t.db.select({ k: persons.nameKey, e: persons.email }).from(persons).orderBy(asc(persons.id)).all();
    expect(names(a)).toEqual(names(b));
    expect(
      a.db
        .select()
        .from(nodes)
        .all()
        .every((n) => n.responsibleUserId === null),
    ).toBe(true);
  });
});
