import { api } from '../../lib/api-client.ts';

const REVOKE_AFTER_MS = 60_000;

/**
 * Opens a printable page of the API (it needs the bearer token, so a plain link cannot) in a new tab.
 * The tab is opened at once, inside the click, so that pop-up blockers let it through; the page follows.
 */
export async function openPrintable(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await api.blob(path, { headers: { accept: 'text/html' } });
    const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  } catch (err) {
    tab?.close();
    throw err;
  }
}
