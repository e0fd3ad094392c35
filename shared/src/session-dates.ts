/** Course sessions (Termine): when the next one is, what a typed time means, and when two take place at once. */

const DAY_MS = 86_400_000;
const addDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The first day after the latest of `days` (YYYY-MM-DD) that has no session yet; undefined without days. */
export function nextFreeDay(days: readonly string[]): string | undefined {
  const taken = new Set(days);
  const latest = [...taken].sort().at(-1);
  if (!latest) return undefined;
  let day = addDay(latest);
  while (taken.has(day)) day = addDay(day);
  return day;
}

/**
 * A time of day as people type it: '16:30', '16.30', '1630', '9:5' is not one, '9' is 09:00. Returns 'HH:mm', null for
 * an empty input, and undefined for anything that is not a time (never silently dropped: the form says so).
 */
export function parseClockTime(input: string): string | null | undefined {
  const text = input.trim().replace(/\s*(uhr|h)$/i, '');
  if (text === '') return null;
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Whether two sessions take place at the same time: their intervals overlap, or one starts at the other's start or
 * inside it (a session without an end is a moment). Back to back is no overlap. Instants are ISO strings in UTC.
 */
export function sessionsOverlap(
  a: { startsAt: string; endsAt: string | null },
  b: { startsAt: string; endsAt: string | null },
): boolean {
  if (a.startsAt === b.startsAt) return true;
  return b.startsAt < (a.endsAt ?? a.startsAt) && a.startsAt < (b.endsAt ?? b.startsAt);
}
