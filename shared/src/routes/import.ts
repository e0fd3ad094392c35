import { ErrorCode as E } from '../error-codes.ts';
import {
  importBody,
  importCommitResult,
  importMappingQuery,
  importMappingResponse,
  importPreview,
} from '../schemas/import.ts';
import { defineRoute } from './define.ts';

const tag = 'imports';

export const imports = {
  preview: defineRoute({
    method: 'POST',
    path: '/api/imports/preview',
    tag,
    summary:
      'Read a CSV/XLSX file of persons or organisations: rows with errors, duplicate candidates, suppression hits',
    body: importBody,
    responses: { 200: importPreview },
    errors: [400, 401, 403, 413],
    codes: [E.IMPORT_FILE_UNREADABLE],
  }),
  commit: defineRoute({
    method: 'POST',
    path: '/api/imports/commit',
    tag,
    summary: 'Import all rows in one transaction; any invalid row or undecided duplicate → 422 and nothing is written',
    body: importBody,
    responses: { 200: importCommitResult },
    errors: [400, 401, 403, 409, 413, 422],
    codes: [E.IMPORT_FILE_UNREADABLE, E.IMPORT_INVALID, E.IMPORT_TARGET_GONE],
  }),
  mapping: defineRoute({
    method: 'GET',
    path: '/api/imports/mapping',
    tag,
    summary: 'The column mapping the user last used for this kind of import',
    query: importMappingQuery,
    responses: { 200: importMappingResponse },
    errors: [400, 401, 403],
  }),
};
