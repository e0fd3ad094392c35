import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attendance } from '@anett/shared/schemas/attendance';
import type { EventDetail } from '@anett/shared/schemas/event';
import type { Person } from '@anett/shared/schemas/person';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { useBrowser } from '../support/browser.ts';

/** Nothing is lost or changed without a word: merge, capacity, sessions, check-in (issue 11, item 5). */

const shotsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-results/shots');
const shot = async (page: Page, name: string) => {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
};

/** 'YYYY-MM-DD HH:mm' in Berlin time of an instant. */
const berlin = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

describe('no silent data loss in a real browser', () => {
  const b = useBrowser();

  it('a course session keeps the end time typed; the next one defaults to the day after; sessions show at once', async () => {
    const call = await adminApi();
    const page = await b.newPage();
    await b.login(page);
    await page.goto('/veranstaltungen');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    const form = page.getByRole('dialog', { name: 'Neue Veranstaltung' });
    const title = `E2E Lehrgang ${Date.now()}`;
    await form.getByLabel('Titel').fill(title);
    await form.getByRole('combobox', { name: 'Art' }).click();
    await page.getByRole('option', { name: 'Lehrgang' }).click();
    await form.getByRole('button', { name: 'Beginn' }).click();
    await page.getByRole('button', { name: 'Nächster Monat' }).click();
    await page.getByRole('button', { name: /^15 / }).click();
    await page.getByRole('button', { name: 'Übernehmen' }).click();

    // First session: on the event's day; the end time typed as people type it.
    await form.getByRole('button', { name: 'Termin hinzufügen' }).click();
    // The event's own end comes first; then one end time per session.
    const ends = form.getByLabel('Ende', { exact: true });
    await ends.nth(1).click();
    await page.keyboard.type('16:30');
    // Second session: the day after the first, not the first one's day again.
    await form.getByRole('button', { name: 'Termin hinzufügen' }).click();
    const starts = form.getByRole('button', { name: 'Beginn' });
    const firstStart = (await starts.nth(1).textContent()) ?? '';
    const secondStart = (await starts.nth(2).textContent()) ?? '';
    const [d, m, y] = firstStart.slice(0, 10).split('.').map(Number) as [number, number, number];
    const nextDay = new Date(Date.UTC(y, m - 1, d + 1));
    const expected = `${String(nextDay.getUTCDate()).padStart(2, '0')}.${String(nextDay.getUTCMonth() + 1).padStart(2, '0')}.${nextDay.getUTCFullYear()}`;
    expect(secondStart.slice(0, 10)).toBe(expected);
    await expect.poll(() => ends.nth(2).inputValue()).toBe('16:30');
    await ends.nth(2).fill('12');
    await form.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
    await page.waitForURL(/\/veranstaltungen\/\d+$/);
    const id = Number(page.url().split('/').pop());

    // Saved with both end times, and on the event page at once although nobody is registered.
    const event = await call<EventDetail>('GET', `/api/events/${id}`);
    expect(event.sessions.map((s) => s.endsAt && berlin(s.endsAt).slice(11))).toEqual(['16:30', '12:00']);
    const matrix = page.locator('section', { has: page.getByRole('heading', { name: 'Anwesenheit je Termin' }) });
    await matrix.getByText('Noch niemand angemeldet').waitFor();
    await expect.poll(() => matrix.getByRole('columnheader').count()).toBeGreaterThanOrEqual(2);
    await matrix.getByText(firstStart.slice(0, 10)).waitFor();
  });

  it('merging keeps the duplicate’s second e-mail: chosen side by side, shown on the person, found by search', async () => {
    const call = await adminApi();
    const n = Date.now();
    const target = await call<Person>('POST', '/api/persons', {
      salutation: 'frau',
      firstName: 'Mira',
      lastName: `Zusammen${n}`,
      email: `mira.${n}@zulieferer.example`,
      phone: '03621 111',
    });
    const source = await call<Person>('POST', '/api/persons', {
      salutation: 'frau',
      title: 'Dr.',
      firstName: 'Mira',
      lastName: `Zusammen${n}`,
      email: `m.zusammen.${n}@privat.example`,
      mobile: '0171 222',
      confirmDuplicate: true,
    });

    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    await page.goto(`/personen/${target.id}`);
    await page.getByRole('heading', { level: 1, name: `Mira Zusammen${n}` }).waitFor();
    await page.getByRole('button', { name: 'Weitere Aktionen' }).click();
    await page.getByRole('menuitem', { name: 'Zusammenführen' }).click();
    const modal = page.getByRole('dialog', { name: 'Person zusammenführen' });
    await modal.getByLabel('Doppelte Person').fill(`Zusammen${n}`);
    await page.getByRole('option', { name: new RegExp(`^Dr\\. Mira Zusammen${n}`) }).click();

    // Both values side by side, one choice per field that differs; the main e-mail stays this person's.
    const email = modal.getByRole('radiogroup', { name: 'E-Mail' });
    await email.waitFor();
    expect(await email.getByRole('radio', { name: new RegExp(`mira\\.${n}@zulieferer`) }).isChecked()).toBe(true);
    expect(await email.getByRole('radio', { name: new RegExp(`m\\.zusammen\\.${n}@privat`) }).isChecked()).toBe(false);
    await modal.getByRole('radiogroup', { name: 'Titel' }).getByRole('radio', { name: /Dr\./ }).waitFor();
    await modal.getByText(`Bleibt als weitere Angabe erhalten: m.zusammen.${n}@privat.example`).waitFor();
    await shot(page, 'merge-modal');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'merge-modal-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await modal.getByRole('button', { name: 'Zusammenführen' }).click();
    await page.getByText(/wurde in .* übernommen/).waitFor();

    // On the merged person: the second address as an additional e-mail, the mobile filled in.
    const more = page.getByTestId('contact-points');
    await more.getByRole('link', { name: `m.zusammen.${n}@privat.example` }).waitFor();
    await page.getByRole('link', { name: '0171 222' }).waitFor();
    await shot(page, 'merge-result-person');

    // Search finds her by the second address.
    await page.goto(`/personen?q=${encodeURIComponent(`m.zusammen.${n}@privat.example`)}`);
    const rows = page.getByRole('row', { name: new RegExp(`Zusammen${n}`) });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const found = await call<{ items: Person[]; total: number }>(
      'GET',
      `/api/persons?q=${encodeURIComponent(`m.zusammen.${n}@privat.example`)}`,
    );
    expect(found.items.map((p) => p.id)).toEqual([target.id]);
    expect((await call<Person>('GET', `/api/persons/${source.id}`)).mergedIntoId).toBe(target.id);
  });

  it('merging organisations chooses per field side by side and keeps the other e-mail in the notes', async () => {
    const call = await adminApi();
    const n = Date.now();
    const target = await call<{ id: number }>('POST', '/api/organizations', {
      name: `Fügewerk ${n}`,
      kind: 'company',
      email: `info.${n}@fuegewerk.example`,
      city: 'Gotha',
    });
    await call('POST', '/api/organizations', {
      name: `Fügewerk ${n} GmbH`,
      kind: 'company',
      email: `vertrieb.${n}@fuegewerk.example`,
      city: 'Gotha',
      confirmDuplicate: true,
    });
    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    await page.goto(`/organisationen/${target.id}`);
    await page.getByRole('button', { name: 'Weitere Aktionen' }).click();
    await page.getByRole('menuitem', { name: 'Zusammenführen' }).click();
    const modal = page.getByRole('dialog', { name: 'Organisation zusammenführen' });
    await modal.getByLabel('Doppelte Organisation').fill(`Fügewerk ${n} GmbH`);
    await page.getByRole('option', { name: new RegExp(`^Fügewerk ${n} GmbH`) }).click();
    const name = modal.getByRole('radiogroup', { name: 'Name' });
    await name.getByRole('radio', { name: `Fügewerk ${n} GmbH` }).check();
    await modal.getByText(`In die Notizen übernommen: vertrieb.${n}@fuegewerk.example`).waitFor();
    await shot(page, 'merge-organisation-modal');
    await modal.getByRole('button', { name: 'Zusammenführen' }).click();
    await page.getByRole('heading', { level: 1, name: `Fügewerk ${n} GmbH` }).waitFor();
    await page.getByText(`E-Mail: vertrieb.${n}@fuegewerk.example`, { exact: false }).waitFor();
  });

  it('refuses a capacity below the bookings in the event form, saves it only when confirmed, names who moves up', async () => {
    const call = await adminApi();
    const n = Date.now();
    const people = await Promise.all(
      [1, 2, 3, 4].map((i) => call<Person>('POST', '/api/persons', { firstName: `Kapa${i}`, lastName: `Zität${n}` })),
    );
    const event = await call<EventDetail>('POST', '/api/events', {
      title: `E2E Kapazität ${n}`,
      kind: 'workshop',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      capacity: 5,
    });
    await call('POST', `/api/events/${event.id}/attendances`, { personIds: people.slice(0, 3).map((p) => p.id) });

    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    await page.goto(`/veranstaltungen/${event.id}`);
    await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
    const edit = async () => {
      await page.getByRole('button', { name: 'Weitere Aktionen' }).click();
      await page.getByRole('menuitem', { name: 'Bearbeiten' }).click();
      return page.getByRole('dialog', { name: 'Veranstaltung bearbeiten' });
    };
    let form = await edit();
    await form.getByRole('textbox', { name: 'Plätze' }).fill('2');
    await form.getByRole('button', { name: 'Speichern' }).click();
    const warning = form.getByRole('alert').filter({ hasText: 'Weniger Plätze als Anmeldungen' });
    await warning.getByText('3 Plätze sind schon belegt, eingetragen sind 2.', { exact: false }).waitFor();
    await form.getByText('Schon 3 Plätze belegt.').waitFor();
    expect((await call<EventDetail>('GET', `/api/events/${event.id}`)).capacity).toBe(5);
    await shot(page, 'event-form-capacity-below-bookings');

    await warning.getByRole('button', { name: 'Trotzdem speichern' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('3 / 2', { exact: true }).waitFor();
    expect((await call<EventDetail>('GET', `/api/events/${event.id}`)).capacity).toBe(2);

    // The fourth registration waits; more seats move her up, and a notice names her.
    await call('POST', `/api/events/${event.id}/attendances`, { personId: people[3]?.id });
    await page.reload();
    form = await edit();
    await form.getByRole('textbox', { name: 'Plätze' }).fill('6');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`Kapa4 Zität${n} hat den frei gewordenen Platz bekommen.`).waitFor();
  });

  it('check-in before the event asks first, and a check-in can be undone in check-in mode and in the list', async () => {
    const call = await adminApi();
    const n = Date.now();
    const [anna, bernd] = await Promise.all(
      ['Anna', 'Bernd'].map((firstName) => call<Person>('POST', '/api/persons', { firstName, lastName: `Undo${n}` })),
    );
    if (!anna || !bernd) throw new Error('persons not created');
    const event = await call<EventDetail>('POST', '/api/events', {
      title: `E2E Check-in ${n}`,
      kind: 'network_meeting',
      startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });
    await call('POST', `/api/events/${event.id}/attendances`, { personIds: [anna.id, bernd.id] });
    const statusOf = async (personId: number) =>
      (await call<Attendance>('GET', `/api/events/${event.id}/attendances/${personId}`)).status;

    const page = await b.newPage({ viewport: { width: 768, height: 1024 } });
    await b.login(page);
    await page.goto(`/veranstaltungen/${event.id}/checkin`);
    const search = page.getByLabel('Teilnehmende suchen');
    await search.fill(`anna undo${n}`);
    // Enter checks in the one match: wait until the attendance list has loaded and shows her.
    await page.getByText(`Anna Undo${n}`).first().waitFor();
    await search.press('Enter');
    const ask = page.getByRole('dialog', { name: 'Veranstaltung hat noch nicht begonnen' });
    await ask.getByText(/Die Veranstaltung beginnt erst am/).waitFor();
    expect(await statusOf(anna.id)).toBe('registered');
    await ask.getByRole('button', { name: 'Trotzdem einchecken' }).click();
    await page.getByText(`Anna Undo${n} ist eingecheckt`).waitFor();
    expect(await statusOf(anna.id)).toBe('attended');
    await shot(page, 'checkin-undo');

    // The wrong name: undo right from the confirmation.
    await page.getByRole('button', { name: `Rückgängig: Check-in von Anna Undo${n}` }).click();
    await page.getByText(`Check-in von Anna Undo${n} rückgängig gemacht.`).waitFor();
    expect(await statusOf(anna.id)).toBe('registered');

    // In the attendance table of the event page.
    await call('POST', `/api/events/${event.id}/check-in`, { personId: bernd.id, confirm: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/veranstaltungen/${event.id}`);
    await page.getByRole('button', { name: `Rückgängig: Check-in von Bernd Undo${n}` }).click();
    await page.getByText(`Check-in von Bernd Undo${n} rückgängig gemacht.`).waitFor();
    expect(await statusOf(bernd.id)).toBe('registered');
  });
});
