import type { ExportFormat, ExportPreview, ExportQueryInput } from '@anett/shared/schemas/export';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

export const exportKeys = {
  all: ['exports'] as const,
  preview: (params: ExportQueryInput) => [...exportKeys.all, 'preview', params] as const,
};

export const exportPreviewOptions = (params: ExportQueryInput) =>
  queryOptions({
    queryKey: exportKeys.preview(params),
    queryFn: ({ signal }) => api.get<ExportPreview>('/api/exports/preview', { query: params, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** Fetches the file with the bearer token and hands it to the browser as a download. */
export async function downloadExport(format: ExportFormat, params: ExportQueryInput, fileName: string) {
  const blob = await api.blob(`/api/exports/persons.${format}`, { query: params });
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.${format}`;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the browser time to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
