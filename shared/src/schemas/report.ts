import { z } from 'zod';
import { EVENT_KINDS } from '../vocab/enums.ts';
import { countsBy, isoDate, itemMeta, listQuery, page, queryId, refId, requiredText } from './common.ts';
import { entityRef } from './network.ts';

/**
 * How an organisation or person counts as reached: attended an event, had a logged interaction, or completed a course
 * (attended a course that ended in the period). Several may be combined; the default is `attended`.
 */
export const REACH_SOURCES = ['attended', 'interaction', 'course_completed'] as const;
export type ReachSource = (typeof REACH_SOURCES)[number];
export const reachSource = z.enum(REACH_SOURCES);

/** The longest period one report covers. */
export const REACH_MAX_YEARS = 5;

/** `from` + `years` years as a date: '2020-02-29' + 5 → '2025-03-01'. */
const addYears = (date: string, years: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

/** The period is checked on `to`: not before `from`, at most five years. */
function checkPeriod(r: { from: string; to: string }, ctx: z.RefinementCtx) {
  // Runs even when a date failed its own check; that issue is reported already.
  if (!isoDate.safeParse(r.from).success || !isoDate.safeParse(r.to).success) return;
  if (r.to < r.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'darf nicht vor from liegen' });
  else if (r.to >= addYears(r.from, REACH_MAX_YEARS)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `Zeitraum höchstens ${REACH_MAX_YEARS} Jahre` });
  }
}

/** `reachedBy=attended,interaction` or repeated `reachedBy=attended&reachedBy=interaction`. */
const reachedByQuery = z
  .preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) =>
            typeof s === 'string' ? s.split(',').map((x) => x.trim()) : [s],
          ),
    z.array(reachSource).min(1).max(10).optional(),
  )
  .transform((v) => [...new Set(v ?? ['attended' as const])]);

export const reachQuery = z
  .object({ from: isoDate, to: isoDate, nodeId: queryId.optional(), reachedBy: reachedByQuery })
  .superRefine(checkPeriod);
export type ReachQuery = z.input<typeof reachQuery>;
export type ReachParams = z.output<typeof reachQuery>;

/** Events per kind; every kind is present. */
export const eventsByKind = countsBy(EVENT_KINDS);
export type EventsByKind = z.infer<typeof eventsByKind>;

export const reachMetrics = z.object({
  /** Unique organisations reached. */
  organizations: z.number().int(),
  /** Of them SMEs: size class micro/small/medium, or fewer than 250 employees when no size class is set. */
  smes: z.number().int(),
  /** Unique persons reached (erased persons included); at events only those who attended in a participant role. */
  persons: z.number().int(),
  /** Events held (by start date). */
  events: z.number().int(),
  eventsByKind,
  /** Attendances with status attended in a participant role (guest). */
  attendances: z.number().int(),
  /** Unique persons who attended a course in a participant role. */
  courseParticipants: z.number().int(),
  /** Hours credited to participants for course sessions held in the period. */
  courseHours: z.number(),
  /**
   * Unique persons who attended an event in another role (trainer, organiser, speaker, panelist, moderator, press):
   * shown apart, counted nowhere else. Absent in reports frozen before staff were counted apart.
   */
  staff: z.number().int().optional(),
  /** Interactions logged. */
  interactions: z.number().int(),
});
export type ReachMetrics = z.infer<typeof reachMetrics>;

export const reachQuarter = z.object({
  /** '2024-Q1' */
  key: z.string(),
  /** First and last day of the quarter within the period. */
  from: z.string(),
  to: z.string(),
});
export type ReachQuarter = z.infer<typeof reachQuarter>;

export const reachCell = reachMetrics.extend({ quarter: z.string() });
export type ReachCell = z.infer<typeof reachCell>;

export const reachNodeRow = z.object({
  /** null: events and interactions without a node. */
  nodeId: z.number().int().nullable(),
  nodeName: z.string().nullable(),
  quarters: z.array(reachCell),
  total: reachMetrics,
});
export type ReachNodeRow = z.infer<typeof reachNodeRow>;

/** The reach of a group in short: organisations, SMEs and persons (a breakdown row, the dashboard's reach per node). */
export const reachInBrief = reachMetrics.pick({ organizations: true, smes: true, persons: true }).shape;

/** `persons`: reached through an organisation of this group (persons without organisation under key null). */
export const reachBreakdownRow = z.object({
  /** District code, WZ section letter or organisation kind; null = not recorded (or reached without organisation). */
  key: z.string().nullable(),
  label: z.string(),
  ...reachInBrief,
});
export type ReachBreakdownRow = z.infer<typeof reachBreakdownRow>;

export const reachReport = z.object({
  from: z.string(),
  to: z.string(),
  nodeId: z.number().int().nullable(),
  reachedBy: z.array(reachSource),
  generatedAt: z.string(),
  quarters: z.array(reachQuarter),
  /** One row per node (all nodes, or the requested one), in name order; the row without node last. */
  nodes: z.array(reachNodeRow),
  /** All nodes together per quarter: persons and organisations counted once across nodes. */
  quarterTotals: z.array(reachCell),
  total: reachMetrics,
  /** Of the whole period. An organisation with sectors in several WZ sections counts in each. */
  breakdowns: z.object({
    district: z.array(reachBreakdownRow),
    wzSection: z.array(reachBreakdownRow),
    organizationKind: z.array(reachBreakdownRow),
  }),
});
export type ReachReport = z.infer<typeof reachReport>;

// Snapshots: a frozen report

export const reachSnapshotCreate = z
  .object({
    label: requiredText(200),
    from: isoDate,
    to: isoDate,
    nodeId: refId.nullish(),
    reachedBy: z
      .array(reachSource)
      .min(1)
      .max(10)
      .optional()
      .transform((v) => [...new Set(v ?? ['attended' as const])]),
  })
  .superRefine(checkPeriod);
export type ReachSnapshotCreate = z.input<typeof reachSnapshotCreate>;

export const reachSnapshotSummary = z.object({
  ...itemMeta,
  label: z.string(),
  from: z.string(),
  to: z.string(),
  nodeId: z.number().int().nullable(),
  reachedBy: z.array(reachSource),
  createdBy: entityRef.nullable(),
  total: reachMetrics,
});
export type ReachSnapshotSummary = z.infer<typeof reachSnapshotSummary>;

export const reachSnapshot = reachSnapshotSummary.extend({ report: reachReport });
export type ReachSnapshot = z.infer<typeof reachSnapshot>;

export const reachSnapshotListQuery = listQuery(['createdAt', 'label', 'from']);
export type ReachSnapshotListQuery = z.input<typeof reachSnapshotListQuery>;
export const reachSnapshotPage = page(reachSnapshotSummary);
