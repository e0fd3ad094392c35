import { chromium } from 'playwright-core';
const base = 'http://localhost:3201';
const out = '/tmp/dirweb-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking'] });
const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
const page = await ctx.newPage();
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
await page.goto(base + '/login');
await page.getByLabel('E-Mail').fill('admin@anett.local');
await page.getByLabel('Passwort').fill('admin-demo-2024');
await page.getByRole('button', { name: 'Anmelden' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
const shots = process.argv.slice(2);
for (const s of shots) {
  const [name, path] = s.split('=');
  await page.goto(base + path);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log('shot', name);
}
await browser.close();
