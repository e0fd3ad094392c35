import { createContext } from '@anett/server/context';
import { seedDemo } from '@anett/server/seed/demo';
// @ts-expect-error -- @types/papaparse is installed for the server package only; the parse call is typed below.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { headlineAnswers, newsletterRecipients } from '../support/headline.ts';

const csvRows = (body: string) =>
  (Papa as { parse: (text: string, options: object) => { data: string[][] } })
    .parse(body.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      skipEmptyLines: true,
    })
    .data.slice(1);
const g = (group: object) => encodeURIComponent(JSON.stringify(group));
const Y2024 = { from: '2024-01-01', to: '2024-12-31' };

/** The demo data, an admin token and the answers computed from the raw rows. */
async function demo() {
  const t = await createTestApp();
  const admin = await t.login('admin');
  await seedDemo(createContext(t.db, t.config), { adminId: admin.userId });
  const expected = headlineAnswers(t.db.$client);
  const ids = async (qs: string) => {
    const res = await t.as(admin.token, { method: 'GET', url: `/api/persons?pageSize=500&${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((p) => p.id).sort((a, b) => a - b);
  };
  return { t, token: admin.token, expected, ids };
}

// Seeding the demo data alone takes seconds on a loaded machine.
describe('the headline questions on the demo data', { timeout: 30_000 }, () => {
  it('WZ 29 in Schmalkalden-Meiningen who attended a QTI event in 2024 but no course in 2024: list, segment and CSV agree with the raw rows', async () => {
    const { t, token, expected, ids } = await demo();
    // Not a vacuous answer: some of the 18 qualify, some do not.
    expect(expected.base.length).toBe(18);
    expect(expected.qtiNoCourse2024.length).toBeGreaterThan(0);
    expect(expected.qtiNoCourse2024.length).toBeLessThan(expected.base.length);

    const qs = `sector=29&district=16066&attended=${g({ ...Y2024, nodeId: expected.nodeIds })}&notAttended=${g({ ...Y2024, eventKind: ['course'] })}`;
    expect(await ids(qs)).toEqual(expected.qtiNoCourse2024);

    const segment = await t.post(token, '/api/segments', {
      name: 'QTI 2024 ohne Lehrgang',
      filter: {
        sector: ['29'],
        district: ['16066'],
        attended: [{ ...Y2024, nodeId: expected.nodeIds }],
        notAttended: [{ ...Y2024, eventKind: ['course'] }],
      },
    });
    expect(segment.json().count).toBe(expected.qtiNoCourse2024.length);

    // The CSV: exactly the newsletter recipients among them, by e-mail address.
    const csv = await t.as(token, { method: 'GET', url: `/api/exports/persons.csv?${qs}&channel=email_newsletter` });
    expect(csv.statusCode).toBe(200);
    const rows = csvRows(csv.body);
    const recipients = newsletterRecipients(t.db.$client, expected.qtiNoCourse2024);
    const emailOf = (id: number) =>
      (t.db.$client.prepare('SELECT email FROM persons WHERE id = ?').get(id) as { email: string }).email;
    const emailColumn = 10;
    expect(rows.map((r) => r[emailColumn]).sort()).toEqual(recipients.map(emailOf).sort());
    // With a stated purpose consent is not needed: everyone with an address (none of them is withdrawn or suppressed here).
    const purpose = encodeURIComponent('Einladung zur Mitgliederversammlung');
    const all = await t.as(token, { method: 'GET', url: `/api/exports/persons.csv?${qs}&purpose=${purpose}` });
    const allRows = csvRows(all.body);
    expect(allRows.length).toBeGreaterThan(rows.length);
    expect(allRows.length).toBeLessThanOrEqual(expected.qtiNoCourse2024.length);
  });

  it('did not attend anything in 2024 (WZ 29 × Schmalkalden-Meiningen): 2 of 18, where excluding all eight kinds gave 0', async () => {
    const { expected, ids } = await demo();
    expect(expected.noAttendance2024.length).toBe(2);
    expect(await ids(`sector=29&district=16066&notAttended=${g(Y2024)}`)).toEqual(expected.noAttendance2024);
    // The same with every kind named in the group.
    const kinds = ['opening', 'panel', 'workshop', 'course', 'network_meeting', 'webinar', 'fair', 'other'];
    expect(await ids(`sector=29&district=16066&notAttended=${g({ ...Y2024, eventKind: kinds })}`)).toEqual(
      expected.noAttendance2024,
    );
  });
});
