import { z } from 'zod';
import { counts } from './common.ts';
import { eventKind } from './event.ts';
import { entityRef } from './network.ts';
import { reachInBrief, reachMetrics, reachNodeRow } from './report.ts';

/** Key figures of one calendar year: the reach report's figures ("reached" = attended an event, its default). */
export const keyFigures = z.object({
  year: z.number().int(),
  ...reachMetrics.pick({
    organizations: true,
    smes: true,
    persons: true,
    events: true,
    attendances: true,
    interactions: true,
  }).shape,
});
export type KeyFigures = z.infer<typeof keyFigures>;

export const upcomingEvent = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: eventKind,
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  node: entityRef.nullable(),
  /** null = unlimited */
  capacity: z.number().int().nullable(),
  /** Registered and attended: the seats taken. */
  registered: z.number().int(),
  waitlisted: z.number().int(),
});
export type UpcomingEvent = z.infer<typeof upcomingEvent>;

export const dueFollowUp = z.object({
  id: z.number().int(),
  subject: z.string(),
  followUpOn: z.string(),
  overdue: z.boolean(),
  dueToday: z.boolean(),
  persons: z.array(entityRef),
  organizations: z.array(entityRef),
});
export type DueFollowUp = z.infer<typeof dueFollowUp>;

export const activityEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  user: entityRef.nullable(),
  /** 'person', 'organization', 'event', 'interaction', … as in the audit log. */
  entity: z.string(),
  entityId: z.number().int().nullable(),
  action: z.string(),
  /** Display name of the record (null when it no longer exists). */
  label: z.string().nullable(),
  /** German sentence: 'Anna Admin hat die Organisation „Muster GmbH“ geändert'. */
  text: z.string(),
});
export type ActivityEntry = z.infer<typeof activityEntry>;

export const dashboard = z.object({
  generatedAt: z.string(),
  /** This calendar year (so far, events planned for later included) and the whole previous year. */
  keyFigures: z.object({ current: keyFigures, previous: keyFigures }),
  /** The next 5 events that have not ended. */
  upcomingEvents: z.array(upcomingEvent),
  /** The caller's open follow-ups that are due (today or overdue): counts and the first 5. */
  followUps: z.object({ ...counts('due', 'overdue', 'dueToday', 'open'), items: z.array(dueFollowUp) }),
  /** The last 10 changes in the network (sign-ins left out), newest first. */
  recentActivity: z.array(activityEntry),
  /** Attendances (status attended) per month, the last 12 months up to the current one, oldest first. */
  attendancesPerMonth: z.array(z.object({ month: z.string(), attendances: z.number().int() })),
  /** Reach of the current year per node (events without a node under nodeId null). */
  reachPerNode: z.array(z.object({ ...reachNodeRow.pick({ nodeId: true, nodeName: true }).shape, ...reachInBrief })),
});
export type Dashboard = z.infer<typeof dashboard>;
