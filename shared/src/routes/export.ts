import { z } from 'zod';
import {
  type ExportFormat,
  exportExcludedPage,
  exportExcludedQuery,
  exportPreview,
  exportQuery,
} from '../schemas/export.ts';
import { domainRoutes, type RouteSpec } from './define.ts';

/** The mailing list as a file (its bytes are not JSON; the server adds `produces`). */
const personsFile = <const F extends ExportFormat>(format: F) =>
  ({
    method: 'GET',
    path: `/api/exports/persons.${format}`,
    summary: `Mailing list as ${format.toUpperCase()}, streamed; only persons who may be contacted on the channel`,
    description:
      'Person filters as in GET /api/persons. Without `purpose` the latest consent entry for `channel` must be a ' +
      'grant; a stated non-marketing purpose lifts that (it is logged). Withdrawn and suppressed persons are never ' +
      'exported. Every export is written to the audit log with its row count.',
    query: exportQuery,
    responses: { 200: z.unknown().describe(`the ${format.toUpperCase()} file`) },
  }) satisfies RouteSpec;

export const exports = domainRoutes('exports', {
  preview: {
    method: 'GET',
    path: '/api/exports/preview',
    summary: 'How many persons an export with these parameters contains, and how many are left out and why',
    query: exportQuery,
    responses: { 200: exportPreview },
  },
  excluded: {
    method: 'GET',
    path: '/api/exports/excluded',
    summary: 'Who an export with these parameters leaves out and why (the same rules as the preview and the file)',
    query: exportExcludedQuery,
    responses: { 200: exportExcludedPage },
  },
  personsCsv: personsFile('csv'),
  personsXlsx: personsFile('xlsx'),
  personsVcf: personsFile('vcf'),
});

/** The mailing-list file route of each format. */
export const exportFiles = {
  csv: exports.personsCsv,
  xlsx: exports.personsXlsx,
  vcf: exports.personsVcf,
} satisfies Record<ExportFormat, unknown>;
