import type { Event } from '@anett/shared/schemas/event';
import type { EventKind } from '@anett/shared/vocab/enums';

/** A colour per event kind, for the calendar and badges. */
export const KIND_COLOR: Record<EventKind, string> = {
  opening: 'grape',
  panel: 'violet',
  workshop: 'cyan',
  course: 'teal',
  network_meeting: 'blue',
  webinar: 'indigo',
  fair: 'orange',
  other: 'gray',
};

/** Seats taken (registered or attended). */
export const seatsTaken = (e: Pick<Event, 'counts'>) => e.counts.registered + e.counts.attended;
