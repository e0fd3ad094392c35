import { z } from 'zod';
import { INTERACTION_KINDS } from '../vocab/enums.ts';
import { attendanceRole, attendanceStatus } from './attendance.ts';
import {
  isoDate,
  itemMeta,
  listQuery,
  multilineText,
  optionalDate,
  orNull,
  page,
  paging,
  queryId,
  refId,
  repeated,
  requiredText,
} from './common.ts';
import { eventKind, instant, topicRef } from './event.ts';
import { entityRef } from './network.ts';

export const interactionKind = z.enum(INTERACTION_KINDS);

const refIds = z.array(refId).max(100);

export const interaction = z.object({
  ...itemMeta,
  /** ISO 8601 in UTC. */
  occurredAt: z.string(),
  kind: interactionKind,
  subject: z.string(),
  summary: z.string().nullable(),
  /** E-mails taken from a dropped file: 'out' when a user of the app sent it, 'in' otherwise; null for all else. */
  direction: z.enum(['in', 'out']).nullable(),
  persons: z.array(entityRef),
  organizations: z.array(entityRef),
  node: entityRef.nullable(),
  event: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  topics: z.array(topicRef),
  followUpOn: z.string().nullable(),
  followUpDoneAt: z.string().nullable(),
  /** The user who logged it. */
  author: entityRef.nullable(),
  deletedAt: z.string().nullable(),
});
export type Interaction = z.infer<typeof interaction>;

const interactionFields = {
  /** Any ISO 8601 date-time with offset; stored and returned in UTC. */
  occurredAt: instant,
  kind: interactionKind,
  subject: requiredText(300),
  summary: multilineText(20_000),
  personIds: refIds,
  organizationIds: refIds,
  nodeId: orNull(refId),
  eventId: orNull(refId),
  topicIds: z.array(refId).max(30),
  followUpOn: optionalDate,
};

/** Every interaction concerns someone: at least one person or organisation. */
export const NOBODY_LINKED = 'mindestens eine Person oder Organisation angeben';

export const interactionCreate = z
  .object({
    ...interactionFields,
    occurredAt: interactionFields.occurredAt.optional().describe('defaults to now'),
    personIds: interactionFields.personIds.default([]),
    organizationIds: interactionFields.organizationIds.default([]),
    topicIds: interactionFields.topicIds.default([]),
    /** With persons but no organisations: link the persons' current organisations (quick log). */
    linkOrganizations: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.personIds.length === 0 && v.organizationIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['personIds'], message: NOBODY_LINKED });
    }
  });
export type InteractionCreate = z.input<typeof interactionCreate>;

/** Replaces the given fields; `personIds`, `organizationIds` and `topicIds` replace the whole set. */
export const interactionPatch = z.object(interactionFields).partial().strict();
export type InteractionPatch = z.input<typeof interactionPatch>;

export const FOLLOW_UP_STATES = ['due', 'open', 'done'] as const;

export const INTERACTION_SORT_FIELDS = ['occurredAt', 'subject', 'kind', 'followUpOn'] as const;
export const interactionListQuery = listQuery(INTERACTION_SORT_FIELDS)
  .extend({
    personId: queryId.optional(),
    organizationId: queryId.optional(),
    nodeId: queryId.optional(),
    kind: repeated(interactionKind),
    /** Topic id. */
    topic: repeated(queryId),
    authorId: queryId.optional(),
    /** occurredAt on or after this day (UTC). */
    from: isoDate.optional(),
    /** occurredAt on or before this day (UTC). */
    to: isoDate.optional(),
    /** due: open and on or before today; open: follow-up set and not done; done: marked done. */
    followUp: z.enum(FOLLOW_UP_STATES).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.to < f.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'darf nicht vor from liegen' });
  });
export type InteractionListQuery = z.input<typeof interactionListQuery>;
export const interactionPage = page(interaction);

// "Meine Wiedervorlagen"

export const followUpQuery = z.object({
  /** mine: follow-ups of interactions the current user logged; all: everyone's (managers and admins). */
  scope: z.enum(['mine', 'all']).default('mine'),
  ...paging,
});
export type FollowUpQuery = z.input<typeof followUpQuery>;

export const followUp = interaction.extend({
  /** The follow-up date has passed (in Germany's time zone). */
  overdue: z.boolean(),
  dueToday: z.boolean(),
});
export type FollowUp = z.infer<typeof followUp>;

export const followUpPage = page(followUp).extend({
  overdueCount: z.number().int(),
  dueTodayCount: z.number().int(),
});
export type FollowUpPage = z.infer<typeof followUpPage>;

// Timelines of a person, organisation or node: interactions and attendances, newest first

export const timelineQuery = z.object({
  limit: queryId.max(500).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'ungültiger Cursor')
    .optional(),
});
export type TimelineQuery = z.input<typeof timelineQuery>;

export const timelineInteraction = z.object({
  type: z.literal('interaction'),
  at: z.string(),
  interaction,
});

export const timelineAttendance = z.object({
  type: z.literal('attendance'),
  /** The event's start. */
  at: z.string(),
  attendanceId: z.number().int(),
  event: z.object({ id: z.number().int(), title: z.string(), kind: eventKind }),
  person: entityRef,
  status: attendanceStatus,
  role: attendanceRole,
  /** Organisation at the time of the event (snapshot; the id is null for a name typed in at check-in). */
  organization: z.object({ id: z.number().int().nullable(), name: z.string() }).nullable(),
});

export const timelineItem = z.discriminatedUnion('type', [timelineInteraction, timelineAttendance]);
export type TimelineItem = z.infer<typeof timelineItem>;

export const timelinePage = z.object({
  items: z.array(timelineItem),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePage>;
