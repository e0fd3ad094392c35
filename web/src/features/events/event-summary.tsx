import type { EventDetail } from '@anett/shared/schemas/event';
import { Badge, Card, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { STATUS_COLOR } from '../../components/attendance-status-badge.tsx';
import { RecordFacts } from '../../components/records/record-section.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { topicLabel } from '../../lib/reference-data.ts';
import { QuickLogButton } from '../interactions/quick-log.tsx';
import { SelfRegistrationCard } from '../registrations/self-registration-card.tsx';
import { seatsTaken } from './event-kind.ts';

function Counter({ label, value, color }: { label: string; value: ReactNode; color?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

/** "15.11.2024, 10:00 – 14:00" or "10.09.2024, 08:30 – 20.09.2024, 16:00". */
function period(start: string, end: string | null, lang: 'de' | 'en') {
  if (!end) return formatDateTime(start);
  if (formatDate(start) === formatDate(end)) {
    const time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit' });
    return `${formatDateTime(start)} – ${time.format(new Date(end))}`;
  }
  return `${formatDateTime(start)} – ${formatDateTime(end)}`;
}

/** The event's facts and description beside its counters (seats, attended, waiting, interested). */
export function EventSummary({ event, canEdit }: { event: EventDetail; canEdit: boolean }) {
  const { t, lang } = useLabels();
  const isCourse = event.kind === 'course';
  const taken = seatsTaken(event);
  const facts: [string, ReactNode][] = [
    [t('events.when'), period(event.startsAt, event.endsAt, lang)],
    [t('events.location'), event.location],
    [t('events.node'), event.node?.name],
    [t('events.capacity'), event.capacity === null ? t('events.unlimited') : formatNumber(event.capacity)],
    [
      t('events.topics'),
      event.topics.length > 0 && (
        <Group gap={4}>
          {event.topics.map((tp) => (
            <Badge key={tp.id} variant="light" color="gray" radius="sm">
              {topicLabel(tp, lang)}
            </Badge>
          ))}
        </Group>
      ),
    ],
    ...(isCourse ? [[t('events.totalHours'), formatNumber(event.totalHours)] as [string, ReactNode]] : []),
  ];

  return (
    <Grid gap="md" mb="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card withBorder radius="md" padding="lg" component="section" h="100%">
          <Title order={2} fz="md" mb="sm">
            {t('events.details')}
          </Title>
          <RecordFacts labelWidth={130} items={facts} />
          {event.description && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {event.description}
            </Text>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm" component="section" aria-label={t('events.countersLabel')}>
          <SimpleGrid cols={2} spacing="sm">
            <Counter
              label={t('events.seats')}
              value={
                event.capacity === null
                  ? formatNumber(taken)
                  : `${formatNumber(taken)} / ${formatNumber(event.capacity)}`
              }
              color={event.capacity !== null && taken >= event.capacity ? 'orange' : undefined}
            />
            <Counter label={t('events.counter.attended')} value={formatNumber(event.counts.attended)} color="green" />
            <Counter
              label={t('events.counter.waitlisted')}
              value={formatNumber(event.counts.waitlisted)}
              color={event.counts.waitlisted > 0 ? STATUS_COLOR.waitlisted : undefined}
            />
            <Counter label={t('events.counter.interested')} value={formatNumber(event.counts.interested)} />
          </SimpleGrid>
          {canEdit && <QuickLogButton variant="default" fullWidth />}
          <SelfRegistrationCard event={event} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
