export const nowIso = () => new Date().toISOString();

const berlinDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) where the network works: follow-ups fall due and affiliations end at local midnight. */
export const berlinToday = (now = new Date()): string => berlinDate.format(now);
