import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { field, unique, useBrowser } from '../support/browser.ts';

const section = (page: Page, heading: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

describe('dated sub-records on the record pages', () => {
  const b = useBrowser();

  it('adds, ends and removes a relation, an affiliation and an office through their row menus', async () => {
    const page = await b.signedIn();
    const token = unique();
    const orgName = `Zeitwerk ${token} GmbH`;

    await page.goto('/organisationen');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    const orgDialog = page.getByRole('dialog');
    await field(orgDialog, 'Name').fill(orgName);
    await page.getByRole('combobox', { name: 'Art', exact: true }).click();
    await page.getByRole('option', { name: 'Unternehmen', exact: true }).click();
    await orgDialog.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.getByRole('heading', { name: orgName }).waitFor();

    // A relation: added, then its row menu (named by the row) ends it, then removes it.
    const relations = section(page, 'Beziehungen zu ANeTT und Knoten');
    await relations.getByRole('button', { name: 'Beziehung hinzufügen' }).click();
    const relDialog = page.getByRole('dialog');
    await relDialog.getByRole('combobox', { name: 'Beziehung zum Netzwerk' }).click();
    await page.getByRole('option', { name: 'Mitglied', exact: true }).click();
    await relDialog.getByRole('combobox', { name: 'Netzwerk', exact: true }).click();
    await page.getByRole('option').first().click();
    await relDialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Beziehung gespeichert.').waitFor();
    const relationMenu = relations.getByRole('button', { name: /^Aktionen für die Beziehung Mitglied: \S/ });
    await relationMenu.click();
    await page.getByRole('menuitem', { name: 'Beziehung beenden' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Beenden' }).click();
    await page.getByText('Beziehung beendet.').waitFor();
    await relationMenu.click();
    await page.getByRole('menuitem', { name: 'Beziehung entfernen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Beziehung entfernen' }).click();
    await page.getByText('Beziehung entfernt.').waitFor();
    await relations.getByText('Keine Beziehungen erfasst.').waitFor();

    // A person added on the organisation's page has her affiliation; ended, it moves under "Früher".
    await page.getByRole('button', { name: 'Person hinzufügen' }).click();
    const personDialog = page.getByRole('dialog');
    await field(personDialog, 'Vorname').fill('Ida');
    await field(personDialog, 'Nachname').fill(`Uhrmacher-${token}`);
    await personDialog.getByRole('button', { name: 'Person anlegen' }).click();
    await page.getByRole('link', { name: `Ida Uhrmacher-${token}` }).click();
    await page.getByRole('heading', { name: new RegExp(`Uhrmacher-${token}`) }).waitFor();
    const affiliations = section(page, 'Zugehörigkeiten');
    await affiliations.getByRole('button', { name: `Aktionen für die Zugehörigkeit bei ${orgName}` }).click();
    await page.getByRole('menuitem', { name: 'Zugehörigkeit beenden' }).click();
    // Ended yesterday: from today on she is a former member.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('de-DE', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'Europe/Berlin',
    });
    const endDate = page.getByRole('dialog').getByRole('textbox', { name: 'Enddatum' });
    await endDate.fill(yesterday);
    await endDate.press('Tab');
    await page.getByRole('dialog').getByRole('button', { name: 'Beenden' }).click();
    await page.getByText('Zugehörigkeit beendet.').waitFor();
    await affiliations.getByText('Früher').waitFor();

    // An office: added, then removed through its menu.
    const offices = section(page, 'Ämter und Mandate');
    await offices.getByRole('button', { name: 'Amt hinzufügen' }).click();
    await field(page.getByRole('dialog'), 'Amt').fill('Obermeisterin');
    await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Amt gespeichert.').waitFor();
    await offices.getByRole('button', { name: 'Aktionen für das Amt Obermeisterin' }).click();
    await page.getByRole('menuitem', { name: 'Amt entfernen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Amt entfernen' }).click();
    await page.getByText('Amt entfernt.').waitFor();
    expect(await offices.getByRole('button', { name: 'Aktionen für das Amt Obermeisterin' }).count()).toBe(0);
  }, 90_000);
});
