import { ErrorCode as E } from '../error-codes.ts';
import {
  importBody,
  importCommitResult,
  importMappingQuery,
  importMappingResponse,
  importPreview,
} from '../schemas/import.ts';
import { domainRoutes } from './define.ts';

export const imports = domainRoutes('imports', {
  preview: {
    method: 'POST',
    path: '/api/imports/preview',
    summary:
      'Read a CSV/XLSX file of persons or organisations: rows with errors, duplicate candidates, suppression hits',
    body: importBody,
    responses: { 200: importPreview },
    codes: [E.IMPORT_FILE_UNREADABLE, E.BODY_TOO_LARGE],
  },
  commit: {
    method: 'POST',
    path: '/api/imports/commit',
    summary: 'Import all rows in one transaction; any invalid row or undecided duplicate → 422 and nothing is written',
    body: importBody,
    responses: { 200: importCommitResult },
    codes: [E.IMPORT_FILE_UNREADABLE, E.BODY_TOO_LARGE, E.IMPORT_INVALID, E.IMPORT_TARGET_GONE],
  },
  mapping: {
    method: 'GET',
    path: '/api/imports/mapping',
    summary: 'The column mapping the user last used for this kind of import',
    query: importMappingQuery,
    responses: { 200: importMappingResponse },
  },
});
