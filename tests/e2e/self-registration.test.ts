import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { runAxe } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';

const b = useBrowser();

/** The confirmation mail as it waits in the outbox (the test server has no SMTP server). */
function confirmationLink(email: string): string | undefined {
  const db = new Database(inject('databasePath'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare("SELECT text_body AS text FROM mail_outbox WHERE to_address = ? AND kind = 'registration_confirm'")
      .get(email) as { text: string } | undefined;
    return /(https?:\/\/\S+\/bestaetigung\?token=\S+)/.exec(row?.text ?? '')?.[1];
  } finally {
    db.close();
  }
}

describe('public registration page', () => {
  it('a visitor registers on the German page, confirms by the link in the mail and sees the confirmation', async () => {
    const call = await adminApi();
    const startsAt = new Date(Date.now() + 40 * 86_400_000);
    startsAt.setUTCHours(8, 0, 0, 0);
    const event = await call<{ id: number; publicSlug: string }>('POST', '/api/events', {
      title: `Netzwerktreffen Südthüringen ${Date.now()}`,
      kind: 'network_meeting',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
      location: 'BTZ Rohr, Kloster Rohr',
      capacity: 40,
      description: 'Austausch der Zulieferer zu Wasserstoff und Qualifizierung.',
      publicRegistration: true,
    });

    // Phone width first: the same page must work at 390 px.
    const phone = await b.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`/anmeldung/${event.publicSlug}`);
    await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toContain('Netzwerktreffen');
    await b.screenshot(phone, 'self-registration-390');

    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`/anmeldung/${event.publicSlug}`);
    // The form (and its token) is there once the event has loaded.
    await page.getByRole('heading', { name: 'Anmeldung' }).waitFor();
    const shownAt = Date.now();
    await expect.poll(() => page.getByText('Noch 40 Plätze frei').isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);

    // Sent empty: the errors stand next to the fields.
    await page.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await expect.poll(() => page.getByLabel('Vorname').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid')).toBe('true');
    expect(await runAxe(page)).toEqual([]);

    const email = `lena.vogt.${Date.now()}@zulieferer.example`;
    await page.getByLabel('Anrede').selectOption('frau');
    await page.getByLabel('Vorname').fill('Lena');
    await page.getByLabel('Nachname').fill('Vogt');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Organisation / Unternehmen').fill('Vogt Präzisionsteile GmbH');
    await page.getByLabel('Funktion').fill('Geschäftsführerin');
    await page.getByLabel(/Ja, ich möchte den E-Mail-Newsletter/).check();
    await b.screenshot(page, 'self-registration-1440');
    // People take a few seconds; the server refuses forms sent faster than that.
    await page.waitForTimeout(Math.max(0, 3_300 - (Date.now() - shownAt)));
    await page.getByLabel('Funktion').press('Enter');
    await page.getByText('Fast geschafft – bitte bestätigen Sie Ihre Anmeldung').waitFor();
    expect(await page.getByRole('status').filter({ hasText: email }).count()).toBe(1);

    const link = confirmationLink(email);
    expect(link).toBeDefined();
    const url = new URL(link as string);
    await page.goto(`${url.pathname}${url.search}`);
    await page.getByRole('heading', { name: 'Ihre Anmeldung ist bestätigt' }).waitFor();
    expect(await page.getByText(/Sie sind angemeldet zu „Netzwerktreffen Südthüringen/).isVisible()).toBe(true);
    await b.screenshot(page, 'self-registration-confirmed-1440');

    // The admin sees both mails in the outbox (Verwaltung → Ausgang).
    const admin = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(admin);
    await admin.goto('/verwaltung/ausgang');
    await admin.getByRole('heading', { name: 'Ausgang', level: 1 }).waitFor();
    await admin.getByText('Kein Mailserver eingerichtet').waitFor();
    const rows = admin.getByRole('row').filter({ hasText: email });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'Anmeldung bestätigt' }).count()).toBe(1);
    await b.screenshot(admin, 'outbox-1440');
    // The event page tells managers what came of the public page (no visits are tracked).
    await admin.goto(`/veranstaltungen/${event.id}`);
    const card = admin.getByRole('region', { name: 'Selbstanmeldung' });
    await card.getByText('Bestätigungsquote').waitFor();
    expect(await card.textContent()).toMatch(/Eingegangen\s*1.*Unbestätigt\s*0.*Bestätigt\s*1/);
    expect(await card.textContent()).toContain('100 %');
    await b.screenshot(admin, 'event-self-registration-1440');
    await admin.goto('/verwaltung/ausgang');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: 'Anmeldung bestätigt' }).getByRole('button').click();
    await admin.getByRole('dialog').getByText('einladung.ics').waitFor();
    // Dialogs fade in (Mantine transitions, up to 200 ms).
    await admin.waitForTimeout(300);
    await b.screenshot(admin, 'outbox-mail-1440');
    // As in the a11y suite: serious and critical findings (a Mantine dialog over the app shell adds a moderate one).
    const serious = (await runAxe(admin)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
  });
});
