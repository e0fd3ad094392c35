import { auditEntries, persons, personTags, tags, topics } from '@anett/db/schema';
import { createContext } from '@anett/server/context';
import { DEFAULT_TOPICS } from '@anett/shared/vocab/topics';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, fields } from '../support/app.ts';
import { createOrganization, createTag } from '../support/factories.ts';

async function setup() {
  const t = await createTestApp();
  const admin = await t.login('admin');
  const manager = await t.login('manager');
  const viewer = await t.login('viewer');
  return { t, admin: admin.token, manager: manager.token, viewer: viewer.token };
}

describe('tags', () => {
  it('lists every tag with usage counts of live organisations and persons', async () => {
    const { t, viewer } = await setup();
    const kmu = createTag(t.db, { name: 'KMU', color: 'teal' });
    const h2 = createTag(t.db, { name: 'Wasserstoff' });
    createTag(t.db, { name: 'leer' });
    createOrganization(t.db, { tagIds: [kmu.id, h2.id] });
    createOrganization(t.db, { tagIds: [kmu.id] });
    createOrganization(t.db, { tagIds: [kmu.id], deletedAt: '2024-01-01T00:00:00.000Z' });
    const person = t.db.insert(persons).values({ firstName: 'A', lastName: 'B', nameKey: 'a b' }).returning().get();
    t.db.insert(personTags).values({ personId: person.id, tagId: h2.id }).run();

    const res = await t.as(viewer, { method: 'GET', url: '/api/tags' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(res.json().items.map((tg: { name: string; usage: object }) => [tg.name, tg.usage])).toEqual([
      ['KMU', { organizations: 2, persons: 0 }],
      ['leer', { organizations: 0, persons: 0 }],
      ['Wasserstoff', { organizations: 1, persons: 1 }],
    ]);
    expect(res.json().items[0]).toMatchObject({ id: kmu.id, color: 'teal', version: 1, createdAt: expect.any(String) });
  });

  it('creates tags for managers, refusing a name taken in any case with 409 on name', async () => {
    const { t, manager } = await setup();
    const res = await t.post(manager, '/api/tags', { name: 'Pilotkurs', color: 'grape' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ name: 'Pilotkurs', color: 'grape', usage: { organizations: 0, persons: 0 } });
    const defaultColor = await t.post(manager, '/api/tags', { name: 'Ohne Farbe' });
    expect(defaultColor.json().color).toBe('blue');

    const taken = await t.post(manager, '/api/tags', { name: '  PILOTKURS ' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('TAG_NAME_TAKEN');
    expect(fields(taken)).toEqual(['name']);
    expect(t.db.select({ n: count() }).from(tags).get()?.n).toBe(2);
  });

  it('answers 400 naming the field for bad tag input', async () => {
    const { t, manager } = await setup();
    for (const [payload, field] of [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(61) }, 'name'],
      [{ name: 'Rot', color: 'crimson' }, 'color'],
      [{ name: 7 }, 'name'],
    ] as const) {
      const res = await t.post(manager, '/api/tags', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    expect(t.db.select({ n: count() }).from(tags).get()?.n).toBe(0);
  });

  it('patches a tag with If-Match: 428, 412, 409 on a taken name, 404 on an unknown id', async () => {
    const { t, manager } = await setup();
    const tag = createTag(t.db, { name: 'Alt' });
    createTag(t.db, { name: 'Vergeben' });
    const url = `/api/tags/${tag.id}`;
    expect((await t.patch(manager, url, { color: 'red' })).statusCode).toBe(428);
    const taken = await t.patch(manager, url, { name: 'vergeben' }, '"1"');
    expect(taken.statusCode).toBe(409);
    expect(fields(taken)).toEqual(['name']);
    const sameNameOtherCase = await t.patch(manager, url, { name: 'ALT', color: 'red' }, '"1"');
    expect(sameNameOtherCase.statusCode).toBe(200);
    expect(sameNameOtherCase.json()).toMatchObject({ name: 'ALT', color: 'red', version: 2 });
    const stale = await t.patch(manager, url, { color: 'lime' }, '"1"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().data.current).toMatchObject({ color: 'red', version: 2 });
    expect(t.db.select().from(tags).where(eq(tags.id, tag.id)).get()?.color).toBe('red');
    expect((await t.patch(manager, '/api/tags/999', { color: 'red' }, '"1"')).statusCode).toBe(404);
    const audit = t.db.select().from(auditEntries).where(eq(auditEntries.entity, 'tag')).all();
    expect(audit.map((a) => [a.action, a.diff])).toEqual([
      ['update', { name: ['Alt', 'ALT'], color: ['blue', 'red'] }],
    ]);
  });

  it('refuses tag writes to viewers', async () => {
    const { t, viewer } = await setup();
    const tag = createTag(t.db);
    expect((await t.post(viewer, '/api/tags', { name: 'X' })).statusCode).toBe(403);
    expect((await t.patch(viewer, `/api/tags/${tag.id}`, { name: 'X' }, '"1"')).statusCode).toBe(403);
    expect(t.db.select({ n: count() }).from(tags).get()?.n).toBe(1);
  });
});

describe('topics', () => {
  it('seeds the default topics once on an empty table', async () => {
    const { t, viewer } = await setup();
    const res = await t.as(viewer, { method: 'GET', url: '/api/topics' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(DEFAULT_TOPICS.length);
    expect(
      res
        .json()
        .items.map((tp: { slug: string }) => tp.slug)
        .sort(),
    ).toEqual(DEFAULT_TOPICS.map((d) => d.slug).sort());
    expect(res.json().items.find((tp: { slug: string }) => tp.slug === 'wasserstoff')).toMatchObject({
      label: 'Wasserstoff',
      labelEn: 'Hydrogen',
      active: true,
    });
    // A second start (another app on the same file) adds nothing.
    expect(createContext(t.db, t.config).tags.ensureDefaultTopics()).toBe(0);
    expect(t.db.select({ n: count() }).from(topics).get()?.n).toBe(DEFAULT_TOPICS.length);
  });

  it('lets admins create topics with a derived or given slug, refusing a taken slug with 409', async () => {
    const { t, admin } = await setup();
    const derived = await t.post(admin, '/api/topics', { label: 'Grüne Logistik & Häfen', labelEn: 'Green logistics' });
    expect(derived.statusCode, derived.body).toBe(201);
    expect(derived.json()).toMatchObject({ slug: 'gruene-logistik-haefen', active: true, version: 1 });
    const given = await t.post(admin, '/api/topics', { slug: 'ki-2', label: 'KI', labelEn: 'AI', active: false });
    expect(given.json()).toMatchObject({ slug: 'ki-2', active: false });

    const taken = await t.post(admin, '/api/topics', { label: 'Wasserstoff', labelEn: 'Hydrogen' });
    expect(taken.statusCode).toBe(409);
    expect(fields(taken)).toEqual(['slug']);
    const badSlug = await t.post(admin, '/api/topics', { slug: 'Mit Leerzeichen', label: 'X', labelEn: 'X' });
    expect(badSlug.statusCode).toBe(400);
    expect(fields(badSlug)).toEqual(['slug']);
    const noLabel = await t.post(admin, '/api/topics', { labelEn: 'X' });
    expect(fields(noLabel)).toEqual(['label']);
    const noSlug = await t.post(admin, '/api/topics', { label: '!!!', labelEn: 'X' });
    expect(noSlug.statusCode).toBe(400);
    expect(fields(noSlug)).toEqual(['slug']);
    expect(t.db.select({ n: count() }).from(topics).get()?.n).toBe(DEFAULT_TOPICS.length + 2);
  });

  it('lets admins patch label and active flag with If-Match but never the slug', async () => {
    const { t, admin } = await setup();
    const topic = t.db.select().from(topics).where(eq(topics.slug, 'leichtbau')).get();
    const url = `/api/topics/${topic?.id}`;
    expect((await t.patch(admin, url, { active: false })).statusCode).toBe(428);
    const slug = await t.patch(admin, url, { slug: 'neu' }, '"1"');
    expect(slug.statusCode).toBe(400);
    const ok = await t.patch(admin, url, { active: false, labelEn: 'Lightweight design' }, '"1"');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ slug: 'leichtbau', active: false, labelEn: 'Lightweight design', version: 2 });
    expect((await t.patch(admin, url, { active: true }, '"1"')).statusCode).toBe(412);
    expect((await t.patch(admin, '/api/topics/9999', { active: true }, '"1"')).statusCode).toBe(404);
  });

  it('refuses topic writes to managers and viewers', async () => {
    const { t, manager, viewer } = await setup();
    const topic = t.db.select().from(topics).get();
    for (const token of [manager, viewer]) {
      expect((await t.post(token, '/api/topics', { label: 'X', labelEn: 'X' })).statusCode).toBe(403);
      expect((await t.patch(token, `/api/topics/${topic?.id}`, { active: false }, '"1"')).statusCode).toBe(403);
    }
    expect(t.db.select({ n: count() }).from(topics).get()?.n).toBe(DEFAULT_TOPICS.length);
  });
});
