import { api, type Query } from './api-client.ts';

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a `Content-Disposition` header gives: the UTF-8 `filename*` first, else `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {}
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/**
 * Downloads a file of the API (it needs the bearer token, so a plain link cannot) under the name the server gives it,
 * or under `fileName` when one is passed.
 */
export async function downloadFile(path: string, opts: { query?: Query; fileName?: string } = {}): Promise<void> {
  const { data, disposition } = await api.file(path, { query: opts.query });
  saveBlob(data, opts.fileName ?? fileNameOf(disposition) ?? path.split('/').pop() ?? 'download');
}
