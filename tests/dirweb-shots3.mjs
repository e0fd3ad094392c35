import { chromium } from 'playwright-core';
const base = 'http://localhost:3201';
const out = '/tmp/dirweb-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] });
async function session(viewport, lang) {
  const ctx = await browser.newContext({ viewport, locale: 'de-DE' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
  await page.goto(base + '/login');
  if (lang === 'en') await page.evaluate(() => localStorage.setItem('anett.lang', 'en'));
  if (lang === 'en') await page.reload();
  await page.getByRole('textbox', { name: lang === 'en' ? 'E-mail' : 'E-Mail' }).fill('admin@anett.local');
  await page.getByRole('textbox', { name: lang === 'en' ? 'Password' : 'Passwort' }).fill('admin-demo-2024');
  await page.getByRole('button', { name: lang === 'en' ? 'Log in' : 'Anmelden' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}
const shot = async (page, name, full = true) => { await page.waitForTimeout(1200); await page.screenshot({ path: `${out}/${name}.png`, fullPage: full }); console.log('shot', name); };
const page = await session({ width: 1366, height: 768 });
await page.goto(base + '/verwaltung/themen'); await shot(page, 'topics');
await page.goto(base + '/personen/5?tab=timeline'); await shot(page, 'person-timeline');
const en = await session({ width: 1366, height: 768 }, 'en');
await en.goto(base + '/personen'); await shot(en, 'persons-en', false);
const tablet = await session({ width: 768, height: 1024 });
await tablet.goto(base + '/personen'); await shot(tablet, 'persons-768', false);
await tablet.goto(base + '/personen/5'); await shot(tablet, 'person-768', false);
await browser.close();
