import { describe, expect, it } from 'vitest';
import { field, unique, useBrowser } from '../support/browser.ts';

describe('a removal asks first', () => {
  const b = useBrowser();

  it('edits a person without a change, then removes a contact point only once the removal is confirmed', async () => {
    const page = await b.signedIn();
    const token = unique();
    const lastName = `Bestätigt-${token}`;
    const address = `rita.${token}@example.org`;

    await page.goto('/personen');
    await page.getByRole('button', { name: 'Person anlegen' }).click();
    const created = page.getByRole('dialog');
    await field(created, 'Vorname').fill('Rita');
    await field(created, 'Nachname').fill(lastName);
    await created.getByRole('button', { name: 'Person anlegen' }).click();
    await page.waitForURL(/\/personen\/\d+/);
    await page.getByRole('heading', { name: new RegExp(lastName) }).waitFor();

    // Saving an edit that changes nothing just closes the form.
    await page.getByRole('button', { name: 'Bearbeiten', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const points = page.getByTestId('contact-points');
    await points.getByRole('button', { name: 'Weitere E-Mail oder Nummer' }).click();
    const form = page.getByRole('dialog');
    await field(form, 'E-Mail-Adresse oder Nummer').fill(address);
    await form.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Kontaktangabe gespeichert.').waitFor();
    await points.getByRole('link', { name: address }).waitFor();

    // Cancel keeps it; confirming removes it.
    const remove = async () => {
      await points.getByRole('button', { name: `Aktionen für ${address}` }).click();
      await page.getByRole('menuitem', { name: 'Kontaktangabe entfernen' }).click();
      const confirm = page.getByRole('dialog', { name: 'Kontaktangabe entfernen' });
      await confirm.getByText(`„${address}“ wird von dieser Person entfernt.`).waitFor();
      return confirm;
    };
    await (await remove()).getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await points.getByRole('link', { name: address }).count()).toBe(1);
    await (await remove()).getByRole('button', { name: 'Kontaktangabe entfernen' }).click();
    await page.getByText('Kontaktangabe entfernt.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await points.getByRole('link', { name: address }).waitFor({ state: 'detached' });
  });
});
