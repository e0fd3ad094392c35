import type { Page as PageOf } from '@anett/shared/schemas/common';
import type { PersonListItem } from '@anett/shared/schemas/person';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { useBrowser } from '../support/browser.ts';

describe('contact log in a real browser', () => {
  const b = useBrowser();

  it('logs a call with `n` from a person page and shows it on the timeline', async () => {
    const get = (await adminApi()).get;
    const persons = await get<PageOf<PersonListItem>>('/api/persons?pageSize=50&sort=-lastName');
    const person = persons.items.find((p) => p.organization !== null);
    if (!person) throw new Error('no demo person with an organisation');
    const subject = `E2E Rückruf ${Date.now()}`;

    const page = await b.newPage();
    await b.login(page);
    await page.goto(`/personen/${person.id}?tab=timeline`);
    await page
      .getByRole('heading', { name: new RegExp(person.lastName) })
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Kontaktverlauf' }).waitFor();

    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
    await dialog.waitFor();
    // Prefilled with the person of the page; the subject has the focus; Telefonat is the default kind
    await dialog.getByText(`${person.firstName} ${person.lastName}`).waitFor();
    const subjectInput = dialog.getByLabel('Betreff');
    await expect.poll(() => subjectInput.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Telefonat' }).isChecked()).toBe(true);
    await page.keyboard.type(subject);
    await b.screenshot(page, 'contact-log-quick-log');
    await page.keyboard.press('Enter');

    await page.getByText('Kontakt gespeichert').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tabpanel', { name: 'Kontaktverlauf' }).getByText(`Telefonat: ${subject}`).waitFor();
    await b.screenshot(page, 'contact-log-timeline');

    // The entry is in the log, under "nur meine", linked to the person and the person's organisation
    await page.goto('/kontakte?mine=true');
    const row = page.getByRole('row', { name: new RegExp(subject) });
    await row.waitFor();
    expect(await row.textContent()).toContain(person.lastName);
    if (person.organization) expect(await row.textContent()).toContain(person.organization.name);
  });

  it('sets a follow-up with a quick chip and marks it done under "Meine Wiedervorlagen"', async () => {
    const get = (await adminApi()).get;
    const persons = await get<PageOf<PersonListItem>>('/api/persons?pageSize=5&sort=firstName');
    const person = persons.items[2];
    if (!person) throw new Error('no demo person');
    const subject = `E2E Wiedervorlage ${Date.now()}`;

    const page = await b.newPage();
    await b.login(page);
    await page.goto('/kontakte');
    await page.getByRole('heading', { name: 'Kontaktlog' }).waitFor();
    await page.getByRole('button', { name: 'Kontakt erfassen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
    await dialog.getByText('Besuch', { exact: true }).click();
    expect(await dialog.getByRole('radio', { name: 'Besuch' }).isChecked()).toBe(true);
    await dialog.getByLabel('Betreff').fill(subject);
    await dialog.getByPlaceholder('Person suchen').fill(`${person.firstName} ${person.lastName}`);
    await page
      .getByRole('option', { name: new RegExp(`${person.firstName} ${person.lastName}`) })
      .first()
      .click();
    await dialog.getByRole('button', { name: 'in 1 Woche' }).click();
    await dialog.getByRole('textbox', { name: 'Notiz' }).fill('Werkhalle besichtigt.');
    await dialog.getByRole('textbox', { name: 'Notiz' }).press('Control+Enter');
    await page.getByText('Kontakt gespeichert').waitFor();

    await page.goto('/kontakte/wiedervorlagen');
    const card = page.getByRole('listitem').filter({ hasText: subject });
    await card.waitFor();
    await b.screenshot(page, 'contact-log-follow-ups');
    await card.getByRole('button', { name: `„${subject}“ als erledigt markieren` }).click();
    await page.getByText(`„${subject}“ ist erledigt.`).waitFor();
    await card.waitFor({ state: 'detached' });
  });
});
