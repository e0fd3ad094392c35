export const nowIso = () => new Date().toISOString();

/** Where the network works: dates and times shown, printed and mailed are this zone's wall clock. */
export const BERLIN = 'Europe/Berlin';

/** A date/time format in Berlin time (PDFs, mails, calendar files, `berlinToday`). */
export const berlinFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { timeZone: BERLIN, ...options });

const berlinDate = berlinFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) where the network works: follow-ups fall due and affiliations end at local midnight. */
export const berlinToday = (now = new Date()): string => berlinDate.format(now);
