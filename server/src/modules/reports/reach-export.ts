import type { ReachBreakdownRow, ReachMetrics, ReachReport, ReachSource } from '@anett/shared/schemas/report';
import { EVENT_KIND, EVENT_KINDS } from '@anett/shared/vocab/enums';
import ExcelJS from 'exceljs';
import { escapeHtml, formatDate } from '../events/certificates.ts';

/** Reach report as an XLSX workbook and as a printable A4 HTML page (German). */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SOURCE_LABEL: Record<ReachSource, string> = {
  attended: 'Teilnahme an einer Veranstaltung',
  interaction: 'dokumentierter Kontakt',
  course_completed: 'abgeschlossener Lehrgang',
};

export type ReportMeta = { label?: string; frozenAt?: string };

/** '2024-Q1' → 'Q1 2024' */
const quarterLabel = (key: string) => `${key.slice(5)} ${key.slice(0, 4)}`;
const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const nodeLabel = (name: string | null) => name ?? 'ohne Knoten';

/** Columns of the node × quarter table: header and value. */
const METRIC_COLUMNS: { header: string; value: (m: ReachMetrics) => number; hours?: boolean }[] = [
  { header: 'Organisationen', value: (m) => m.organizations },
  { header: 'davon KMU', value: (m) => m.smes },
  { header: 'Personen', value: (m) => m.persons },
  { header: 'Veranstaltungen', value: (m) => m.events },
  ...EVENT_KINDS.map((k) => ({ header: EVENT_KIND[k].de, value: (m: ReachMetrics) => m.eventsByKind[k] })),
  { header: 'Teilnahmen', value: (m) => m.attendances },
  { header: 'Lehrgangsteilnehmende', value: (m) => m.courseParticipants },
  { header: 'Lehrgangsstunden', value: (m) => m.courseHours, hours: true },
  { header: 'Kontakte', value: (m) => m.interactions },
];

type TableRow = { node: string; quarter: string; metrics: ReachMetrics; total: boolean };

/** Per node its quarters and total, then all nodes per quarter and the grand total. */
function tableRows(report: ReachReport): TableRow[] {
  const rows: TableRow[] = [];
  for (const n of report.nodes) {
    for (const q of n.quarters)
      rows.push({ node: nodeLabel(n.nodeName), quarter: quarterLabel(q.quarter), metrics: q, total: false });
    rows.push({ node: nodeLabel(n.nodeName), quarter: 'Gesamt', metrics: n.total, total: true });
  }
  for (const q of report.quarterTotals) {
    rows.push({ node: 'Alle Knoten', quarter: quarterLabel(q.quarter), metrics: q, total: false });
  }
  rows.push({ node: 'Alle Knoten', quarter: 'Gesamt', metrics: report.total, total: true });
  return rows;
}

const BREAKDOWNS: { key: keyof ReachReport['breakdowns']; title: string; column: string }[] = [
  { key: 'district', title: 'Landkreise', column: 'Landkreis / Region' },
  { key: 'wzSection', title: 'Wirtschaftszweige', column: 'WZ-2008-Abschnitt' },
  { key: 'organizationKind', title: 'Organisationsarten', column: 'Art der Organisation' },
];

const infoLines = (report: ReachReport, meta: ReportMeta, nodeName: string | null): [string, string][] => [
  ['Bericht', 'Reichweite ANeTT'],
  ...(meta.label ? [['Bezeichnung', meta.label] as [string, string]] : []),
  ['Zeitraum', `${day(report.from)} – ${day(report.to)}`],
  ['Knoten', report.nodeId === null ? 'alle' : (nodeName ?? String(report.nodeId))],
  ['Erreicht durch', report.reachedBy.map((s) => SOURCE_LABEL[s]).join(', ')],
  ['Berechnet am', formatDate(report.generatedAt)],
  ...(meta.frozenAt ? [['Eingefroren am', formatDate(meta.frozenAt)] as [string, string]] : []),
  ['KMU', 'Größenklasse Kleinst-, Klein- oder mittleres Unternehmen, ohne Größenklasse: weniger als 250 Beschäftigte'],
  ['Zählweise', 'Personen und Organisationen einmal je Zeile, auch bei mehreren Veranstaltungen'],
];

const reportNodeName = (report: ReachReport) =>
  report.nodeId === null ? null : (report.nodes.find((n) => n.nodeId === report.nodeId)?.nodeName ?? null);

