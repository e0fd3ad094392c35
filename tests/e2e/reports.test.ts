import { readFileSync } from 'node:fs';
import type { Graph } from '@anett/shared/schemas/graph';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { readPdf } from '../support/pdf.ts';

/** The graph component exposes its cytoscape instance for tests. */
type CyWindow = { __cy?: { nodes(): { length: number }; getElementById(id: string): { emit(event: string): void } } };

describe('dashboard, reach report and network graph', () => {
  const b = useBrowser();

  it('shows the key figures with the comparison to last year and the charts', async () => {
    const page = await b.newPage();
    await b.login(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
    const figure = page.getByTestId('figure-organizations');
    await figure.waitFor();
    await expect(figure.textContent()).resolves.toMatch(/Organisationen erreicht.*ggü\. \d{4}/);
    await page.getByRole('heading', { name: 'Teilnahmen je Monat' }).waitFor();
    await page.locator('.recharts-wrapper svg').first().waitFor();
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Nächste Veranstaltungen' }).waitFor();
    await b.screenshot(page, 'reports-dashboard');
  });

  it('shows the reach table for 2024 and downloads it as XLSX and PDF', async () => {
    const page = await b.newPage();
    await b.login(page);
    await page.goto('/berichte/reichweite');
    await page.getByLabel('Jahr', { exact: true }).first().click();
    await page.getByRole('option', { name: '2024', exact: true }).click();
    await page.waitForURL(
      (u) => u.searchParams.get('from') === '2024-01-01' && u.searchParams.get('to') === '2024-12-31',
    );
    const table = page.getByTestId('reach-table');
    await table.waitFor();
    await expect(table.getByRole('cell', { name: 'Q1 2024' }).first().isVisible()).resolves.toBe(true);
    await expect(table.getByRole('rowheader', { name: 'Alle Knoten zusammen' }).isVisible()).resolves.toBe(true);
    // Staff are shown apart from participants, and the page says how they are counted.
    await expect(table.getByRole('columnheader', { name: 'Mitwirkende' }).isVisible()).resolves.toBe(true);
    await page.getByText(/Als Teilnehmende zählen nur Gäste/).waitFor();
    await page.getByRole('heading', { name: 'Kreis' }).waitFor();
    await b.screenshot(page, 'reports-reach-2024');

    const downloadEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Excel herunterladen' }).first().click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('Reichweite-2024-01-01-2024-12-31.xlsx');
    const bytes = readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const pdfEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF herunterladen' }).first().click();
    const pdfDownload = await pdfEvent;
    expect(pdfDownload.suggestedFilename()).toBe('Reichweite-2024-01-01-2024-12-31.pdf');
    const pdf = await readPdf(readFileSync((await pdfDownload.path()) as string));
    expect(pdf.pages[0]).toContain('Reichweite 01.01.2024 – 31.12.2024');
    expect(pdf.text).toContain('QTI-Knoten Rohr');
  });

  it('freezes a period and lists the snapshot', async () => {
    const page = await b.newPage();
    await b.login(page);
    await page.goto('/berichte/reichweite?from=2024-04-01&to=2024-06-30');
    await page.getByTestId('reach-table').waitFor();
    const label = `E2E-Zwischenbericht ${Date.now()}`;
    await page.getByRole('button', { name: 'Zeitraum einfrieren' }).click();
    await page.getByLabel('Bezeichnung').fill(label);
    await page.getByLabel('Bezeichnung').press('Enter');
    await page.getByText('Der Zeitraum wurde eingefroren.').waitFor();
    const row = page.getByRole('row').filter({ hasText: label });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('01.04.2024 – 30.06.2024');
  });

  it('renders the network graph and opens a record by clicking a vertex', async () => {
    const page = await b.newPage();
    await b.login(page);
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/graph/network' && r.ok());
    await page.goto('/netzwerk');
    await page.getByRole('link', { name: 'Netzwerkgraph' }).click();
    await page.waitForURL('**/netzwerk/graph');
    const graph = (await (await answer).json()) as Graph;
    expect(graph.nodes.length).toBeGreaterThan(5);
    await page.getByTestId('graph-canvas').locator('canvas').first().waitFor();
    await page.waitForFunction(() => ((window as unknown as CyWindow).__cy?.nodes().length ?? 0) > 0);
    expect(await page.evaluate(() => (window as unknown as CyWindow).__cy?.nodes().length)).toBe(graph.nodes.length);
    await b.screenshot(page, 'reports-graph');

    const org = graph.nodes.find((n) => n.kind === 'organization');
    expect(org).toBeDefined();
    await page.evaluate((id) => {
      // Return nothing: serialising the cytoscape collection back would take seconds.
      (window as unknown as CyWindow).__cy?.getElementById(id).emit('tap');
    }, org?.id as string);
    await page.waitForURL(`**/organisationen/${org?.entityId}`);
    await page.getByRole('heading', { level: 1, name: org?.label }).waitFor();
  });

  it('shows the ego view of a person', async () => {
    const page = await b.newPage();
    await b.login(page);
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/graph/ego' && r.ok());
    await page.goto('/netzwerk/graph?type=person&id=1');
    const graph = (await (await answer).json()) as Graph & { center: string };
    expect(graph.center).toBe('person:1');
    await page.waitForFunction(() => ((window as unknown as CyWindow).__cy?.nodes().length ?? 0) > 0);
    await page.getByRole('heading', { level: 1, name: /^Beziehungen von / }).waitFor();
    await b.screenshot(page, 'reports-ego');
  });
});
