import { restoreCell } from '@anett/shared/csv-cell';
import { IMPORT_MAX_ROWS } from '@anett/shared/schemas/import';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fieldError } from './errors.ts';

/** A spreadsheet as read: the header names and the data rows with the line they came from (header = line 1). */
export type Table = { columns: string[]; rows: { line: number; cells: string[] }[] };

const unreadable = (message: string) => fieldError('contentBase64', message, 'IMPORT_FILE_UNREADABLE');
const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');

/** UTF-8 (with or without BOM); anything that is not valid UTF-8 is read as Windows-1252, as older Excel writes it. */
function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The separator of the header line: the most frequent of `;`, `,` and tab (German Excel writes `;`). */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = [';', ',', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ';';
}

/** First non-empty row = header; blank headers get a name, repeated ones a suffix, so every column has a unique key. */
function toTable(cellRows: string[][], lineOf: (index: number) => number): Table {
  const headerIndex = cellRows.findIndex((cells) => !isEmpty(cells));
  if (headerIndex < 0) throw unreadable('Die Datei enthält keine Zeilen');
  const seen = new Map<string, number>();
  const columns = (cellRows[headerIndex] ?? []).map((raw, i) => {
    const name = raw.trim() || `Spalte ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  const rows: Table['rows'] = [];
  for (let i = headerIndex + 1; i < cellRows.length; i++) {
    const cells = cellRows[i] ?? [];
    if (isEmpty(cells)) continue;
    rows.push({ line: lineOf(i), cells: columns.map((_, c) => (cells[c] ?? '').trim()) });
  }
  if (rows.length > IMPORT_MAX_ROWS) throw unreadable(`Höchstens ${IMPORT_MAX_ROWS} Zeilen je Import`);
  return { columns, rows };
}

function readCsv(buffer: Buffer): Table {
  const text = decodeText(buffer);
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  // Papa reports rows, not lines: a quoted field with a line break spans two lines, which the line numbers follow.
  let line = 1;
  const lines = parsed.data.map((cells) => {
    const at = line;
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return at;
  });
  // The app's own CSV neutralised what a spreadsheet would evaluate ("'=…"); the values are read back as they were.
  return toTable(
    parsed.data.map((cells) => cells.map(restoreCell)),
    (i) => lines[i] ?? i + 1,
  );
}

async function readXlsx(buffer: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Die Excel-Datei kann nicht gelesen werden');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw unreadable('Die Excel-Datei enthält keine Zeilen');
  if (sheet.rowCount > IMPORT_MAX_ROWS + 50) throw unreadable(`Höchstens ${IMPORT_MAX_ROWS} Zeilen je Import`);
  const cellRows: string[][] = [];
  const lines: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    cellRows.push(cells);
    lines.push(rowNumber);
  });
  return toTable(cellRows, (i) => lines[i] ?? i + 1);
}

/** Reads an uploaded table: .xlsx (by name or content) or CSV. */
export async function readTable(fileName: string, contentBase64: string): Promise<Table> {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(contentBase64)) throw unreadable('ist kein gültiges Base64');
  const buffer = Buffer.from(contentBase64, 'base64');
  if (buffer.length === 0) throw unreadable('Die Datei ist leer');
  const zipped = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (/\.xlsx$/i.test(fileName) || zipped) return readXlsx(buffer);
  if (/\.(xls|ods|numbers)$/i.test(fileName)) {
    throw fieldError(
      'fileName',
      'Dateiformat nicht unterstützt: bitte als .xlsx oder .csv speichern',
      'IMPORT_FILE_UNREADABLE',
    );
  }
  return readCsv(buffer);
}