export async function reachXlsx(report: ReachReport, meta: ReportMeta = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ANeTT Netzwerk-CRM';
  workbook.created = new Date(report.generatedAt);

  const main = workbook.addWorksheet('Reichweite', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  main.columns = [
    { header: 'Knoten', width: 28 },
    { header: 'Quartal', width: 10 },
    ...METRIC_COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) })),
  ];
  for (const row of tableRows(report)) {
    const added = main.addRow([row.node, row.quarter, ...METRIC_COLUMNS.map((c) => c.value(row.metrics))]);
    if (row.total) added.font = { bold: true };
  }
  METRIC_COLUMNS.forEach((c, i) => {
    main.getColumn(i + 3).numFmt = c.hours ? '#,##0.0' : '#,##0';
  });
  main.getRow(1).font = { bold: true };
  main.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: METRIC_COLUMNS.length + 2 } };

  for (const b of BREAKDOWNS) {
    const sheet = workbook.addWorksheet(b.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: b.column, width: 48 },
      { header: 'Organisationen', width: 16, style: { numFmt: '#,##0' } },
      { header: 'davon KMU', width: 12, style: { numFmt: '#,##0' } },
      { header: 'Personen', width: 12, style: { numFmt: '#,##0' } },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const r of report.breakdowns[b.key]) sheet.addRow([r.label, r.organizations, r.smes, r.persons]);
  }

  const info = workbook.addWorksheet('Info');
  info.columns = [{ width: 18 }, { width: 90 }];
  for (const line of infoLines(report, meta, reportNodeName(report)))
    info.addRow(line).getCell(1).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const num = (n: number) => numberFormat.format(n);

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 8.5pt; color: #111; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 6mm 0 2mm; page-break-after: avoid; break-after: avoid; }
.meta { margin: 0 0 4mm; color: #333; }
.meta td { border: 0; padding: 0.5mm 3mm 0.5mm 0; }
table { border-collapse: collapse; }
table.main { width: 100%; font-size: 7.5pt; }
th, td { border: 0.2mm solid #666; padding: 0.8mm 1.2mm; vertical-align: top; }
th { background: #eee; text-align: left; hyphens: auto; }
td.n { text-align: right; white-space: nowrap; }
th.n { text-align: right; }
tr.total td { font-weight: 600; background: #f6f6f6; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.breakdowns { display: flex; gap: 6mm; flex-wrap: wrap; align-items: flex-start; }
.footer { margin-top: 4mm; font-size: 7.5pt; color: #555; }
@media screen { body { padding: 8mm; max-width: 297mm; } }
`;

function breakdownTable(title: string, column: string, rows: ReachBreakdownRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.label)}</td><td class="n">${num(r.organizations)}</td><td class="n">${num(r.smes)}</td><td class="n">${num(r.persons)}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>${escapeHtml(title)}</h2>
<table><thead><tr><th>${escapeHtml(column)}</th><th class="n">Organisationen</th><th class="n">davon KMU</th><th class="n">Personen</th></tr></thead>
<tbody>
${body || '<tr><td colspan="4">keine</td></tr>'}
</tbody></table></section>`;
}

/** Printable report: the browser prints it or saves it as PDF (A4 landscape). */
/** Node × quarter table of the given columns (the page splits them in two so that each fits A4 landscape). */
function nodeTable(report: ReachReport, columns: typeof METRIC_COLUMNS): string {
  const head = `<tr><th>Knoten</th><th>Quartal</th>${columns.map((c) => `<th class="n">${escapeHtml(c.header)}</th>`).join('')}</tr>`;
  const body = tableRows(report)
    .map(
      (r) =>
        `<tr${r.total ? ' class="total"' : ''}><td>${escapeHtml(r.node)}</td><td>${escapeHtml(r.quarter)}</td>${columns.map((c) => `<td class="n">${num(c.value(r.metrics))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="main">\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const isKindColumn = (c: (typeof METRIC_COLUMNS)[number]) => EVENT_KINDS.some((k) => EVENT_KIND[k].de === c.header);

/** Printable report: the browser prints it or saves it as PDF (A4 landscape). */
export function reachHtml(report: ReachReport, meta: ReportMeta = {}): string {
  const title = meta.label ? `Reichweite – ${meta.label}` : `Reichweite ${day(report.from)} – ${day(report.to)}`;
  const metaRows = infoLines(report, meta, reportNodeName(report))
    .slice(1)
    .map(([k, v]) => `<tr><td><strong>${escapeHtml(k)}</strong></td><td>${escapeHtml(v)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<table class="meta">${metaRows}</table>
${nodeTable(
  report,
  METRIC_COLUMNS.filter((c) => !isKindColumn(c)),
)}
<h2>Veranstaltungen nach Format</h2>
${nodeTable(report, [METRIC_COLUMNS.find((c) => c.header === 'Veranstaltungen') as (typeof METRIC_COLUMNS)[number], ...METRIC_COLUMNS.filter(isKindColumn)])}
<div class="breakdowns">
${BREAKDOWNS.map((b) => breakdownTable(b.title, b.column, report.breakdowns[b.key])).join('\n')}
</div>
<p class="footer">ANeTT Netzwerk-CRM · berechnet ${escapeHtml(formatDate(report.generatedAt))}</p>
</body>
</html>
`;
}
