import { z } from 'zod';
import {
  type ExportFormat,
  exportExcludedPage,
  exportExcludedQuery,
  exportPreview,
  exportQuery,
} from '../schemas/export.ts';
import { defineRoute } from './define.ts';

const tag = 'exports';

/** The mailing list as a file (its bytes are not JSON; the server adds `produces`). */
const personsFile = <const F extends ExportFormat>(format: F) =>
  defineRoute({
    method: 'GET',
    path: `/api/exports/persons.${format}`,
    tag,
    summary: `Mailing list as ${format.toUpperCase()}, streamed; only persons who may be contacted on the channel`,
    description:
      'Person filters as in GET /api/persons. Without `purpose` the latest consent entry for `channel` must be a ' +
      'grant; a stated non-marketing purpose lifts that (it is logged). Withdrawn and suppressed persons are never ' +
      'exported. Every export is written to the audit log with its row count.',
    query: exportQuery,
    responses: { 200: z.unknown().describe(`the ${format.toUpperCase()} file`) },
    errors: [400, 401, 403],
  });

export const exports = {
  preview: defineRoute({
    method: 'GET',
    path: '/api/exports/preview',
    tag,
    summary: 'How many persons an export with these parameters contains, and how many are left out and why',
    query: exportQuery,
    responses: { 200: exportPreview },
    errors: [400, 401, 403],
  }),
  excluded: defineRoute({
    method: 'GET',
    path: '/api/exports/excluded',
    tag,
    summary: 'Who an export with these parameters leaves out and why (the same rules as the preview and the file)',
    query: exportExcludedQuery,
    responses: { 200: exportExcludedPage },
    errors: [400, 401, 403],
  }),
  personsCsv: personsFile('csv'),
  personsXlsx: personsFile('xlsx'),
  personsVcf: personsFile('vcf'),
};

/** The mailing-list file route of each format. */
export const exportFiles = {
  csv: exports.personsCsv,
  xlsx: exports.personsXlsx,
  vcf: exports.personsVcf,
} satisfies Record<ExportFormat, unknown>;
