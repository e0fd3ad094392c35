import type { ReachBreakdownRow, ReachMetrics, ReachReport, ReachSource } from '@anett/shared/schemas/report';
import { EVENT_KIND, EVENT_KINDS } from '@anett/shared/vocab/enums';
import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import { formatDate, formatNumber, gridLayout, renderPdf } from '../../lib/pdf.ts';
import { keepAutoFilter } from '../../lib/xlsx.ts';

/** Reach report as an XLSX workbook and as a PDF (German). */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SOURCE_LABEL: Record<ReachSource, string> = {
  attended: 'Teilnahme an einer Veranstaltung',
  interaction: 'dokumentierter Kontakt',
  course_completed: 'abgeschlossener Lehrgang',
};

/**
 * What the file says besides the numbers: a snapshot's label and date, and for the funder the funding reference
 * (Förderkennzeichen) and who signs (REPORT_FUNDING_REFERENCE, REPORT_SIGNATORY).
 */
export type ReportMeta = { label?: string; frozenAt?: string; fundingReference?: string; signatory?: string };

/** '2024-Q1' → 'Q1 2024' */
const quarterLabel = (key: string) => `${key.slice(5)} ${key.slice(0, 4)}`;
const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const nodeLabel = (name: string | null) => name ?? 'ohne Knoten';

/** Columns of the node × quarter table: header and value (null: not counted in a report frozen before). */
const METRIC_COLUMNS: { header: string; value: (m: ReachMetrics) => number | null; hours?: boolean }[] = [
  { header: 'Organisationen', value: (m) => m.organizations },
  { header: 'davon KMU', value: (m) => m.smes },
  { header: 'Personen', value: (m) => m.persons },
  { header: 'Veranstaltungen', value: (m) => m.events },
  ...EVENT_KINDS.map((k) => ({ header: EVENT_KIND[k].de, value: (m: ReachMetrics) => m.eventsByKind[k] })),
  { header: 'Teilnahmen', value: (m) => m.attendances },
  { header: 'Lehrgangsteilnehmende', value: (m) => m.courseParticipants },
  { header: 'Lehrgangsstunden', value: (m) => m.courseHours, hours: true },
  { header: 'Kontakte', value: (m) => m.interactions },
  { header: 'Mitwirkende', value: (m) => m.staff ?? null },
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

/** The counting rules, stated in every file so that the funder reads the numbers as they were counted. */
const COUNTING_RULES: [string, string][] = [
  ['Zählweise', 'Personen und Organisationen einmal je Zeile, auch bei mehreren Veranstaltungen'],
  [
    'Teilnehmende',
    'Personen mit Status „teilgenommen“ in der Rolle Gast; nur sie zählen als Personen, Teilnahmen, Lehrgangsteilnehmende und Lehrgangsstunden',
  ],
  [
    'Mitwirkende',
    'Dozent/innen, Organisation, Redner/innen, Podiumsgäste, Moderation und Presse: getrennt ausgewiesen, sonst nirgends gezählt',
  ],
];

const infoLines = (report: ReachReport, meta: ReportMeta, nodeName: string | null): [string, string][] => [
  ['Bericht', 'Reichweite ANeTT'],
  ...(meta.fundingReference ? [['Förderkennzeichen', meta.fundingReference] as [string, string]] : []),
  ...(meta.label ? [['Bezeichnung', meta.label] as [string, string]] : []),
  ['Zeitraum', `${day(report.from)} – ${day(report.to)}`],
  ['Knoten', report.nodeId === null ? 'alle' : (nodeName ?? String(report.nodeId))],
  ['Erreicht durch', report.reachedBy.map((s) => SOURCE_LABEL[s]).join(', ')],
  ['Berechnet am', formatDate(report.generatedAt)],
  ...(meta.frozenAt ? [['Eingefroren am', formatDate(meta.frozenAt)] as [string, string]] : []),
  ['KMU', 'Größenklasse Kleinst-, Klein- oder mittleres Unternehmen, ohne Größenklasse: weniger als 250 Beschäftigte'],
  ...COUNTING_RULES,
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
  const rows = tableRows(report);
  for (const row of rows) {
    const added = main.addRow([row.node, row.quarter, ...METRIC_COLUMNS.map((c) => c.value(row.metrics))]);
    if (row.total) added.font = { bold: true };
  }
  METRIC_COLUMNS.forEach((c, i) => {
    main.getColumn(i + 3).numFmt = c.hours ? '#,##0.0' : '#,##0';
  });
  main.getRow(1).font = { bold: true };
  const filter = `A1:${main.getColumn(METRIC_COLUMNS.length + 2).letter}${rows.length + 1}`;
  main.autoFilter = filter;
  keepAutoFilter(workbook.definedNames, main.name, filter);

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

const num = (n: number | null) => ({ text: n === null ? '–' : formatNumber(n), alignment: 'right' as const });
/** Long compounds break at a known joint in the narrow header cells of the PDF (pdfmake does not hyphenate). */
const JOINTS = /^(Lehrgangs|Podiums|Netzwerk|Veranstal)(.{4,})$/;
const printHeader = (header: string) =>
  header
    .split(' ')
    .map((word) => word.replace(JOINTS, '$1-\n$2'))
    .join(' ');
const headerCell = (text: string, right = false) => ({
  text,
  bold: true,
  ...(right ? { alignment: 'right' as const } : {}),
});

/** Node × quarter table of the given columns (the report splits them in two so that each fits A4 landscape). */
function nodeTable(report: ReachReport, columns: typeof METRIC_COLUMNS): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [110, 42, ...columns.map(() => '*')],
      body: [
        [headerCell('Knoten'), headerCell('Quartal'), ...columns.map((c) => headerCell(printHeader(c.header), true))],
        ...tableRows(report).map((r) => {
          const style = r.total ? { bold: true, fillColor: '#f6f6f6' } : {};
          return [
            { text: r.node, ...style },
            { text: r.quarter, ...style },
            ...columns.map((c) => ({ ...num(c.value(r.metrics)), ...style })),
          ];
        }),
      ],
    },
    layout: gridLayout,
    fontSize: 8,
  };
}

