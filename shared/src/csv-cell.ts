/** Helpers for spreadsheet/CSV exports and download headers. */

/** Lead characters a spreadsheet may interpret as a formula (OWASP "CSV Injection"). */
const DANGEROUS_LEAD = /^[=+\-@\t\r]/;

/**
 * Neutralises CSV/formula injection: a cell starting with '=', '+', '-', '@', tab or carriage return gets a leading
 * single quote, so spreadsheet programs show it as text. This deliberately includes negative numbers ('-5' → "'-5");
 * numeric columns should be written as numbers, not passed through here.
 */
export function neutralizeCell(value: string): string {
  return DANGEROUS_LEAD.test(value) ? `'${value}` : value;
}

const TRANSLITERATION: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
};
const TRANSLITERATE = new RegExp(`[${Object.keys(TRANSLITERATION).join('')}]`, 'g');

/** German transliteration (ä → ae, ß → ss), then all other diacritics stripped ('é' → 'e'). */
function toAscii(s: string): string {
  return s
    .normalize('NFC')
    .replace(TRANSLITERATE, (c) => TRANSLITERATION[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

const MAX_FILENAME = 100;
const MAX_EXTENSION = 16;

/**
 * An ASCII-only file name for Content-Disposition and the file system: umlauts transliterated, every character outside
 * [A-Za-z0-9._-] replaced by '-', runs of '-' or '.' collapsed, at most 100 characters including the extension, never
 * empty (falls back to 'export') and never starting with a dot. `ext` may be given with or without the leading dot.
 * safeFilename('Förderprojekte Jena/Gera 2025', 'xlsx') → 'Foerderprojekte-Jena-Gera-2025.xlsx'
 */
export function safeFilename(name: string, ext: string): string {
  const extension = toAscii(ext)
    .replace(/[^A-Za-z0-9]+/g, '')
    .slice(0, MAX_EXTENSION);
  const suffix = extension ? `.${extension}` : '';
  const trimEdges = (s: string) => s.replace(/^[.-]+/, '').replace(/[.-]+$/, '');
  const base = trimEdges(
    toAscii(name)
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/\.{2,}/g, '.'),
  );
  return `${trimEdges(base.slice(0, MAX_FILENAME - suffix.length)) || 'export'}${suffix}`;
}

/** RFC 5987 ext-value encoding: percent-encode everything except attr-char. */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition header value per RFC 6266 with an ASCII fallback and the exact UTF-8 name per RFC 5987:
 * contentDisposition('Übersicht.csv') → `attachment; filename="Uebersicht.csv"; filename*=UTF-8''%C3%9Cbersicht.csv`
 */
export function contentDisposition(filename: string): string {
  const utf8 =
    filename
      .normalize('NFC')
      .replace(/\p{Cc}/gu, '')
      .replace(/[/\\]/g, '-')
      .trim()
      .replace(/^\.+/, '') || 'export';
  const dot = utf8.lastIndexOf('.');
  const ascii = dot > 0 ? safeFilename(utf8.slice(0, dot), utf8.slice(dot + 1)) : safeFilename(utf8, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(utf8)}`;
}
