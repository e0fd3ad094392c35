import { PassThrough, Readable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { neutralizeCell, safeFilename } from '@anett/shared/csv-cell';
import { anredeLabel, formalName, letterSalutation } from '@anett/shared/salutation';
import { EXPORT_COLUMNS, EXPORT_EXCLUSIONS, type ExportFormat, type ExportPreview } from '@anett/shared/schemas/export';
import ExcelJS from 'exceljs';
import { keepAutoFilter } from '../../lib/xlsx.ts';
import type { Streamed } from '../../read-pool.ts';
import type { ExportRow, ExportSelection, ExportsRepository } from './exports.repository.ts';
import { personUid, vcard } from './vcard.ts';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: 'text/vcard; charset=utf-8',
};

/** The cells of one row in the order of EXPORT_COLUMNS, before neutralising. */
export function exportCells(r: ExportRow): string[] {
  return [
    anredeLabel(r.salutation),
    r.title ?? '',
    r.firstName,
    r.lastName,
    letterSalutation({ ...r, office: r.office }),
    r.function ?? '',
    r.organization ?? '',
    r.street ?? '',
    r.postalCode ?? '',
    r.city ?? '',
    r.email ?? '',
    r.phone ?? '',
    r.mobile ?? '',
  ];
}

const COLUMN_WIDTHS = [8, 12, 16, 20, 36, 24, 32, 28, 8, 20, 32, 18, 18];
const lastColumn = String.fromCharCode(64 + EXPORT_COLUMNS.length);

/** RFC 4180 with every field quoted, `;`-separated, CRLF-terminated. */
export const csvRecord = (cells: readonly string[]) => `"${cells.map((c) => c.replaceAll('"', '""')).join('";"')}"\r\n`;

const CHUNK = 64 * 1024;

/** Joins small strings into chunks of about 64 KiB: one stream write per chunk, not per row. */
function* chunked(parts: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * UTF-8 with BOM, `;`, CRLF and every field quoted, for mail-merge and newsletter programs; what a spreadsheet would
 * evaluate is neutralised (and undone again by the import). Spreadsheet users get the XLSX: Excel and Calc turn
 * '07745' in a CSV into the number 7745.
 */
function csvStream(rows: Iterable<ExportRow>): Readable {
  return Readable.from(
    chunked(
      (function* () {
        yield `\uFEFF${csvRecord(EXPORT_COLUMNS)}`;
        for (const r of rows) yield csvRecord(exportCells(r).map(neutralizeCell));
      })(),
    ),
    { objectMode: false },
  );
}

function vcfStream(rows: Iterable<ExportRow>): Readable {
  return Readable.from(
    chunked(
      (function* () {
        for (const r of rows) {
          yield vcard({
            ...r,
            uid: personUid(r.id, r.createdAt),
            revision: r.updatedAt,
            additionalEmails: r.contactPoints?.filter((c) => c.kind === 'email').map((c) => c.value),
            additionalPhones: r.contactPoints?.filter((c) => c.kind === 'phone').map((c) => c.value),
            additionalMobiles: r.contactPoints?.filter((c) => c.kind === 'mobile').map((c) => c.value),
            salutation: anredeLabel(r.salutation),
            formattedName: formalName({
              title: r.title,
              firstName: r.firstName,
              lastName: r.lastName,
              salutation: null,
            }),
          });
        }
      })(),
    ),
    { objectMode: false },
  );
}

/** Resolves when the stream wants more data or was closed (an aborted download must not leave the export waiting). */
function writable(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return tick().then(() => undefined);
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Streams the workbook: rows are committed one by one and never held as a whole sheet. Every column is formatted as
 * text and every value written as a string, so nothing is evaluated or converted (07745, +49 …, =…) and no visible
 * prefix is needed.
 */
function xlsxStream(rows: Generator<ExportRow>): Readable {
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheetName = 'Verteiler';
    const sheet = workbook.addWorksheet(sheetName, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    // Text format also keeps what a user types into a cell later (a postcode stays 07743, a phone +49 …).
    sheet.columns = EXPORT_COLUMNS.map((header, i) => ({
      key: header,
      width: COLUMN_WIDTHS[i],
      style: { numFmt: '@' },
    }));
    const header = sheet.addRow([...EXPORT_COLUMNS]);
    header.font = { bold: true };
    header.commit();
    let n = 0;
    for (const r of rows) {
      sheet.addRow(exportCells(r)).commit();
      if (++n % 500 === 0) {
        await writable(out);
        if (out.destroyed) return;
      }
    }
    const range = `A1:${lastColumn}${n + 1}`;
    sheet.autoFilter = range;
    keepAutoFilter(workbook.definedNames, sheetName, range);
    sheet.commit();
    await workbook.commit();
  };
  write()
    .catch((err: unknown) => out.destroy(err as Error))
    // Closes the rows (and their database connection) however the writing ended.
    .finally(() => rows.return(undefined));
  return out;
}

const writers: Record<ExportFormat, (rows: Generator<ExportRow>) => Readable> = {
  csv: csvStream,
  xlsx: xlsxStream,
  vcf: vcfStream,
};

/** What an export held when it ended: rows sent, and whether the file was read to the end. */
export type ExportSummary = { count: number; completed: boolean };

/** The file name the browser saves an export under. */
export function exportFileName(selection: ExportSelection, format: ExportFormat, today: string) {
  const channelPart = selection.channel === 'email_newsletter' ? '' : `-${selection.channel.replace('_', '-')}`;
  return safeFilename(`anett-verteiler${channelPart}-${today}`, format);
}

/** The audit entry of an export: its parameters and how many rows it held (`completed: false` when aborted). */
export const exportAudit = (selection: ExportSelection, format: ExportFormat, summary: ExportSummary) => ({
  entity: 'export',
  action: 'export',
  diff: {
    format,
    filter: selection.filter,
    channel: selection.channel,
    purpose: selection.purpose ?? null,
    count: summary.count,
    ...(summary.completed ? {} : { completed: false }),
  },
});

export function createExportsService(repo: ExportsRepository) {
  return {
    preview(selection: ExportSelection): ExportPreview {
      const counts = repo.counts(selection);
      const excluded = Object.fromEntries(
        EXPORT_EXCLUSIONS.map((r) => [r, counts.get(r) ?? 0]),
      ) as ExportPreview['excluded'];
      const included = counts.get(null) ?? 0;
      const total = included + Object.values(excluded).reduce((a, b) => a + b, 0);
      return { included, excluded, total };
    },

    /** The persons the export leaves out, with their reason (a page of them). */
    excluded: repo.excluded,

    /** The file's chunks, and (once they ended or were abandoned) how many persons it held. */
    file(selection: ExportSelection, format: ExportFormat): Streamed<ExportSummary> {
      // The vCard carries every address and number; the mailing-list files only the main e-mail (the mailing address).
      const source = repo.rows(selection, { contactPoints: format === 'vcf' });
      const summary: ExportSummary = { count: 0, completed: false };
      function* counted(): Generator<ExportRow> {
        for (const row of source) {
          summary.count++;
          yield row;
        }
        summary.completed = true;
      }
      return { chunks: writers[format](counted()), summary: () => ({ ...summary }) };
    },
  };
}
