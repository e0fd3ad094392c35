import { affiliations, organizations, persons } from '@anett/db/schema';
import { normalizeOrgName } from '@anett/shared/normalize';
import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createAffiliation, createConsent, createOrganization, createPerson } from '../support/factories.ts';

/**
 * The app's own mailing-list files are a lossless exchange format: exporting persons as CSV or XLSX and importing the
 * file into an empty CRM gives back the same persons, affiliations, functions, organisation addresses, phones and
 * mobiles — whatever the names look like (umlauts, titles, leading '=', '+', '-', '@').
 */

const FORMULA_LEAD = ['', '', '', '=', '+', '-', '@'];
const withLead = (word: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom(...FORMULA_LEAD), word).map(([lead, w]) => `${lead}${w}`);
const firstNames = fc.constantFrom('Anna', 'Jördis', 'Björn', 'Ömer', 'Ægidius', 'Zoë', 'Hans-Jürgen', 'Renée', 'Åsa');
const lastNames = fc.constantFrom(
  'Müller',
  'Größer',
  'Süß',
  'von Weißenfels',
  "O'Neill",
  'Schmidt; Söhne',
  'HYPERLINK("http://evil.example","x")',
  'SUMME(1;2)',
  '1+1',
  "cmd|' /C calc'!A0",
  'Weber "der Ältere"',
);
const titles = fc.constantFrom(null, 'Dr.', 'Prof. Dr.', 'Prof. Dr.-Ing. habil.', 'Dipl.-Ing.', 'M.Sc.');
const digits = (min: number, max: number) =>
  fc.integer({ min: 10 ** (min - 1), max: 10 ** max - 1 }).map((n) => String(n));
const phones = fc.oneof(
  fc.tuple(digits(3, 4), digits(4, 6), digits(2, 3)).map(([a, b, c]) => `+49 ${a} ${b}-${c}`),
  fc.tuple(digits(3, 4), digits(5, 7)).map(([a, b]) => `0${a} ${b}`),
  fc.tuple(digits(3, 4), digits(6, 8)).map(([a, b]) => `+49 (0)${a}/${b}`),
  digits(10, 11).map((n) => `+49${n}`),
);
const mobiles = fc.oneof(
  fc.tuple(fc.integer({ min: 150, max: 179 }), digits(7, 8)).map(([a, b]) => `+49 ${a} ${b}`),
  fc.tuple(fc.integer({ min: 150, max: 179 }), digits(7, 8)).map(([a, b]) => `0${a} ${b}`),
);
/** Thuringian postcodes start with 0 or 9 (Jena 07745, Gera 07545, Altenburg 04600, Erfurt 99084). */
const postcodes = fc.oneof(
  fc.constantFrom('07745', '07545', '04600', '99084', '98530', '07318'),
  fc.integer({ min: 1000, max: 9999 }).map((n) => `0${n}`),
);
const cities = fc.constantFrom('Jena', 'Gera', 'Sömmerda', 'Mühlhausen/Thüringen', 'Rohr', 'Zella-Mehlis');
const streets = fc.constantFrom('Carl-Zeiss-Straße 1', 'Am Anger 7a', 'Löberstraße 34', 'Straße des Friedens 2');
const functions = fc.constantFrom(null, 'Geschäftsführerin', 'Leiter Einkauf; Logistik', '- Vertrieb -', '=Einkauf');
const orgNames = fc.constantFrom(
  'Präzisionsteile Müller GmbH',
  '=Formteile Gera AG',
  '@Home Mobility GmbH',
  '+Plus Zulieferer KG',
  '-Minus Technik e.K.',
  'Thüringer Achsen & Wellen GmbH',
  'Süßwaren „Glück“ eG',
);

