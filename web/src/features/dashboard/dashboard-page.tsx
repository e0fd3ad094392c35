import '@mantine/charts/styles.css';
import type { Dashboard, KeyFigures } from '@anett/shared/schemas/dashboard';
import { EVENT_KIND } from '@anett/shared/vocab/enums';
import { BarChart } from '@mantine/charts';
import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconChecklist, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { type Language, useLabels } from '../../lib/i18n.ts';
import { dashboardOptions } from './api.ts';
import { messages } from './messages.ts';

const FIGURES = ['organizations', 'smes', 'persons', 'events', 'attendances', 'interactions'] as const;

/** '2026-03' → 'Mär. 26' (de) / 'Mar 26' (en). */
const monthLabel = (month: string, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { month: 'short', year: '2-digit' }).format(
    new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1),
  );

function Panel({
  title,
  hint,
  actions,
  children,
}: {
  title: string;
  hint?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="xs">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function Figure({
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

function UpcomingEvents({ events }: { events: Dashboard['upcomingEvents'] }) {
  const { t, label } = useLabels();
  return (
    <Panel
      title={t('dashboard.upcoming')}
      actions={
        <AnchorLink to="/veranstaltungen" size="sm">
          {t('dashboard.allEvents')}
        </AnchorLink>
      }
    >
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
    </Panel>
  );
}

function FollowUps({ followUps }: { followUps: Dashboard['followUps'] }) {
  const { t } = useLabels();
  return (
    <Panel
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
      actions={
        <AnchorLink to="/kontakte/wiedervorlagen" size="sm">
          {t('dashboard.allFollowUps')}
        </AnchorLink>
      }
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
    </Panel>
  );
}

type ActivityEntry = Dashboard['recentActivity'][number];
const ACTIONS = messages.de.activityBy;
const ENTITIES = messages.de.activityEntity;

/** The entry as a sentence in the UI language (the API's `text` is German only). */
function activitySentence(entry: ActivityEntry, t: TFunction) {
  const entity = (entry.entity in ENTITIES ? entry.entity : 'other') as keyof typeof ENTITIES;
  const action = (entry.action in ACTIONS ? entry.action : 'fallback') as keyof typeof ACTIONS;
  const what = [t(`dashboard.activityEntity.${entity}`), entry.label && t('dashboard.quoted', { label: entry.label })]
    .filter(Boolean)
    .join(' ');
  return t(`dashboard.activityBy.${action}`, { user: entry.user?.name ?? t('dashboard.activitySystem'), what });
}

function ActivityText({ entry }: { entry: ActivityEntry }) {
  const { t } = useLabels();
  const text = activitySentence(entry, t);
  const id = entry.entityId;
  if (id != null && entry.label) {
    const i = text.indexOf(entry.label);
    const link =
      entry.entity === 'person' ? (
        <AnchorLink to="/personen/$id" params={{ id }} size="sm">
          {entry.label}
        </AnchorLink>
      ) : entry.entity === 'organization' ? (
        <AnchorLink to="/organisationen/$id" params={{ id }} size="sm">
          {entry.label}
        </AnchorLink>
      ) : entry.entity === 'event' ? (
        <AnchorLink to="/veranstaltungen/$id" params={{ id }} size="sm">
          {entry.label}
        </AnchorLink>
      ) : null;
    if (link && i >= 0) {
      return (
        <Text size="sm">
          {text.slice(0, i)}
          {link}
          {text.slice(i + entry.label.length)}
        </Text>
      );
    }
  }
  return <Text size="sm">{text}</Text>;
}

function RecentActivity({ entries }: { entries: Dashboard['recentActivity'] }) {
  const { t } = useLabels();
  return (
    <Panel title={t('dashboard.activity')}>
      {entries.length === 0 ? (
        <EmptyState withBorder={false} icon={<IconHistory size={28} />} title={t('dashboard.noActivity')} />
      ) : (
        <Stack gap="xs">
          {entries.map((e) => (
            <div key={e.id}>
              <ActivityText entry={e} />
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function Charts({ data }: { data: Dashboard }) {
  const { t, lang } = useLabels();
  const months = data.attendancesPerMonth.map((m) => ({
    month: monthLabel(m.month, lang),
    attendances: m.attendances,
  }));
  const nodes = data.reachPerNode.map((n) => ({
    // The axis has little room: 'QTI-Knoten Gotha' → 'Gotha'.
    node: n.nodeName?.replace(/^QTI-Knoten\s+/, '') ?? t('dashboard.withoutNode'),
    organizations: n.organizations,
    smes: n.smes,
    persons: n.persons,
  }));
  const valueFormatter = (v: number) => formatNumber(v);
  // The bars as text, for screen readers (the drawing itself is an image).
  const monthsText = months.map((m) => `${m.month}: ${formatNumber(m.attendances)}`).join(', ');
  const nodesText = nodes
    .map(
      (n) =>
        `${n.node}: ${formatNumber(n.organizations)} ${t('dashboard.organizations')}, ${formatNumber(n.smes)} ${t('dashboard.smes')}, ${formatNumber(n.persons)} ${t('dashboard.persons')}`,
    )
    .join('; ');
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Panel title={t('dashboard.attendancesPerMonth')} hint={t('dashboard.attendancesPerMonthHint')}>
        <BarChart
          h={260}
          data={months}
          dataKey="month"
          valueFormatter={valueFormatter}
          series={[{ name: 'attendances', label: t('dashboard.attendances'), color: 'blue.6' }]}
          data-testid="chart-attendances"
          role="img"
          aria-label={`${t('dashboard.attendancesPerMonth')} – ${monthsText}`}
        />
      </Panel>
      <Panel
        title={t('dashboard.reachPerNode', { year: data.keyFigures.current.year })}
        hint={t('dashboard.reachPerNodeHint')}
        actions={
          <AnchorLink to="/berichte/reichweite" size="sm">
            {t('dashboard.toReport')}
          </AnchorLink>
        }
      >
        {nodes.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('dashboard.noData')}
          </Text>
        ) : (
          <BarChart
            h={260}
            data={nodes}
            dataKey="node"
            withLegend
            xAxisProps={{ interval: 0 }}
            valueFormatter={valueFormatter}
            series={[
              { name: 'organizations', label: t('dashboard.organizations'), color: 'blue.6' },
              { name: 'smes', label: t('dashboard.smes'), color: 'teal.6' },
              { name: 'persons', label: t('dashboard.persons'), color: 'orange.6' },
            ]}
            data-testid="chart-nodes"
            role="img"
            aria-label={`${t('dashboard.reachPerNode', { year: data.keyFigures.current.year })} – ${nodesText}`}
          />
        )}
      </Panel>
    </SimpleGrid>
  );
}

function DashboardSkeleton() {
  return (
    <Stack gap="md" aria-busy="true">
      <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="md">
        {FIGURES.map((f) => (
          <Skeleton key={f} h={98} radius="md" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Skeleton h={320} radius="md" />
        <Skeleton h={320} radius="md" />
      </SimpleGrid>
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useLabels();
  const query = useQuery(dashboardOptions());
  const data = query.data;
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.description')}
        actions={
          <ButtonLink to="/berichte/reichweite" variant="light">
            {t('dashboard.toReport')}
          </ButtonLink>
        }
      />
      {query.isPending ? (
        <DashboardSkeleton />
      ) : query.isError || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md">
          <section aria-label={t('dashboard.keyFigures', { year: data.keyFigures.current.year })}>
            <Title order={2} fz="lg" mb="xs">
              {t('dashboard.keyFigures', { year: data.keyFigures.current.year })}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="md">
              {FIGURES.map((f) => (
                <Figure key={f} name={f} current={data.keyFigures.current} previous={data.keyFigures.previous} />
              ))}
            </SimpleGrid>
          </section>
          <Charts data={data} />
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
            <UpcomingEvents events={data.upcomingEvents} />
            <FollowUps followUps={data.followUps} />
            <RecentActivity entries={data.recentActivity} />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
