import type { Event } from '@anett/shared/schemas/event';
import { Text } from '@mantine/core';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { seatsTaken } from './event-kind.ts';

/** "18 / 20 · 3 Warteliste": seats taken of the capacity, and the waiting list when there is one. */
export function Registrations({ event }: { event: Pick<Event, 'counts' | 'capacity'> }) {
  const { t } = useLabels();
  const taken = seatsTaken(event);
  const full = event.capacity !== null && taken >= event.capacity;
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      <Text span fw={600} c={full ? 'orange' : undefined}>
        {formatNumber(taken)}
        {event.capacity !== null && ` / ${formatNumber(event.capacity)}`}
      </Text>
      {event.counts.waitlisted > 0 && (
        <Text span c="dimmed">
          {' · '}
          {t('events.waitlistCount', { count: event.counts.waitlisted })}
        </Text>
      )}
    </Text>
  );
}
