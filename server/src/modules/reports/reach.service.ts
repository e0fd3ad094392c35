import type {
  EventsByKind,
  ReachBreakdownRow,
  ReachMetrics,
  ReachParams,
  ReachQuarter,
  ReachReport,
  ReachSource,
} from '@anett/shared/schemas/report';
import { districtLabel } from '@anett/shared/vocab/districts';
import { EVENT_KINDS, type EventKind, ORGANIZATION_KIND, ORGANIZATION_KINDS } from '@anett/shared/vocab/enums';
import { WZ_SECTIONS, wzSectionOf } from '@anett/shared/vocab/wz2008';
import { AppError, fieldError } from '../../lib/errors.ts';
import { nowIso } from '../../lib/time.ts';
import type { FactGrid, ReportsRepository } from './reports.repository.ts';

/** A way of grouping the cells of a grid: `groupOf[cell]` is the group, -1 leaves the cell out. */
export type Level = { size: number; groupOf: Int32Array };

export const level = (cells: number, size: number, group: (cell: number) => number): Level => ({
  size,
  groupOf: Int32Array.from({ length: cells }, (_, cell) => group(cell)),
});

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const quarterOf = (day: string) => Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);
export const monthOf = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Distinct entities per group, for each level, in one pass over the facts (no sorting): a bit per (group, entity)
 * marks those already counted. `entity` holds ids below `entities` (0 = none); `only` picks facts.
 */
function distinctPerGroup(
  facts: Facts,
  entity: Int32Array,
  entities: number,
  levels: Level[],
  only?: (fact: number) => boolean,
): Uint32Array[] {
  return levels.map((lvl) => {
    const counts = new Uint32Array(lvl.size);
    const seen = new Uint32Array(Math.ceil((lvl.size * entities) / 32));
    for (let i = 0; i < facts.length; i++) {
      const id = entity[i] as number;
      if (id === 0 || (only && !only(i))) continue;
      const group = lvl.groupOf[facts.cell[i] as number] as number;
      if (group < 0) continue;
      const bit = group * entities + id;
      const word = Math.floor(bit / 32);
      const mask = 1 << (bit % 32);
      if (((seen[word] as number) & mask) !== 0) continue;
      seen[word] = (seen[word] as number) | mask;
      counts[group] = (counts[group] as number) + 1;
    }
    return counts;
  });
}

/** Per-cell sums → per-group sums of a level. */
function sumPerGroup(perCell: Float64Array, lvl: Level): Float64Array {
  const out = new Float64Array(lvl.size);
  perCell.forEach((v, cell) => {
    const group = lvl.groupOf[cell] as number;
    if (group >= 0) out[group] = (out[group] as number) + v;
  });
  return out;
}

/** Facts unpacked into columns (see `factSql` in the repository): ids (0 = none), cell and course flag. */
export type Facts = {
  length: number;
  person: Int32Array;
  organization: Int32Array;
  cell: Int32Array;
  course: Uint8Array;
};

const emptyFacts = (capacity: number): Facts => ({
  length: 0,
  person: new Int32Array(capacity),
  organization: new Int32Array(capacity),
  cell: new Int32Array(capacity),
  course: new Uint8Array(capacity),
});

function concatFacts(parts: Facts[]): Facts {
  if (parts.length === 1) return parts[0] as Facts;
  const out = emptyFacts(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.person.set(p.person, at);
    out.organization.set(p.organization, at);
    out.cell.set(p.cell, at);
    out.course.set(p.course, at);
    at += p.length;
  }
  return { ...out, length: at };
}

export type Tally = {
  persons: Uint32Array[];
  organizations: Uint32Array[];
  smes: Uint32Array[];
  /** Of attended facts: attendances per cell, and distinct course participants per group. */
  attendances: Float64Array;
  courseParticipants: Uint32Array[];
  /** Distinct persons who attended in a staff role, per group. */
  staff: Uint32Array[];
  /** Every organisation reached, ascending. */
  organizationIds: number[];
  /** Reach facts, for breakdowns. */
  reach: Facts;
};

