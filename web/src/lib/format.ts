import { currentLanguage, type Language } from './i18n.ts';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const locale = () => LOCALES[currentLanguage()];

/** A date-only ISO string ('2024-11-15') is a calendar day, not midnight UTC: read it in local time. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
}

const valid = (d: Date) => !Number.isNaN(d.getTime());

/** 15.11.2024 (de), 15/11/2024 (en). Empty for null. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const d = toDate(value);
  return valid(d)
    ? new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d)
    : '';
}

/** 15.11.2024, 14:30 (de). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const d = toDate(value);
  return valid(d)
    ? new Intl.DateTimeFormat(locale(), {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(d)
    : '';
}

/** 1.234,5 (de), 1,234.5 (en). */
export function formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
  if (value == null || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(locale(), options).format(value);
}

/** "in 15 Minuten" / "in 30 Sekunden" for a wait given in seconds. */
export function formatWait(seconds: number): string {
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'always' });
  return seconds >= 90 ? rtf.format(Math.ceil(seconds / 60), 'minute') : rtf.format(Math.ceil(seconds), 'second');
}

/** 1,2 MB / 340 kB: a file size as people read it. */
export function formatFileSize(bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return formatNumber(mb ? bytes / 1024 / 1024 : Math.max(bytes / 1024, 0.1), {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  });
}

/** 'Dr. Anna Müller': title, first and last name. */
export const personName = (p: { title?: string | null; firstName: string; lastName: string }) =>
  [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');

/** 'contactPoint' → 'ContactPoint' and back, typed: message keys are built from a record's or section's name. */
export const capitalize = <S extends string>(s: S) => `${s.charAt(0).toUpperCase()}${s.slice(1)}` as Capitalize<S>;
export const uncapitalize = <S extends string>(s: S) => `${s.charAt(0).toLowerCase()}${s.slice(1)}` as Uncapitalize<S>;
