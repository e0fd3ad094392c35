/** Event times as the public pages show them: Berlin time, in the reader's language. */
export function formatWhen(startsAt: string, endsAt: string | null, lang: 'de' | 'en'): string {
  const locale = lang === 'en' ? 'en-GB' : 'de-DE';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
  const start = new Date(startsAt);
  const suffix = lang === 'de' ? ' Uhr' : '';
  if (!endsAt) return `${day.format(start)}, ${time.format(start)}${suffix}`;
  const end = new Date(endsAt);
  if (day.format(start) === day.format(end))
    return `${day.format(start)}, ${time.format(start)}–${time.format(end)}${suffix}`;
  return `${day.format(start)} – ${day.format(end)}`;
}
