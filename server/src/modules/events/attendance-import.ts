import { foldText } from '@anett/shared/normalize';
import type { ImportRow } from '@anett/shared/schemas/attendance';
import { fieldError } from '../../lib/errors.ts';
import { readTable } from '../../lib/read-table.ts';

/** A row of the list with the line it came from (header = line 1). */
export type SourceRow = { line: number; row: ImportRow };

/** A sign-in list is shorter than a contact import. */
const IMPORT_MAX_ROWS = 5000;

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

/** Reads an uploaded sign-in list (.xlsx or CSV) and maps its columns by their header names. */
export async function parseImportFile(fileName: string, contentBase64: string): Promise<SourceRow[]> {
  const table = await readTable(fileName, contentBase64);
  const fields = table.columns.map((h) => HEADERS[headerKey(h)]);
  if (!fields.some((f) => f === 'name' || f === 'lastName' || f === 'email')) {
    throw unreadable(
      'Keine bekannten Spalten gefunden (erwartet: Name, Vorname, Nachname, Organisation/Firma, E-Mail)',
    );
  }
  if (table.rows.length > IMPORT_MAX_ROWS) throw unreadable(`Höchstens ${IMPORT_MAX_ROWS} Zeilen je Import`);
  return table.rows.map(({ line, cells }) => {
    const row: ImportRow = {};
    fields.forEach((field, c) => {
      const value = cells[c];
      if (field && value && !row[field]) row[field] = value.slice(0, 1000);
    });
    return { line, row };
  });
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