export function createReachService(repo: ReportsRepository) {
  /** The grid of a period over all nodes, or a 4xx when it would not fit in memory (far beyond this network's size). */
  function grid(range: { from: string; to: string; nodeId?: number }, bucket: 'quarter' | 'month'): FactGrid {
    const spans = repo.idSpans();
    const nodeIds = repo.nodes().map((n) => n.id);
    const firstBucket = bucket === 'quarter' ? quarterOf(range.from) : monthOf(range.from);
    const lastBucket = bucket === 'quarter' ? quarterOf(range.to) : monthOf(range.to);
    const g: FactGrid = {
      from: range.from,
      toExclusive: nextDay(range.to),
      nodeId: range.nodeId,
      bucket,
      firstBucket,
      buckets: lastBucket - firstBucket + 1,
      nodeIds,
      nodeSpan: nodeIds.length + 1,
      personSpan: spans.persons + 1,
      organizationSpan: spans.organizations + 1,
    };
    const cells = g.nodeSpan * g.buckets;
    const packable = g.personSpan * g.organizationSpan * cells * 2 <= Number.MAX_SAFE_INTEGER;
    // The largest "already counted" bit set: one bit per (cell, person or organisation).
    const bitsetBytes = (cells * Math.max(g.personSpan, g.organizationSpan)) / 8;
    if (!packable || bitsetBytes > 256 * 1024 * 1024) {
      throw AppError.of('REPORT_TOO_LARGE', 'Too many records for one report: choose a shorter period');
    }
    return g;
  }

  function unpack(g: FactGrid, packed: number[]): Facts {
    const cells = g.nodeSpan * g.buckets;
    const facts = emptyFacts(packed.length);
    for (let i = 0; i < packed.length; i++) {
      const key = packed[i] as number;
      const course = key % 2;
      const rest = (key - course) / 2;
      const cell = rest % cells;
      const pair = (rest - cell) / cells;
      const organization = pair % g.organizationSpan;
      facts.person[i] = (pair - organization) / g.organizationSpan;
      facts.organization[i] = organization;
      facts.cell[i] = cell;
      facts.course[i] = course;
    }
    return { ...facts, length: packed.length };
  }

  /**
   * Distinct persons, organisations and SMEs reached per group of each level, plus attendances and course
   * participants (always of attended events, whatever counts as reached) and staff: who attended in a role other than
   * a participant's is counted only there.
   */
  function tally(g: FactGrid, sources: ReachSource[], levels: Level[]): Tally {
    const cells = g.nodeSpan * g.buckets;
    const attended = unpack(g, repo.facts(g, 'attended'));
    const staff = unpack(g, repo.facts(g, 'staff'));
    const reach = concatFacts(sources.map((s) => (s === 'attended' ? attended : unpack(g, repo.facts(g, s)))));

    const reached = new Uint8Array(g.organizationSpan);
    for (let i = 0; i < reach.length; i++) reached[reach.organization[i] as number] = 1;
    const organizationIds: number[] = [];
    for (let id = 1; id < reached.length; id++) if (reached[id]) organizationIds.push(id);
    const sme = new Uint8Array(g.organizationSpan);
    for (const id of repo.smeIds(organizationIds)) sme[id] = 1;

    const attendances = new Float64Array(cells);
    for (let i = 0; i < attended.length; i++) {
      const cell = attended.cell[i] as number;
      attendances[cell] = (attendances[cell] as number) + 1;
    }
    return {
      persons: distinctPerGroup(reach, reach.person, g.personSpan, levels),
      organizations: distinctPerGroup(reach, reach.organization, g.organizationSpan, levels),
      smes: distinctPerGroup(
        reach,
        reach.organization,
        g.organizationSpan,
        levels,
        (i) => sme[reach.organization[i] as number] === 1,
      ),
      attendances,
      courseParticipants: distinctPerGroup(
        attended,
        attended.person,
        g.personSpan,
        levels,
        (i) => attended.course[i] === 1,
      ),
      staff: distinctPerGroup(staff, staff.person, g.personSpan, levels),
      organizationIds,
      reach,
    };
  }

  function breakdowns(t: Tally, g: FactGrid): ReachReport['breakdowns'] {
    // One group space for the three dimensions (0 district, 1 WZ section, 2 kind): group = index into `groups`.
    const groups: { dimension: number; key: string | null }[] = [];
    const indexes = [0, 1, 2].map(() => new Map<string | null, number>());
    const groupOf = (dimension: number, key: string | null) => {
      const index = (indexes[dimension] as Map<string | null, number>).get(key);
      if (index !== undefined) return index;
      const created = groups.push({ dimension, key }) - 1;
      (indexes[dimension] as Map<string | null, number>).set(key, created);
      return created;
    };
    // Per organisation id: its district and kind group, and its WZ sections as a bit mask (21 sections).
    const span = g.organizationSpan;
    const districtGroup = new Int32Array(span);
    const kindGroup = new Int32Array(span);
    const sectionMask = new Int32Array(span);
    const none = [0, 1, 2].map((d) => groupOf(d, null)) as [number, number, number];
    districtGroup.fill(none[0]);
    kindGroup.fill(none[2]);
    const sectionGroup = WZ_SECTIONS.map((section) => groupOf(1, section.code));
    const sectionIndex = new Map(WZ_SECTIONS.map((section, i) => [section.code as string, i]));
    const traits = repo.organizationTraits(t.organizationIds);
    for (const o of traits) {
      districtGroup[o.id] = groupOf(0, o.district);
      kindGroup[o.id] = groupOf(2, o.kind);
      for (const code of o.sectors) {
        const section = sectionIndex.get(wzSectionOf(code) ?? '');
        if (section !== undefined) sectionMask[o.id] = (sectionMask[o.id] as number) | (1 << section);
      }
    }
    /** Calls `visit` with every group of the organisation (0 = none). */
    const eachGroup = (organization: number, visit: (group: number) => void) => {
      visit(districtGroup[organization] as number);
      visit(kindGroup[organization] as number);
      let mask = sectionMask[organization] as number;
      if (mask === 0) visit(none[1]);
      for (let i = 0; mask !== 0; i++, mask >>>= 1) if (mask & 1) visit(sectionGroup[i] as number);
    };

    const organizations = new Uint32Array(groups.length);
    const smes = new Uint32Array(groups.length);
    for (const o of traits) {
      eachGroup(o.id, (group) => {
        organizations[group] = (organizations[group] as number) + 1;
        if (o.sme) smes[group] = (smes[group] as number) + 1;
      });
    }
    // Persons per group: each group of every organisation they were reached with ("none" without one).
    const persons = new Uint32Array(groups.length);
    const seen = new Uint32Array(Math.ceil((groups.length * g.personSpan) / 32));
    for (let i = 0; i < t.reach.length; i++) {
      const person = t.reach.person[i] as number;
      if (person === 0) continue;
      eachGroup(t.reach.organization[i] as number, (group) => {
        const bit = group * g.personSpan + person;
        const word = Math.floor(bit / 32);
        const mask = 1 << (bit % 32);
        if (((seen[word] as number) & mask) !== 0) return;
        seen[word] = (seen[word] as number) | mask;
        persons[group] = (persons[group] as number) + 1;
      });
    }

    const rows = (dimension: number, label: (key: string) => string, order: (a: string, b: string) => number) =>
      groups
        .map((g, index) => ({ ...g, index }))
        .filter((g) => g.dimension === dimension)
        .map(
          (g): ReachBreakdownRow => ({
            key: g.key,
            label: g.key === null ? 'ohne Angabe' : label(g.key),
            organizations: organizations[g.index] as number,
            smes: smes[g.index] as number,
            persons: persons[g.index] as number,
          }),
        )
        .filter((r) => r.organizations > 0 || r.persons > 0)
        .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : order(a.key, b.key)));
    const byLabel = (label: (key: string) => string) => (a: string, b: string) =>
      label(a).localeCompare(label(b), 'de');
    const sectionLabel = (key: string) => `${key} – ${WZ_SECTIONS.find((s) => s.code === key)?.label ?? ''}`;
    const kindLabel = (key: string) => ORGANIZATION_KIND[key as keyof typeof ORGANIZATION_KIND]?.de ?? key;
    const kindOrder = (a: string, b: string) =>
      ORGANIZATION_KINDS.indexOf(a as (typeof ORGANIZATION_KINDS)[number]) -
      ORGANIZATION_KINDS.indexOf(b as (typeof ORGANIZATION_KINDS)[number]);
    return {
      district: rows(0, districtLabel, byLabel(districtLabel)),
      wzSection: rows(1, sectionLabel, (a, b) => a.localeCompare(b)),
      organizationKind: rows(2, kindLabel, kindOrder),
    };
  }

  /** Calendar quarters touching the period, clipped to it. */
  function quarters(from: string, to: string): ReachQuarter[] {
    const out: ReachQuarter[] = [];
    for (let q = quarterOf(from); q <= quarterOf(to); q++) {
      const year = Math.floor(q / 4);
      const first = (q % 4) * 3 + 1;
      const start = `${year}-${pad(first)}-01`;
      const end = new Date(Date.UTC(year, first + 2, 0)).toISOString().slice(0, 10);
      out.push({ key: `${year}-Q${(q % 4) + 1}`, from: start < from ? from : start, to: end > to ? to : end });
    }
    return out;
  }

  return {
    grid,
    tally,

    /** The reach report of a period: per node × quarter, per node, per quarter and in total, with breakdowns. */
    report(params: ReachParams): ReachReport {
      if (params.nodeId !== undefined && !repo.nodeExists(params.nodeId))
        throw fieldError('nodeId', 'unbekannter Knoten');
      const g = grid(params, 'quarter');
      const cells = g.nodeSpan * g.buckets;
      // Levels: 0 node × quarter (the cell itself), 1 node, 2 quarter, 3 total.
      const levels = [
        level(cells, cells, (c) => c),
        level(cells, g.nodeSpan, (c) => Math.floor(c / g.buckets)),
        level(cells, g.buckets, (c) => c % g.buckets),
        level(cells, 1, () => 0),
      ];
      const t = tally(g, params.reachedBy, levels);

      const eventCells = new Map<EventKind, Float64Array>(EVENT_KINDS.map((k) => [k, new Float64Array(cells)]));
      for (const r of repo.eventCounts(g)) {
        const perCell = eventCells.get(r.kind as EventKind) ?? eventCells.get('other');
        if (perCell) perCell[r.cell] = (perCell[r.cell] as number) + r.n;
      }
      const hours = new Float64Array(cells);
      for (const r of repo.courseHours(g)) hours[r.cell] = r.hours;
      const interactions = new Float64Array(cells);
      for (const cell of repo.interactionCells(g)) interactions[cell] = (interactions[cell] as number) + 1;

      const sums = levels.map((l) => ({
        events: new Map(EVENT_KINDS.map((k) => [k, sumPerGroup(eventCells.get(k) as Float64Array, l)])),
        attendances: sumPerGroup(t.attendances, l),
        hours: sumPerGroup(hours, l),
        interactions: sumPerGroup(interactions, l),
      }));
      const metrics = (l: number, group: number): ReachMetrics => {
        const s = sums[l] as (typeof sums)[number];
        const at = (a: ArrayLike<number>) => a[group] as number;
        const eventsByKind = Object.fromEntries(
          EVENT_KINDS.map((k) => [k, at(s.events.get(k) as Float64Array)]),
        ) as EventsByKind;
        return {
          organizations: at(t.organizations[l] as Uint32Array),
          smes: at(t.smes[l] as Uint32Array),
          persons: at(t.persons[l] as Uint32Array),
          events: Object.values(eventsByKind).reduce((a, b) => a + b, 0),
          eventsByKind,
          attendances: at(s.attendances),
          courseParticipants: at(t.courseParticipants[l] as Uint32Array),
          courseHours: Math.round(at(s.hours) * 100) / 100,
          interactions: at(s.interactions),
          staff: at(t.staff[l] as Uint32Array),
        };
      };
      const isEmpty = (m: ReachMetrics) =>
        m.persons + m.organizations + m.events + m.interactions + m.courseHours === 0;

      const quarterList = quarters(params.from, params.to);
      const rowOf = (nodeKey: number, node: { id: number; name: string } | null) => ({
        nodeId: node?.id ?? null,
        nodeName: node?.name ?? null,
        quarters: quarterList.map((q, b) => ({ quarter: q.key, ...metrics(0, nodeKey * g.buckets + b) })),
        total: metrics(1, nodeKey),
      });
      const nodeRows = repo
        .nodes()
        .map((n, i) => rowOf(i + 1, n))
        .filter((row) => params.nodeId === undefined || row.nodeId === params.nodeId);
      const withoutNode = rowOf(0, null);
      if (params.nodeId === undefined && !isEmpty(withoutNode.total)) nodeRows.push(withoutNode);

      return {
        from: params.from,
        to: params.to,
        nodeId: params.nodeId ?? null,
        reachedBy: params.reachedBy,
        generatedAt: nowIso(),
        quarters: quarterList,
        nodes: nodeRows,
        quarterTotals: quarterList.map((q, b) => ({ quarter: q.key, ...metrics(2, b) })),
        total: metrics(3, 0),
        breakdowns: breakdowns(t, g),
      };
    },
  };
}
export type ReachService = ReturnType<typeof createReachService>;