const organizationSpec = fc.record({
  name: orgNames,
  street: fc.option(streets, { nil: null }),
  postalCode: fc.option(postcodes, { nil: null }),
  city: fc.option(cities, { nil: null }),
});
const personSpec = fc.record({
  salutation: fc.constantFrom('frau' as const, 'herr' as const, null),
  title: titles,
  firstName: withLead(firstNames),
  lastName: withLead(lastNames),
  phone: fc.option(phones, { nil: null }),
  mobile: fc.option(mobiles, { nil: null }),
  organization: fc.option(fc.nat(), { nil: null }),
  function: functions,
});
const worldSpec = fc.record({
  // Distinct by the key the import matches organisations with, so that each name is one organisation again.
  organizations: fc.uniqueArray(organizationSpec, {
    minLength: 1,
    maxLength: 4,
    selector: (o) => normalizeOrgName(o.name),
  }),
  persons: fc.array(personSpec, { minLength: 1, maxLength: 8 }),
});
type World = typeof worldSpec extends fc.Arbitrary<infer W> ? W : never;

/** Everything the files are meant to carry, per person, in a form that compares across two databases. */
function snapshot(t: TestApp) {
  const rows = t.db.select().from(persons).orderBy(asc(persons.email)).all();
  return rows.map((p) => {
    const links = t.db
      .select({ a: affiliations, o: organizations })
      .from(affiliations)
      .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
      .where(eq(affiliations.personId, p.id))
      .all();
    return {
      salutation: p.salutation,
      title: p.title,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      phone: p.phone,
      mobile: p.mobile,
      affiliations: links.map(({ a, o }) => ({
        function: a.function,
        isPrimary: a.isPrimary,
        organization: { name: o.name, street: o.street, postalCode: o.postalCode, city: o.city },
      })),
    };
  });
}

async function seed(world: World) {
  const t = await createTestApp();
  const orgs = world.organizations.map((o) => createOrganization(t.db, o));
  world.persons.forEach((spec, i) => {
    const { organization, function: fn, ...values } = spec;
    const person = createPerson(t.db, { ...values, email: `person${i + 1}@example.org` });
    createConsent(t.db, { personId: person.id, channel: 'email_newsletter', status: 'granted' });
    if (organization !== null) {
      const org = orgs[organization % orgs.length];
      if (org) createAffiliation(t.db, { personId: person.id, organizationId: org.id, function: fn, isPrimary: true });
    }
  });
  return t;
}

async function exportFile(t: TestApp, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const { token } = await t.login('manager');
  const res = await t.as(token, { method: 'GET', url: `/api/exports/persons.${format}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

/** Imports the file as a user would: preview, then commit every row as a new person with the e-mail consent. */
async function importFile(file: Buffer, format: 'csv' | 'xlsx') {
  const t = await createTestApp();
  const { token } = await t.login('manager');
  const body = {
    kind: 'persons',
    fileName: `verteiler.${format}`,
    contentBase64: file.toString('base64'),
    consent: { channel: 'email_newsletter' },
  };
  const preview = await t.post(token, '/api/imports/preview', body);
  expect(preview.statusCode, preview.body).toBe(200);
  const decisions = Object.fromEntries(preview.json().rows.map((r: { line: number }) => [String(r.line), 'create']));
  const commit = await t.post(token, '/api/imports/commit', { ...body, decisions });
  expect(commit.statusCode, commit.body).toBe(200);
  return t;
}

describe('export → import round trip', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`the app's own ${format.toUpperCase()} gives back the same persons, affiliations, addresses and numbers`, async () => {
      await fc.assert(
        fc.asyncProperty(worldSpec, async (world) => {
          const source = await seed(world);
          const file = await exportFile(source, format);
          const target = await importFile(file, format);
          expect(snapshot(target)).toEqual(snapshot(source));
          // And the re-exported file is the same file.
          if (format === 'csv') expect((await exportFile(target, format)).toString('utf8')).toBe(file.toString('utf8'));
        }),
        { numRuns: 12 },
      );
    }, 120_000);
  }
});
