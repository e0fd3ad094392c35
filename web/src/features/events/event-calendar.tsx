import type { Event, EventListQuery } from '@anett/shared/schemas/event';
import { EVENT_KIND } from '@anett/shared/vocab/enums';
import { ActionIcon, Button, Group, Paper, Skeleton, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { ErrorState } from '../../components/error-state.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import { eventListOptions } from './api.ts';
import { KIND_COLOR } from './event-kind.ts';
import './events.css';

type Props = {
  /** 'YYYY-MM'; the current month when absent. */
  month: string | undefined;
  filters: Pick<EventListQuery, 'nodeId' | 'kind' | 'topic' | 'q'>;
  onMonthChange: (month: string) => void;
};

const MAX_SPREAD_DAYS = 7;
const DAY_MS = 86_400_000;

const monthKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

function parseMonth(month: string | undefined): Date {
  const m = month ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  const now = new Date();
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, 1) : new Date(now.getFullYear(), now.getMonth(), 1);
}

/** Monday-first weeks covering the month. */
function weeksOf(first: Date): Date[][] {
  const start = new Date(first);
  start.setDate(1 - ((first.getDay() + 6) % 7));
  const weeks: Date[][] = [];
  const cursor = new Date(start);
  do {
    const week: Date[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(new Date(cursor));
      cursor.setDate(cursor.getDate() + 1);
    }
    weeks.push(week);
  } while (cursor.getMonth() === first.getMonth());
  return weeks;
}

/** Days an event is shown on: every day of a short one, only the first day of a long one (e.g. a course). */
function daysOf(e: Event): string[] {
  const start = new Date(e.startsAt);
  const end = e.endsAt ? new Date(e.endsAt) : start;
  const days = [localDay(start)];
  if (end.getTime() - start.getTime() > MAX_SPREAD_DAYS * DAY_MS) return days;
  const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  while (d <= end) {
    days.push(localDay(d));
    d.setDate(d.getDate() + 1);
  }
  return days;
}

/** A month grid with the events of each day; PageUp/PageDown change the month. */
export function EventCalendar({ month, filters, onMonthChange }: Props) {
  const { t, lang, label } = useLabels();
  const first = parseMonth(month);
  const weeks = weeksOf(first);
  const from = localDay(weeks[0]?.[0] ?? first);
  const to = localDay(weeks.at(-1)?.[6] ?? first);
  const events = useQuery(eventListOptions({ ...filters, from, to, pageSize: 500, sort: 'startsAt' }));

  const byDay = new Map<string, Event[]>();
  for (const e of events.data?.items ?? []) {
    for (const day of daysOf(e)) byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  // Long events (courses) that began before the grid show only on their first day: name them above the grid.
  const running = (events.data?.items ?? []).filter((e) => localDay(new Date(e.startsAt)) < from);
  const today = localDay(new Date());
  const locale = lang === 'en' ? 'en-GB' : 'de-DE';
  const monthTitle = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(first);
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  const dayLabel = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const shift = (n: number) => onMonthChange(monthKey(new Date(first.getFullYear(), first.getMonth() + n, 1)));

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'xs', sm: 'md' }}
      onKeyDown={(e) => {
        if (e.key === 'PageUp') {
          e.preventDefault();
          shift(-1);
        } else if (e.key === 'PageDown') {
          e.preventDefault();
          shift(1);
        }
      }}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('events.calendar.previous')}>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => shift(-1)}
              aria-label={t('events.calendar.previous')}
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('events.calendar.next')}>
            <ActionIcon variant="default" size="lg" onClick={() => shift(1)} aria-label={t('events.calendar.next')}>
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="subtle" onClick={() => onMonthChange(monthKey(new Date()))}>
            {t('events.calendar.today')}
          </Button>
        </Group>
        <Title order={2} fz="lg" aria-live="polite">
          {monthTitle}
        </Title>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {events.data ? t('events.count', { count: events.data.total }) : ''}
        </Text>
      </Group>
      {running.length > 0 && (
        <Text size="sm" mb="sm">
          <Text span c="dimmed">
            {t('events.calendar.running')}{' '}
          </Text>
          {running.map((e, i) => (
            <Fragment key={e.id}>
              {i > 0 && ', '}
              <Link to="/veranstaltungen/$id" params={{ id: e.id }} className="event-calendar-running">
                {e.title}
              </Link>
            </Fragment>
          ))}
        </Text>
      )}
      {events.isError ? (
        <ErrorState error={events.error} message={t('events.loadFailed')} onRetry={() => void events.refetch()} />
      ) : (
        <table className="event-calendar" aria-busy={events.isFetching}>
          <caption>
            <VisuallyHidden>
              {t('events.calendar.caption', { month: monthTitle })} {t('events.calendar.keys')}
            </VisuallyHidden>
          </caption>
          <thead>
            <tr>
              {weeks[0]?.map((d) => (
                <th key={d.getDay()} scope="col" abbr={weekdayLong.format(d)}>
                  {weekdayShort.format(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={localDay(week[0] as Date)}>
                {week.map((d) => {
                  const key = localDay(d);
                  const list = byDay.get(key) ?? [];
                  const outside = d.getMonth() !== first.getMonth();
                  return (
                    <td
                      key={key}
                      data-outside={outside || undefined}
                      data-today={key === today || undefined}
                      aria-label={`${dayLabel.format(d)}${list.length ? `: ${t('events.count', { count: list.length })}` : ''}`}
                    >
                      <div className="event-calendar-day" aria-hidden>
                        {formatNumber(d.getDate())}
                      </div>
                      {events.isPending && !outside && d.getDate() % 6 === 0 ? (
                        <Skeleton height={16} mt={4} />
                      ) : (
                        <ul>
                          {list.map((e) => (
                            <li key={e.id}>
                              <Link
                                to="/veranstaltungen/$id"
                                params={{ id: e.id }}
                                className="event-calendar-item"
                                style={{
                                  borderLeftColor: `var(--mantine-color-${KIND_COLOR[e.kind]}-6)`,
                                  background: `var(--mantine-color-${KIND_COLOR[e.kind]}-0)`,
                                }}
                                title={`${label(EVENT_KIND, e.kind)}: ${e.title}`}
                              >
                                <span className="event-calendar-time">{time.format(new Date(e.startsAt))}</span>{' '}
                                {e.title}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Paper>
  );
}
