import { foldText } from '@anett/shared/normalize';
import type { ImportRow } from '@anett/shared/schemas/attendance';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fieldError } from '../../lib/errors.ts';

/** A row of the list with the line it came from (header = line 1). */
export type SourceRow = { line: number; row: ImportRow };

export const IMPORT_MAX_ROWS = 5000;

/** Header names (folded, letters and digits only) → field. German and English, as sign-in lists come. */
const HEADERS: Record<string, keyof ImportRow> = {
  name: 'name',
  vollername: 'name',
  fullname: 'name',
  teilnehmer: 'name',
  teilnehmerin: 'name',
  teilnehmername: 'name',
  teilnehmerinnen: 'name',
  vorname: 'firstName',
  firstname: 'firstName',
  givenname: 'firstName',
  nachname: 'lastName',
  familienname: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  organisation: 'organization',
  organization: 'organization',
  firma: 'organization',
  unternehmen: 'organization',
  company: 'organization',
  institution: 'organization',
  einrichtung: 'organization',
  arbeitgeber: 'organization',
  employer: 'organization',
  organisationfirma: 'organization',
  firmaorganisation: 'organization',
  email: 'email',
  emailadresse: 'email',
  emailaddress: 'email',
  mail: 'email',
  anrede: 'salutation',
  salutation: 'salutation',
  titel: 'title',
  title: 'title',
  akademischertitel: 'title',
};

const headerKey = (h: string) => foldText(h).replace(/[^a-z0-9]/g, '');

const unreadable = (message: string) => fieldError('contentBase64', message, 'IMPORT_FILE_UNREADABLE');

/** Turns a table (first non-empty row = header) into rows; `lineOf(i)` gives the file line of table row i. */
export function rowsFromTable(table: string[][], lineOf: (index: number) => number): SourceRow[] {
  const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerIndex = table.findIndex((cells) => !isEmpty(cells));
  if (headerIndex < 0) throw unreadable('Die Datei enthält keine Zeilen');
  const columns = (table[headerIndex] ?? []).map((h) => HEADERS[headerKey(h)]);
  if (!columns.some((c) => c === 'name' || c === 'lastName' || c === 'email')) {
    throw unreadable(
      'Keine bekannten Spalten gefunden (erwartet: Name, Vorname, Nachname, Organisation/Firma, E-Mail)',
    );
  }
  const out: SourceRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (isEmpty(cells)) continue;
    const row: ImportRow = {};
    columns.forEach((field, c) => {
      const value = cells[c]?.trim();
      if (field && value && !row[field]) row[field] = value.slice(0, 1000);
    });
    out.push({ line: lineOf(i), row });
  }
  if (out.length > IMPORT_MAX_ROWS) throw unreadable(`Höchstens ${IMPORT_MAX_ROWS} Zeilen je Import`);
  return out;
}

/** UTF-8 (with or without BOM); files that are not valid UTF-8 are read as Windows-1252, as older Excel writes them. */
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

export function parseCsv(buffer: Buffer): SourceRow[] {
  const text = decodeText(buffer);
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  return rowsFromTable(parsed.data, (i) => i + 1);
}

export async function parseXlsx(buffer: Buffer): Promise<SourceRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadable('Die Excel-Datei kann nicht gelesen werden');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw unreadable('Die Excel-Datei enthält keine Zeilen');
  if (sheet.rowCount > IMPORT_MAX_ROWS + 50) throw unreadable(`Höchstens ${IMPORT_MAX_ROWS} Zeilen je Import`);
  const table: string[][] = [];
  const lines: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    table.push(cells);
    lines.push(rowNumber);
  });
  return rowsFromTable(table, (i) => lines[i] ?? i + 1);
}

/** Reads an uploaded sign-in list: .xlsx (by name or content) or CSV. */
export async function parseImportFile(fileName: string, contentBase64: string): Promise<SourceRow[]> {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(contentBase64)) throw unreadable('ist kein gültiges Base64');
  const buffer = Buffer.from(contentBase64, 'base64');
  if (buffer.length === 0) throw unreadable('Die Datei ist leer');
  const zipped = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (/\.xlsx$/i.test(fileName) || zipped) return parseXlsx(buffer);
  if (/\.(xls|ods|numbers)$/i.test(fileName)) {
    throw fieldError(
      'fileName',
      'Dateiformat nicht unterstützt: bitte als .xlsx oder .csv speichern',
      'IMPORT_FILE_UNREADABLE',
    );
  }
  return parseCsv(buffer);
}

// Names as people write them on lists

const TITLE_TOKEN = /^(?:prof|dr|dipl|jun|hon|mag)(?:\.|-|$)/i;

export type ParsedName = {
  salutation: 'frau' | 'herr' | null;
  title: string | null;
  firstName: string;
  lastName: string;
};

function salutationOf(s: string | null | undefined): 'frau' | 'herr' | null {
  const v = (s ?? '').trim().toLowerCase().replace(/\.$/, '');
  if (v === 'frau' || v === 'fr' || v === 'ms' || v === 'mrs') return 'frau';
  if (v === 'herr' || v === 'hr' || v === 'mr') return 'herr';
  return null;
}

/** Leading salutation and academic titles split off a name part: 'Frau Dr. Anna' → frau, 'Dr.', 'Anna'. */
function splitPrefix(text: string) {
  const tokens = text.split(/\s+/).filter(Boolean);
  let salutation: 'frau' | 'herr' | null = null;
  const titles: string[] = [];
  while (tokens.length > 1) {
    const t = tokens[0] as string;
    if (!salutation && !titles.length && salutationOf(t)) salutation = salutationOf(t);
    else if (TITLE_TOKEN.test(t)) titles.push(t);
    else break;
    tokens.shift();
  }
  return { salutation, title: titles.join(' ') || null, rest: tokens.join(' ') };
}

/** First and last name from the separate columns, else from the full name ('Dr. Anna Müller' or 'Müller, Anna'). */
export function parseName(row: ImportRow): ParsedName {
  const explicitSalutation = salutationOf(row.salutation);
  const explicitTitle = row.title?.trim() || null;
  if (row.firstName?.trim() || row.lastName?.trim()) {
    const first = splitPrefix(row.firstName?.trim() ?? '');
    return {
      salutation: explicitSalutation ?? first.salutation,
      title: explicitTitle ?? first.title,
      firstName: first.rest,
      lastName: row.lastName?.trim() ?? '',
    };
  }
  const name = (row.name ?? '').trim();
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const first = splitPrefix(name.slice(comma + 1).trim());
    return {
      salutation: explicitSalutation ?? first.salutation,
      title: explicitTitle ?? first.title,
      firstName: first.rest,
      lastName: name.slice(0, comma).trim(),
    };
  }
  const { salutation, title, rest } = splitPrefix(name);
  const tokens = rest.split(/\s+/).filter(Boolean);
  return {
    salutation: explicitSalutation ?? salutation,
    title: explicitTitle ?? title,
    firstName: tokens.slice(0, -1).join(' '),
    lastName: tokens.at(-1) ?? '',
  };
}
