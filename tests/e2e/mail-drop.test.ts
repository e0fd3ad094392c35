import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../support/admin-api.ts';
import { useBrowser } from '../support/browser.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/mail/${name}`, import.meta.url));
const MANAGER = { email: 'manager@anett.example', password: 'Briefkasten am Inselsberg 2024' };

describe('e-mails dropped into the contact log in a real browser', () => {
  const b = useBrowser();

  it('a manager drops an .eml and an .msg onto a person, creates an unknown sender and sees both on the timeline', async () => {
    const call = await adminApi();
    const post = <T>(path: string, body: unknown) => call<T>('POST', path, body);
    await post('/api/users', {
      email: MANAGER.email,
      name: 'Netzwerkmanagerin',
      role: 'manager',
      password: MANAGER.password,
    });
    const mira = await post<{ id: number }>('/api/persons', {
      salutation: 'frau',
      firstName: 'Mira',
      lastName: 'Quendelbrück',
      email: 'mira.quendelbrueck@zulieferer.example',
    });

    const page = await b.newPage({ viewport: { width: 1440, height: 900 } });
    await b.login(page, MANAGER);
    await page.goto(`/personen/${mira.id}?tab=timeline`);
    const zone = page.getByTestId('mail-drop-zone');
    await zone.getByText('E-Mails hierher ziehen oder auswählen (.eml, .msg)').waitFor();
    // The button opens the same file input a drop fills.
    await expect.poll(() => zone.getByRole('button', { name: 'Dateien auswählen' }).isVisible()).toBe(true);
    await page
      .getByTestId('mail-drop-input')
      .setInputFiles([fixture('netzwerktreffen.eml'), fixture('angebot-schulung.msg')]);

    const dialog = page.getByRole('dialog', { name: 'E-Mails in den Kontaktlog übernehmen' });
    const eml = dialog.getByRole('article', { name: 'Teilnahme am Netzwerktreffen in Sömmerda' });
    const msg = dialog.getByRole('article', { name: 'Angebot Schulung Wasserstoffanwendungen' });
    await eml.waitFor();
    await msg.waitFor();
    expect(await eml.textContent()).toContain('eingehend');
    expect(await eml.textContent()).toContain('Team');
    expect(await msg.textContent()).toContain('Mira Quendelbrück');
    // Unknown addresses, each with "anlegen".
    const unknown = dialog.getByRole('region', { name: 'Unbekannte Adressen' });
    for (const address of ['neu.kontakt@firma.example', 'kollegin@unbekannt.example', 'j.falkenried@btz-rohr.example'])
      await unknown.getByRole('button', { name: `${address} als Person anlegen` }).waitFor();
    await b.screenshot(page, 'mail-drop-preview');

    // "anlegen" opens the person form, prefilled; after saving, the address is matched.
    await unknown.getByRole('button', { name: 'j.falkenried@btz-rohr.example als Person anlegen' }).click();
    const form = page.getByRole('dialog', { name: 'Neue Person' });
    expect(await form.getByLabel('Vorname').inputValue()).toBe('Jonas');
    expect(await form.getByLabel('Nachname').inputValue()).toBe('Falkenried');
    expect(await form.getByLabel('E-Mail').first().inputValue()).toBe('j.falkenried@btz-rohr.example');
    await form.getByRole('button', { name: 'Person anlegen' }).click();
    await form.waitFor({ state: 'hidden' });
    await unknown.getByRole('button', { name: 'kollegin@unbekannt.example als Person anlegen' }).waitFor();
    await expect
      .poll(() => unknown.getByRole('button', { name: 'j.falkenried@btz-rohr.example als Person anlegen' }).count())
      .toBe(0);
    await msg.getByText('Wird verknüpft mit: Mira Quendelbrück, Jonas Falkenried').waitFor();

    await dialog.getByRole('button', { name: '2 E-Mails übernehmen' }).click();
    await page.getByText('2 E-Mails in den Kontaktlog übernommen.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const timeline = page.getByRole('tabpanel', { name: 'Kontaktverlauf' });
    await timeline.getByText('E-Mail: Teilnahme am Netzwerktreffen in Sömmerda').waitFor();
    await timeline.getByText('E-Mail: Angebot Schulung Wasserstoffanwendungen').waitFor();
    await b.screenshot(page, 'mail-drop-timeline');

    // Dropped again: recognised, nothing logged twice.
    await page.getByTestId('mail-drop-input').setInputFiles([fixture('angebot-schulung.msg')]);
    await dialog.getByText('Schon im Kontaktlog – wird nicht doppelt übernommen').waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await timeline.getByText('E-Mail: Angebot Schulung Wasserstoffanwendungen').count()).toBe(1);

    // On the contact log: the manager's own mail (HTML only) is outgoing and lands in the list.
    await page.goto('/kontakte');
    await page.getByRole('heading', { name: 'Kontaktlog' }).waitFor();
    await page.getByTestId('mail-drop-input').setInputFiles([fixture('protokoll-nur-html.eml')]);
    const protocol = dialog.getByRole('article', { name: 'Protokoll der Sitzung' });
    await protocol.getByText('ausgehend').waitFor();
    await protocol.getByText(/Wasserstoff-Kurs startet im März/).waitFor();
    await dialog.getByRole('button', { name: '1 E-Mail übernehmen' }).click();
    await page.getByText('1 E-Mail in den Kontaktlog übernommen.').waitFor();
    // From 2024: found by its words rather than among the newest.
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Wasserstoff-Kurs');
    await page.getByRole('row', { name: /Protokoll der Sitzung/ }).waitFor();
  });
});
