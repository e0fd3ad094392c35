import { emailHash } from '@anett/server/modules/consents/suppressions.repository';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openExportDialog, openPersonList, useBrowser } from '../support/browser.ts';

const SHOTS = new URL('../../test-results/shots/', import.meta.url).pathname;

/** A live person with an e-mail, a current organisation and no newsletter entry at all: not in a newsletter export. */
function personWithoutConsent() {
  const db = new Database(inject('databasePath'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, a.organization_id AS organizationId
         FROM persons p JOIN affiliations a ON a.person_id = p.id AND a.to_date IS NULL
         WHERE p.deleted_at IS NULL AND p.erased_at IS NULL AND coalesce(p.email, '') <> ''
           AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id AND c.channel = 'email_newsletter')
         ORDER BY p.id DESC LIMIT 1`,
      )
      .get() as { id: number; firstName: string; lastName: string; organizationId: number };
  } finally {
    db.close();
  }
}

/** A live person in a newsletter export: an e-mail not on the suppression list, a current organisation, granted. */
function personInExport() {
  const db = new Database(inject('databasePath'), { readonly: true });
  try {
    const candidates = db
      .prepare(
        `SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, p.email, a.organization_id AS organizationId
         FROM persons p JOIN affiliations a ON a.person_id = p.id AND a.to_date IS NULL
         WHERE p.deleted_at IS NULL AND p.erased_at IS NULL AND coalesce(p.email, '') <> ''
           AND (SELECT c.status FROM consents c WHERE c.person_id = p.id AND c.channel = 'email_newsletter'
                ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1) = 'granted'
         ORDER BY p.id`,
      )
      .all() as { id: number; firstName: string; lastName: string; email: string; organizationId: number }[];
    const suppressed = db.prepare('SELECT 1 FROM suppressions WHERE email_hash = ?');
    const found = candidates.find((c) => !suppressed.get(emailHash(c.email)));
    if (!found) throw new Error('the demo data has no person in a newsletter export');
    return found;
  } finally {
    db.close();
  }
}

/** A live person without any attendance, contact or consent, last changed in 2019: one for the retention review. */
function quietPersonLastChangedIn2019() {
  const db = new Database(inject('databasePath'));
  try {
    db.pragma('busy_timeout = 5000');
    const p = db
      .prepare(
        `SELECT id, first_name AS firstName, last_name AS lastName FROM persons p
         WHERE deleted_at IS NULL AND erased_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM attendances WHERE person_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM interaction_persons WHERE person_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM consents WHERE person_id = p.id)
         ORDER BY id LIMIT 1`,
      )
      .get() as { id: number; firstName: string; lastName: string } | undefined;
    if (!p) throw new Error('the demo data has no person without any activity');
    db.prepare(`UPDATE persons SET updated_at = '2019-05-02T09:00:00.000Z' WHERE id = ?`).run(p.id);
    return p;
  } finally {
    db.close();
  }
}

async function openExport(page: Page, organizationId: number) {
  await openPersonList(page, `organizationId=%5B${organizationId}%5D`);
  const { dialog, preview } = await openExportDialog(page);
  const included = Number(/^([\d.]+)/.exec((await preview.textContent()) ?? '')?.[1]?.replace(/\./g, ''));
  return { dialog, included };
}

describe('consent and privacy in the browser', () => {
  const b = useBrowser();

  it('records a newsletter consent on the person page and the person enters the export (count + 1)', async () => {
    const p = personWithoutConsent();
    const name = `${p.firstName} ${p.lastName}`;
    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);

    const before = await openExport(page, p.organizationId);
    // The dialog names who is left out and why, with a link to the person.
    await before.dialog.getByRole('button', { name: /^Nicht im Export \(\d+\)$/ }).click();
    const excluded = before.dialog.getByTestId('export-excluded');
    const entry = excluded.getByRole('listitem').filter({ hasText: name });
    await entry.getByText('keine Einwilligung').waitFor();
    await page.screenshot({ path: `${SHOTS}export-excluded.png` });
    await entry.getByRole('link', { name }).click();
    await page.waitForURL((url) => url.pathname === `/personen/${p.id}`);

    const section = page.getByRole('region', { name: 'Einwilligungen' });
    await section.getByTestId('consent-email_newsletter').getByText('Keine Angabe').waitFor();
    await section.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const form = page.getByRole('dialog', { name: `Einwilligung erfassen: ${name}` });
    await form.getByRole('button', { name: 'Speichern' }).click();
    // Without a source the form says so next to the field and saves nothing.
    await form.getByText('Bitte ausfüllen.').first().waitFor();
    await form.getByRole('combobox', { name: 'Quelle' }).click();
    await page.getByRole('option', { name: 'Visitenkarte' }).click();
    await form
      .getByRole('textbox', { name: 'Nachweis' })
      .fill('Visitenkarte vom Netzwerktreffen, Newsletter gewünscht');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Einwilligung erfasst.').waitFor();
    await section.getByTestId('consent-email_newsletter').getByText('Erteilt').waitFor();
    await section.getByRole('button', { name: 'Verlauf der Einwilligungen' }).click();
    await section.getByText('Visitenkarte vom Netzwerktreffen, Newsletter gewünscht').waitFor();
    await section.getByText(/erfasst .* von Administrator/).waitFor();
    await section.screenshot({ path: `${SHOTS}consent-section.png` });
    await page.screenshot({ path: `${SHOTS}person-page-consents.png`, fullPage: true });

    const after = await openExport(page, p.organizationId);
    expect(after.included).toBe(before.included + 1);
  });

  it('blocks an address on the suppression list (Verwaltung) and the person leaves the export; unblocks it again', async () => {
    const p = personInExport();
    const { email } = p;
    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    const before = await openExport(page, p.organizationId);

    await page.goto('/verwaltung/sperrliste');
    await page.getByRole('heading', { name: 'Sperrliste' }).waitFor();
    await page.getByRole('button', { name: 'Adresse sperren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adresse sperren' });
    await dialog.getByRole('textbox', { name: 'E-Mail-Adresse' }).fill(email);
    await dialog.getByRole('textbox', { name: 'Begründung' }).fill('Widerspruch per Brief');
    await dialog.getByRole('button', { name: 'Adresse sperren' }).click();
    await page.getByText('Adresse gesperrt.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Widerspruch per Brief' });
    await row.getByRole('link', { name: `${p.firstName} ${p.lastName}` }).waitFor();
    await page.screenshot({ path: `${SHOTS}suppression-list.png` });

    const blocked = await openExport(page, p.organizationId);
    expect(blocked.included).toBe(before.included - 1);
    await blocked.dialog.getByRole('button', { name: /^Nicht im Export/ }).click();
    await blocked.dialog
      .getByTestId('export-excluded')
      .getByRole('listitem')
      .filter({ hasText: p.lastName })
      .getByText('Adresse gesperrt')
      .waitFor();

    await page.goto('/verwaltung/sperrliste');
    await page
      .getByRole('row')
      .filter({ hasText: 'Widerspruch per Brief' })
      .getByRole('button', { name: /Sperre aufheben/ })
      .click();
    const remove = page.getByRole('dialog', { name: 'Sperre aufheben' });
    await remove.getByRole('button', { name: 'Sperre aufheben' }).click();
    await remove.getByText('Bitte ausfüllen.').waitFor();
    await remove.getByRole('textbox', { name: 'Begründung' }).fill('Versehentlich gesperrt');
    await remove.getByRole('button', { name: 'Sperre aufheben' }).click();
    await page.getByText('Sperre aufgehoben.').waitFor();
    // Lifting the block brings the person back into the export: the consent was never touched.
    expect((await openExport(page, p.organizationId)).included).toBe(before.included);
  });

  it('lists a person without activity since 2019 in the inactive-persons review under Verwaltung', async () => {
    const p = quietPersonLastChangedIn2019();
    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page);
    await page.goto('/verwaltung/inaktive-personen');
    await page.getByRole('heading', { name: 'Inaktive Personen' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(p.lastName) }) });
    await row.getByRole('cell', { name: '02.05.2019' }).waitFor();
    await page.screenshot({ path: `${SHOTS}inactive-persons.png` });
    await row.getByRole('link', { name: new RegExp(p.lastName) }).click();
    await page.waitForURL((url) => url.pathname === `/personen/${p.id}`);
  });
});
