import type { EventRow } from '@anett/db/schema';
import type { EventSession } from '@anett/shared/schemas/event';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { BERLIN, berlinFormat } from '../../lib/time.ts';

const berlinParts = berlinFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
/**
 * The Berlin wall-clock time as a string without offset: ical-generator writes a TZID time from the local fields of the
 * Date it parses from this, so the result does not depend on the server's own time zone.
 */
function berlinLocal(instant: Date): string {
  const p = Object.fromEntries(berlinParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** An event without an end is shown as two hours long in calendars. */
const DEFAULT_DURATION_MS = 2 * 60 * 60_000;

/**
 * The event as an iCalendar file: one VEVENT per session (the event itself when it has none), in Europe/Berlin with
 * its VTIMEZONE, so Outlook and phones show the local times. UIDs are stable: a second download updates the entries.
 */
export function eventCalendar(event: EventRow, sessions: EventSession[], host: string): string {
  const cal = ical({
    prodId: { company: 'ANeTT', product: 'Netzwerk-CRM', language: 'DE' },
    name: event.title,
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: BERLIN, generator: getVtimezoneComponent },
  });
  const slots = sessions.length
    ? sessions.map((s) => ({ id: `session-${s.id}`, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt }))
    : [{ id: 'event', title: null, startsAt: event.startsAt, endsAt: event.endsAt }];
  for (const slot of slots) {
    const start = new Date(slot.startsAt);
    const end = slot.endsAt ? new Date(slot.endsAt) : new Date(start.getTime() + DEFAULT_DURATION_MS);
    cal.createEvent({
      id: `anett-event-${event.id}-${slot.id}@${host}`,
      start: berlinLocal(start),
      end: berlinLocal(end),
      timezone: BERLIN,
      summary: slot.title ? `${event.title}: ${slot.title}` : event.title,
      location: event.location ?? undefined,
      description: event.description ?? undefined,
    });
  }
  return cal.toString();
}
