import { readFileSync } from 'node:fs';
import type { Page as PageOf } from '@anett/shared/schemas/common';
import type { PersonListItem } from '@anett/shared/schemas/person';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { useBrowser } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';

const fullName = (p: PersonListItem) => [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Three demo persons whose names are unique, so a search by name finds exactly them. */
async function threeDemoPersons(get: Awaited<ReturnType<typeof adminApi>>['get']) {
  const page = await get<PageOf<PersonListItem>>('/api/persons?pageSize=200&sort=lastName&hasEmail=true');
  const counts = new Map<string, number>();
  for (const p of page.items) counts.set(p.lastName, (counts.get(p.lastName) ?? 0) + 1);
  const unique = page.items.filter((p) => counts.get(p.lastName) === 1 && !p.title);
  // Spread over the alphabet: other tests may use the first ones.
  return [unique[3], unique[13], unique[23]].filter((p): p is PersonListItem => p !== undefined);
}

async function pickPerson(page: Page, person: PersonListItem) {
  const dialog = page.getByRole('dialog');
  const input = dialog.getByPlaceholder('Name, E-Mail oder Organisation');
  await input.fill(`${person.firstName} ${person.lastName}`);
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(fullName(person))}`) }).click();
}

describe('events and attendance in a real browser', () => {
  const b = useBrowser();

  it('creates an event with 2 seats, waitlists the third registration, promotes on cancellation, checks in', async () => {
    const get = (await adminApi()).get;
    const people = await threeDemoPersons(get);
    expect(people).toHaveLength(3);
    const [first, second, third] = people as [PersonListItem, PersonListItem, PersonListItem];
    const title = `E2E Netzwerkabend ${Date.now()}`;

    const page = await b.newPage();
    await b.login(page);
    await page.goto('/veranstaltungen');
    await page.getByRole('heading', { name: 'Veranstaltungen' }).waitFor();
    await b.screenshot(page, 'events-list');

    // Create: title, start (picked in the German date picker), 2 seats
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    const form = page.getByRole('dialog', { name: 'Neue Veranstaltung' });
    await form.getByLabel('Titel').fill(title);
    await form.getByLabel('Beginn').click();
    await page.getByRole('button', { name: 'Nächster Monat' }).click();
    await page.getByRole('button', { name: /^15 / }).click();
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await form.getByLabel('Plätze').fill('2');
    await form.getByLabel('Ort').fill('BTZ Rohr');
    await b.screenshot(page, 'events-form');
    await form.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page.waitForURL(/\/veranstaltungen\/\d+$/);
    await page.getByRole('heading', { name: title }).waitFor();

    // Register three persons: the third lands on the waiting list, and the notice says so
    await page.getByRole('button', { name: 'Teilnehmende hinzufügen' }).click();
    for (const p of people) await pickPerson(page, p);
    await page.getByRole('dialog').getByRole('button', { name: '3 Personen hinzufügen' }).click();
    await page.getByText(/1 Person steht auf der Warteliste, weil alle Plätze belegt sind/).waitFor();
    await page.getByText('Warteliste (1)', { exact: true }).waitFor();
    await page.getByText('Angemeldet (2)', { exact: true }).waitFor();
    await b.screenshot(page, 'events-waitlist');

    const rows = await get<PageOf<{ personId: number; status: string; person: PersonListItem }>>(
      `/api/events/${page.url().split('/').pop()}/attendances?pageSize=10`,
    );
    const waitlisted = rows.items.find((r) => r.status === 'waitlisted');
    const registered = rows.items.filter((r) => r.status === 'registered');
    expect(waitlisted?.personId).toBe(third.id);
    expect(registered.map((r) => r.personId).sort()).toEqual([first.id, second.id].sort());

    // Cancel the first: the waitlisted person moves up, and a notification names them
    await page.getByRole('button', { name: `Status von ${fullName(first)}: Angemeldet – ändern` }).click();
    await page.getByRole('menuitem', { name: 'Abgesagt' }).click();
    await page.getByText(`${fullName(third)} hat den frei gewordenen Platz bekommen.`).waitFor();
    await page.getByText('Warteliste (0)', { exact: true }).waitFor();
    await page.getByText('Abgesagt (1)', { exact: true }).waitFor();
    await b.screenshot(page, 'events-promoted');

    // Check-in mode on a tablet: type a name (without umlauts), Enter marks the person attended
    await page.getByRole('link', { name: 'Check-in-Modus' }).click();
    await page.waitForURL(/\/checkin$/);
    await page.setViewportSize({ width: 768, height: 1024 });
    const search = page.getByLabel('Teilnehmende suchen');
    await search.waitFor();
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    const folded = second.lastName
      .toLowerCase()
      .replace(/ä/g, 'a')
      .replace(/ö/g, 'o')
      .replace(/ü/g, 'u')
      .replace(/ß/g, 'ss');
    await search.fill(folded);
    await page.getByRole('option', { name: new RegExp(escapeRegExp(fullName(second))) }).waitFor();
    await b.screenshot(page, 'events-checkin-search');
    await search.press('Enter');
    // The event is next month: checking in before its day asks first.
    await page.getByRole('dialog', { name: 'Veranstaltung hat noch nicht begonnen' }).waitFor();
    await page.getByRole('button', { name: 'Trotzdem einchecken' }).click();
    await page.getByText(`${fullName(second)} ist eingecheckt`).waitFor();
    const present = page.getByLabel('Zahlen (laufend aktualisiert)').getByText('Anwesend').locator('..');
    await expect.poll(() => present.textContent()).toContain('1');
    await b.screenshot(page, 'events-checkin-done');

    // A walk-in in three fields
    await page.getByRole('button', { name: 'Ohne Anmeldung', exact: true }).click();
    const walkIn = page.getByRole('dialog', { name: 'Ohne Anmeldung erfassen' });
    await walkIn.getByLabel('Vorname').fill('Wanda');
    await walkIn.getByLabel('Nachname').fill(`Walkin${Date.now()}`);
    await walkIn.getByLabel('E-Mail').fill(`wanda.${Date.now()}@example.org`);
    await walkIn.getByRole('button', { name: 'Erfassen und einchecken' }).click();
    await page.getByText(/wurde ohne Anmeldung erfasst und eingecheckt/).waitFor();
    await expect.poll(() => present.textContent()).toContain('2');
    await b.screenshot(page, 'events-checkin-tablet');
  });

  it('shows the month calendar and moves between months by keyboard', async () => {
    const page = await b.newPage();
    await b.login(page);
    await page.goto('/veranstaltungen?view=calendar&month=2024-11');
    await page
      .getByRole('link', { name: /Eröffnung QTI-Knoten Rohr/ })
      .first()
      .waitFor();
    await b.screenshot(page, 'events-calendar');
    await page.getByRole('button', { name: 'Nächster Monat' }).focus();
    await page.keyboard.press('PageDown');
    await page.waitForURL(/month=2024-12/);
    await page.getByRole('heading', { name: 'Dezember 2024' }).waitFor();
  });

  it("downloads the certificates of a course and one participant's certificate as PDF", async () => {
    const get = (await adminApi()).get;
    const courses = await get<PageOf<{ id: number; title: string }>>(
      `/api/events?kind=course&q=${encodeURIComponent('Pilotlehrgang Fahrzeugkomponenten')}`,
    );
    const course = courses.items[0];
    expect(course).toBeDefined();
    const page = await b.newPage();
    await b.login(page);
    await page.goto(`/veranstaltungen/${course?.id}`);
    await page.getByRole('heading', { level: 1, name: 'Pilotlehrgang Fahrzeugkomponenten' }).waitFor();

    const allEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Alle Teilnahmebescheinigungen (PDF)' }).click();
    const all = await allEvent;
    expect(all.suggestedFilename()).toBe('Teilnahmebescheinigungen-Pilotlehrgang-Fahrzeugkomponenten.pdf');
    const allPdf = await readPdf(readFileSync((await all.path()) as string));
    for (const text of allPdf.pages) expect(text).toMatch(/^Teilnahmebescheinigung Hiermit wird bestätigt, dass/);
    // One page per guest who attended; trainers and the organiser get a confirmation of their contribution instead.
    type Row = { person: { title: string | null; firstName: string; lastName: string }; role: string };
    const attended = await get<PageOf<Row>>(`/api/events/${course?.id}/attendances?status=attended&pageSize=500`);
    const guests = attended.items.filter((a) => a.role === 'guest');
    const staff = attended.items.filter((a) => a.role === 'trainer' || a.role === 'organiser');
    expect(staff.length).toBeGreaterThan(0);
    expect(allPdf.pages).toHaveLength(guests.length);
    for (const a of staff) {
      expect(allPdf.text).not.toContain(`${a.person.firstName} ${a.person.lastName}`);
      const name = [a.person.title, a.person.firstName, a.person.lastName].filter(Boolean).join(' ');
      await page.getByRole('button', { name: `Bestätigung der Mitwirkung (PDF) für ${name}` }).waitFor();
      await expect(
        page.getByRole('button', { name: `Teilnahmebescheinigung (PDF) für ${name}` }).count(),
      ).resolves.toBe(0);
    }
    await b.screenshot(page, 'course-certificates-and-contributions');

    const oneEvent = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /^Teilnahmebescheinigung \(PDF\) für / })
      .first()
      .click();
    const one = await oneEvent;
    expect(one.suggestedFilename()).toMatch(/^Teilnahmebescheinigung-.+-Pilotlehrgang-Fahrzeugkomponenten\.pdf$/);
    const onePdf = await readPdf(readFileSync((await one.path()) as string));
    expect(onePdf.pages).toHaveLength(1);
    expect(allPdf.pages).toContain(onePdf.pages[0]);

    const listEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Teilnehmerliste (PDF)' }).click();
    const list = await readPdf(readFileSync((await (await listEvent).path()) as string));
    expect(list.pages[0]).toMatch(/^Teilnehmerliste Pilotlehrgang Fahrzeugkomponenten/);
  });
});
