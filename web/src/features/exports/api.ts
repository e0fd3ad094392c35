import { exportFiles, exports } from '@anett/shared/routes/export';
import type { ExportFormat, ExportQueryInput } from '@anett/shared/schemas/export';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { localDay } from '../../lib/local-dates.ts';
import { exportKeys } from '../../lib/query-keys.ts';

export const exportPreviewOptions = (params: ExportQueryInput) =>
  queryOptions({
    queryKey: exportKeys.preview(params),
    queryFn: ({ signal }) => call(exports.preview, { query: params, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** Fetches the file with the bearer token and hands it to the browser as a download, named with today's date. */
export const downloadExport = (format: ExportFormat, params: ExportQueryInput, fileName: string) =>
  downloadFile(exportFiles[format].path, {
    query: params,
    fileName: `${fileName}-${localDay(new Date())}.${format}`,
  });