function breakdownTable(title: string, column: string, rows: ReachBreakdownRow[]): Content {
  return {
    stack: [
      { text: title, fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto'],
          body: [
            [
              headerCell(column),
              headerCell('Organisationen', true),
              headerCell('KMU', true),
              headerCell('Personen', true),
            ],
            ...(rows.length
              ? rows.map((r) => [r.label, num(r.organizations), num(r.smes), num(r.persons)])
              : [[{ text: 'keine', colSpan: 4 }, '', '', '']]),
          ],
        },
        layout: gridLayout,
        fontSize: 7.5,
      },
    ],
  };
}

const isKindColumn = (c: (typeof METRIC_COLUMNS)[number]) => EVENT_KINDS.some((k) => EVENT_KIND[k].de === c.header);

/** The report as a PDF (A4 landscape): info, node × quarter tables, then the breakdowns side by side. */
export function reachPdf(report: ReachReport, meta: ReportMeta = {}): Promise<Buffer> {
  const title = meta.label ? `Reichweite – ${meta.label}` : `Reichweite ${day(report.from)} – ${day(report.to)}`;
  const info = infoLines(report, meta, reportNodeName(report)).slice(1);
  const events = METRIC_COLUMNS.find((c) => c.header === 'Veranstaltungen') as (typeof METRIC_COLUMNS)[number];
  const section = (text: string): Content => ({ text, fontSize: 11, bold: true, margin: [0, 12, 0, 4] });
  return renderPdf({
    title,
    footerText: [
      'ANeTT Netzwerk-CRM',
      meta.fundingReference && `FKZ ${meta.fundingReference}`,
      title,
      `berechnet ${formatDate(report.generatedAt)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    createdAt: report.generatedAt,
    pageOrientation: 'landscape',
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: [
      { text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      {
        table: { widths: [90, '*'], body: info.map(([k, v]) => [{ text: k, bold: true }, v]) },
        layout: 'noBorders',
        fontSize: 8.5,
        margin: [0, 0, 0, 8],
      },
      nodeTable(
        report,
        METRIC_COLUMNS.filter((c) => !isKindColumn(c)),
      ),
      section('Veranstaltungen nach Format'),
      nodeTable(report, [events, ...METRIC_COLUMNS.filter(isKindColumn)]),
      {
        columns: BREAKDOWNS.map((b) => breakdownTable(b.title, b.column, report.breakdowns[b.key])),
        columnGap: 14,
        margin: [0, 14, 0, 0],
      },
      signatureBlock(meta),
    ],
  });
}

/** Place, date and signature of whoever answers for the numbers to the funder; kept together on one page. */
function signatureBlock(meta: ReportMeta): Content {
  const line = (x: number) => ({ type: 'line' as const, x1: x, y1: 0, x2: x + 220, y2: 0, lineWidth: 0.5 });
  return {
    unbreakable: true,
    margin: [0, 28, 0, 0],
    stack: [
      { text: 'Die Angaben sind richtig und vollständig.', fontSize: 9, margin: [0, 0, 0, 36] },
      { canvas: [line(0), line(300)] },
      {
        columns: [
          { text: 'Ort, Datum', fontSize: 8, width: 300 },
          {
            text: meta.signatory ? `Unterschrift – ${meta.signatory}` : 'Unterschrift, Name und Funktion',
            fontSize: 8,
          },
        ],
        margin: [0, 2, 0, 0],
      },
    ],
  };
}
