import { SectionPanel } from '../../components/section-panel.tsx';
import '@mantine/charts/styles.css';
import type { Dashboard, KeyFigures } from '@anett/shared/schemas/dashboard';
import { EVENT_KIND } from '@anett/shared/vocab/enums';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconChecklist } from '@tabler/icons-react';
import { EmptyState } from '../../components/empty-state.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

export const FIGURES = ['organizations', 'smes', 'persons', 'events', 'attendances', 'interactions'] as const;

export function Figure({
  name,
  current,
  previous,
}: {
  name: (typeof FIGURES)[number];
  current: KeyFigures;
  previous: KeyFigures;
}) {
  const { t } = useLabels();
  const now = current[name];
  const before = previous[name];
  const change = before > 0 ? (now - before) / before : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`figure-${name}`}>
      <Text fz={28} fw={700} lh={1.1}>
        {formatNumber(now)}
      </Text>
      <Text size="sm">{t(`dashboard.${name}`)}</Text>
      <Text size="xs" c={change == null ? 'dimmed' : change >= 0 ? 'teal' : 'red'} mt={4}>
        {change == null
          ? t('dashboard.noComparison', { year: previous.year, value: formatNumber(before) })
          : t('dashboard.comparison', {
              change: formatNumber(change, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
              year: previous.year,
            })}
      </Text>
    </Paper>
  );
}

export function UpcomingEvents({ events }: { events: Dashboard['upcomingEvents'] }) {
  const { t, label } = useLabels();
  return (
    <SectionPanel title={t('dashboard.upcoming')} more={{ to: '/veranstaltungen', label: t('dashboard.allEvents') }}>
      {events.length === 0 ? (
        <EmptyState withBorder={false} icon={<IconCalendarEvent size={28} />} title={t('dashboard.noUpcoming')} />
      ) : (
        <Stack gap="sm">
          {events.map((e) => (
            <div key={e.id}>
              <AnchorLink to="/veranstaltungen/$id" params={{ id: e.id }} fw={600}>
                {e.title}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {[formatDateTime(e.startsAt), label(EVENT_KIND, e.kind), e.node?.name, e.location]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Group gap={6} mt={2}>
                <Badge variant="light" size="sm">
                  {e.capacity == null
                    ? t('dashboard.registered', { registered: formatNumber(e.registered) })
                    : t('dashboard.registeredOf', {
                        registered: formatNumber(e.registered),
                        capacity: formatNumber(e.capacity),
                      })}
                </Badge>
                {e.waitlisted > 0 && (
                  <Badge variant="light" color="orange" size="sm">
                    {t('dashboard.waitlisted', { count: e.waitlisted })}
                  </Badge>
                )}
              </Group>
            </div>
          ))}
        </Stack>
      )}
    </SectionPanel>
  );
}

export function FollowUps({ followUps }: { followUps: Dashboard['followUps'] }) {
  const { t } = useLabels();
  return (
    <SectionPanel
      title={t('dashboard.followUps')}
      hint={
        followUps.due === 0
          ? undefined
          : followUps.dueToday === 0
            ? t('dashboard.followUpsOverdue', { count: followUps.overdue })
            : followUps.overdue === 0
              ? t('dashboard.followUpsToday', { count: followUps.dueToday })
              : t('dashboard.followUpsDue', {
                  count: followUps.due,
                  overdue: followUps.overdue,
                  today: followUps.dueToday,
                })
      }
      more={{ to: '/kontakte/wiedervorlagen', label: t('dashboard.allFollowUps') }}
    >
      {followUps.items.length === 0 ? (
        <EmptyState withBorder={false} icon={<IconChecklist size={28} />} title={t('dashboard.noFollowUps')} />
      ) : (
        <Stack gap="sm">
          {followUps.items.map((f) => (
            <div key={f.id}>
              <Group gap={6} wrap="nowrap" align="baseline">
                <AnchorLink to="/kontakte/wiedervorlagen" fw={600} size="sm">
                  {f.subject}
                </AnchorLink>
                {f.overdue && (
                  <Badge color="red" variant="light" size="xs" style={{ flexShrink: 0 }}>
                    {t('dashboard.overdueBadge')}
                  </Badge>
                )}
                {f.dueToday && (
                  <Badge color="orange" variant="light" size="xs" style={{ flexShrink: 0 }}>
                    {t('dashboard.today')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {[
                  formatDate(f.followUpOn),
                  ...f.persons.map((p) => p.name),
                  ...f.organizations.map((o) => o.name),
                ].join(' · ')}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </SectionPanel>
  );
}
