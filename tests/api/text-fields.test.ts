import { organizations, persons } from '@anett/db/schema';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';

/** Characters that are invisible or turn text around ("Trojan Source"), and that garble CSV cells. */
const hostile = {
  nul: 'Ma\u0000ier',
  escape: 'Mai\u001b[31mer',
  bell: 'Maier\u0007',
  rtlOverride: 'Maier\u202Egpj.exe',
  rtlIsolate: '\u2067Maier',
  tab: 'Mai\ter',
};

describe('names and short texts refuse control and bidi characters', () => {
  it.each(Object.entries(hostile))(
    'refuses a last name with %s, naming the field, and stores nothing',
    async (_, value) => {
      const t = await createTestApp();
      const { token } = await t.login('manager');
      const res = await t.post(token, '/api/persons', { firstName: 'Anna', lastName: value });
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().errors.find((e: { field: string }) => e.field === 'lastName');
      expect(error?.message).toMatch(/Steuerzeichen|Textrichtung/);
      expect(t.db.select({ n: count() }).from(persons).get()?.n).toBe(0);
    },
  );

  it('refuses them in organisation names, segment names and user names as well', async () => {
    const t = await createTestApp();
    const { token } = await t.login('admin');
    const org = await t.post(token, '/api/organizations', { name: 'ACME\u202E GmbH', kind: 'company' });
    expect(org.statusCode).toBe(400);
    expect(org.json().errors[0].field).toBe('name');
    expect(t.db.select({ n: count() }).from(organizations).get()?.n).toBe(0);
    const segment = await t.post(token, '/api/segments', { name: 'Verteiler\u0000', filter: {}, shared: false });
    expect(segment.statusCode).toBe(400);
    expect(segment.json().errors[0].field).toBe('name');
    const user = await t.post(token, '/api/users', { email: 'x@example.org', name: 'X\u001bY', role: 'viewer' });
    expect(user.statusCode).toBe(400);
    expect(user.json().errors[0].field).toBe('name');
  });

  it('keeps tabs and line breaks in multi-line notes, but not other control characters', async () => {
    const t = await createTestApp();
    const { token } = await t.login('manager');
    const ok = await t.post(token, '/api/persons', {
      firstName: 'Anna',
      lastName: 'Maier',
      notes: 'Zeile 1\nZeile 2\r\n\tEingerückt',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().notes).toBe('Zeile 1\nZeile 2\r\n\tEingerückt');
    const bad = await t.post(token, '/api/persons', { firstName: 'Berta', lastName: 'Maier', notes: 'Zeile\u0000 1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('notes');
    const bidi = await t.post(token, '/api/interactions', {
      kind: 'note',
      subject: 'Notiz',
      summary: 'harmlos\u202Etxt.exe',
    });
    expect(bidi.statusCode).toBe(400);
    expect(bidi.json().errors.map((e: { field: string }) => e.field)).toContain('summary');
  });
});
