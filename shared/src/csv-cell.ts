/** Helpers for spreadsheet/CSV exports and download headers. */

/**
 * What Excel or LibreOffice Calc would read from a CSV field as a formula (OWASP "CSV Injection"): a field starting
 * with '=' (both), '@' (Excel's Lotus-style functions), tab or carriage return (tricks that strip to one of these), or
 * '+'/'-' followed by anything a number or phone number is not made of. A function, a cell reference or a DDE call
 * needs a letter or '|'; '+49 3641 681-123' or '-5' can at most be read as a number and carries no formula.
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d ()/.,+-]*$))/;
/** A value that already starts with quotes is looked at behind them, so that `restoreCell` can tell them apart. */
const isFormula = (value: string) => FORMULA.test(value.replace(/^'+/, ''));

/**
 * Neutralises what a spreadsheet would evaluate with one leading apostrophe ('=SUMME(A1)' → "'=SUMME(A1)"), and only
 * that: phone numbers such as '+49 3641 681-123' and negative numbers stay as they are. A value that looks neutralised
 * already ("'=x") gets a second apostrophe, so `restoreCell` gives back every value exactly.
 */
export function neutralizeCell(value: string): string {
  return isFormula(value) ? `'${value}` : value;
}

/** Undoes `neutralizeCell` when the app's own CSV is imported again: "'=SUMME(A1)" → '=SUMME(A1)'; "'abc" stays. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && isFormula(value) ? value.slice(1) : value;
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
