import { ACTIVITY_ENTITY_DE } from '@anett/shared/activity-phrases';
import type { SessionUser } from '@anett/shared/schemas/auth';
import type { ActivityEntry, Dashboard, KeyFigures } from '@anett/shared/schemas/dashboard';
import { berlinToday, nowIso } from '../../lib/time.ts';
import type { EventsRepository } from '../events/events.repository.ts';
import type { InteractionsRepository } from '../interactions/interactions.repository.ts';
import { createReachService, level } from '../reports/reach.service.ts';
import type { ReportsRepository } from '../reports/reports.repository.ts';
import type { DashboardRepository } from './dashboard.repository.ts';

const ENTITY_TEXT: Record<string, string> = ACTIVITY_ENTITY_DE;

const ACTION_TEXT: Record<string, string> = {
  create: 'angelegt',
  update: 'geändert',
  delete: 'gelöscht',
  restore: 'wiederhergestellt',
  merge: 'mit einem Duplikat zusammengeführt',
  merged_into: 'in einen anderen Datensatz überführt',
  export: 'erstellt',
  commit: 'übernommen',
  erase: 'anonymisiert',
  follow_up_done: 'als erledigt markiert (Wiedervorlage)',
  attendance: 'mit Anwesenheit erfasst',
  import_attendances: 'mit importierter Teilnehmerliste ergänzt',
  check_in: 'eingecheckt',
};

const MONTHS = 12;

/** The repositories the dashboard reads (the app's, or a read worker's). */
export type DashboardSources = {
  dashboard: DashboardRepository;
  events: EventsRepository;
  interactions: InteractionsRepository;
  reports: ReportsRepository;
};

export function createDashboardService(ctx: DashboardSources) {
  const reach = createReachService(ctx.reports);

  function activity(): ActivityEntry[] {
    const rows = ctx.dashboard.recentAudit(10);
    const ids = new Map<string, number[]>();
    for (const r of rows) if (r.entityId !== null) ids.set(r.entity, [...(ids.get(r.entity) ?? []), r.entityId]);
    const labels = new Map([...ids].map(([entity, list]) => [entity, ctx.dashboard.labels(entity, list)]));
    return rows.map((r) => {
      const label = r.entityId === null ? null : (labels.get(r.entity)?.get(r.entityId) ?? null);
      const what = `${ENTITY_TEXT[r.entity] ?? r.entity}${label ? ` „${label}“` : ''}`;
      return {
        id: r.id,
        at: r.at,
        user: r.userId !== null && r.userName !== null ? { id: r.userId, name: r.userName } : null,
        entity: r.entity,
        entityId: r.entityId,
        action: r.action,
        label,
        text: `${r.userName ?? 'Das System'} hat ${what} ${ACTION_TEXT[r.action] ?? `bearbeitet (${r.action})`}`,
      };
    });
  }

  return {
    build(user: SessionUser, today = berlinToday()): Dashboard {
      const year = Number(today.slice(0, 4));
      // Two calendar years in months: key figures per year, the last 12 months, reach per node this year.
      const g = reach.grid({ from: `${year - 1}-01-01`, to: `${year}-12-31` }, 'month');
      const cells = g.nodeSpan * g.buckets;
      const bucketOf = (cell: number) => cell % g.buckets;
      const levels = [
        level(cells, 2, (c) => (bucketOf(c) < MONTHS ? 0 : 1)),
        level(cells, g.nodeSpan, (c) => (bucketOf(c) >= MONTHS ? Math.floor(c / g.buckets) : -1)),
      ];
      const t = reach.tally(g, ['attended'], levels);
      const perMonth = new Float64Array(g.buckets);
      t.attendances.forEach((n, cell) => {
        perMonth[bucketOf(cell)] = (perMonth[bucketOf(cell)] as number) + n;
      });

      const figures = (y: number, index: number): KeyFigures => ({
        year: y,
        organizations: t.organizations[0]?.[index] ?? 0,
        smes: t.smes[0]?.[index] ?? 0,
        persons: t.persons[0]?.[index] ?? 0,
        events: ctx.dashboard.countEvents(`${y}-01-01`, `${y + 1}-01-01`),
        attendances: perMonth.slice(index * MONTHS, (index + 1) * MONTHS).reduce((a, b) => a + b, 0),
        interactions: ctx.dashboard.countInteractions(`${y}-01-01`, `${y + 1}-01-01`),
      });

      const currentMonth = MONTHS + Number(today.slice(5, 7)) - 1;
      const attendancesPerMonth = Array.from({ length: MONTHS }, (_, i) => {
        const bucket = currentMonth - MONTHS + 1 + i;
        const y = year - 1 + Math.floor(bucket / MONTHS);
        return {
          month: `${y}-${String((bucket % MONTHS) + 1).padStart(2, '0')}`,
          attendances: perMonth[bucket] as number,
        };
      });

      const perNode = (nodeKey: number, node: { id: number; name: string } | null) => ({
        nodeId: node?.id ?? null,
        nodeName: node?.name ?? null,
        organizations: t.organizations[1]?.[nodeKey] ?? 0,
        smes: t.smes[1]?.[nodeKey] ?? 0,
        persons: t.persons[1]?.[nodeKey] ?? 0,
      });
      const reachPerNode = ctx.reports.nodes().map((n, i) => perNode(i + 1, n));
      const withoutNode = perNode(0, null);
      if (withoutNode.persons + withoutNode.organizations > 0) reachPerNode.push(withoutNode);

      const upcoming = ctx.events.list({
        when: 'upcoming',
        page: 1,
        pageSize: 5,
        sort: { field: 'startsAt', desc: false },
      });
      const followUps = ctx.interactions.followUps({ authorId: user.id, page: 1, pageSize: 5 }, today);

      return {
        generatedAt: nowIso(),
        keyFigures: { current: figures(year, 1), previous: figures(year - 1, 0) },
        upcomingEvents: upcoming.items.map((e) => ({
          id: e.id,
          title: e.title,
          kind: e.kind,
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          location: e.location,
          node: e.node,
          capacity: e.capacity,
          registered: e.counts.registered + e.counts.attended,
          waitlisted: e.counts.waitlisted,
        })),
        followUps: {
          due: followUps.overdueCount + followUps.dueTodayCount,
          overdue: followUps.overdueCount,
          dueToday: followUps.dueTodayCount,
          open: followUps.total,
          items: followUps.items
            .filter((f) => f.overdue || f.dueToday)
            .map((f) => ({
              id: f.id,
              subject: f.subject,
              followUpOn: f.followUpOn ?? '',
              overdue: f.overdue,
              dueToday: f.dueToday,
              persons: f.persons.map((p) => ({ id: p.id, name: p.name })),
              organizations: f.organizations.map((o) => ({ id: o.id, name: o.name })),
            })),
        },
        recentActivity: activity(),
        attendancesPerMonth,
        reachPerNode,
      };
    },
  };
}
