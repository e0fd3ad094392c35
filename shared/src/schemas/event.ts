import { z } from 'zod';
import { ATTENDANCE_STATUSES, EVENT_KINDS } from '../vocab/enums.ts';
import { promotedRef } from './attendance.ts';
import {
  countsBy,
  isoDate,
  isoDateTime,
  itemMeta,
  listQuery,
  multilineText,
  optionalText,
  orNull,
  page,
  queryId,
  rangeIssue,
  refId,
  refineWith,
  repeated,
  requiredText,
} from './common.ts';
import { entityRef } from './network.ts';

export const eventKind = z.enum(EVENT_KINDS);

/** Lower-case letters, digits and single hyphens: 'qti-rohr-eroeffnung-2024'. */
export const publicSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche');

/** A slug from a title: umlauts spelled out, everything else to hyphens. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '');
}

/** An instant with offset ('2024-11-15T10:00:00+01:00'); stored and returned in UTC ('2024-11-15T09:00:00.000Z'). */
export const instant = isoDateTime.transform((v) => new Date(v).toISOString());
const optionalInstant = orNull(instant);

/** End before start is refused on `endsAt`. */
export const endsAtIssue = rangeIssue('startsAt', 'endsAt');
const checkEndsAt = refineWith(endsAtIssue);

export const topicRef = z.object({ id: z.number().int(), slug: z.string(), label: z.string(), labelEn: z.string() });
export type TopicRef = z.infer<typeof topicRef>;

/** Number of attendances per status. */
export const attendanceCounts = countsBy(ATTENDANCE_STATUSES);
export type AttendanceCounts = z.infer<typeof attendanceCounts>;

// Sessions (Termine of a course)

export const eventSession = z.object({
  ...itemMeta,
  eventId: z.number().int(),
  title: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  /** Hours credited to everyone who attended the session. */
  hours: z.number(),
});
export type EventSession = z.infer<typeof eventSession>;

const sessionFields = {
  title: optionalText(200),
  startsAt: instant,
  endsAt: optionalInstant,
  hours: z.number().min(0).max(100),
};
/** Hours between start and end, to the quarter hour: '09:00'–'16:30' → 7.5; 0 without an end. */
export function sessionDuration(startsAt: string, endsAt: string | null | undefined): number {
  if (!endsAt) return 0;
  const hours = (Date.parse(endsAt) - Date.parse(startsAt)) / 3_600_000;
  return Number.isFinite(hours) && hours > 0 ? Math.min(100, Math.round(hours * 4) / 4) : 0;
}

/** Hours not given (or 0, as an emptied form field sends them) are the session's duration when start and end are known. */
const deriveHours = <S extends { startsAt?: string; endsAt?: string | null; hours?: number }>(s: S): S =>
  !s.hours && s.startsAt && s.endsAt ? { ...s, hours: sessionDuration(s.startsAt, s.endsAt) } : s;

export const sessionInput = z
  .object({ ...sessionFields, hours: sessionFields.hours.optional() })
  .superRefine(checkEndsAt)
  .transform((s) => {
    const derived = deriveHours(s);
    return { ...derived, hours: derived.hours ?? 0 };
  });
export type SessionInput = z.input<typeof sessionInput>;
export const sessionPatch = z.object(sessionFields).partial().strict().transform(deriveHours);
export type SessionPatch = z.input<typeof sessionPatch>;
export const sessionParams = z.object({ id: queryId, sessionId: queryId });

// Events

export const event = z.object({
  ...itemMeta,
  title: z.string(),
  kind: eventKind,
  nodeId: z.number().int().nullable(),
  node: entityRef.nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  /** Seats for registered and attended persons; null = unlimited. */
  capacity: z.number().int().nullable(),
  description: z.string().nullable(),
  /** Open for self-registration at /anmeldung/<publicSlug>. */
  publicRegistration: z.boolean(),
  publicSlug: z.string().nullable(),
  topics: z.array(topicRef),
  counts: attendanceCounts,
  deletedAt: z.string().nullable(),
});
export type Event = z.infer<typeof event>;

export const eventDetail = event.extend({
  sessions: z.array(eventSession),
  /** Sum of the hours of all sessions. */
  totalHours: z.number(),
});
export type EventDetail = z.infer<typeof eventDetail>;

const eventFields = {
  title: requiredText(300),
  kind: eventKind,
  nodeId: orNull(refId),
  startsAt: instant,
  endsAt: optionalInstant,
  location: optionalText(300),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? null),
  description: multilineText(20_000),
  topicIds: z.array(refId).max(30),
  publicRegistration: z.boolean(),
  /** The address of the public page: /anmeldung/<publicSlug>; derived from the title when left empty. */
  publicSlug: orNull(publicSlug),
};
export const eventInput = z
  .object({
    ...eventFields,
    topicIds: eventFields.topicIds.default([]),
    publicRegistration: eventFields.publicRegistration.default(false),
  })
  .superRefine(checkEndsAt);
export type EventInput = z.input<typeof eventInput>;
/** Replaces the given fields; `topicIds` replaces the whole topic set. The merged start/end is checked by the server. */
export const eventPatch = z
  .object(eventFields)
  .partial()
  .extend({
    /** Save a capacity below the seats already taken (after CAPACITY_BELOW_BOOKINGS was shown to the user). */
    confirm: z.boolean().default(false),
  })
  .strict();
export type EventPatch = z.input<typeof eventPatch>;
/** The changed event and who moved up from the waiting list because of it (more capacity). */
export const eventUpdated = eventDetail.extend({ promoted: z.array(promotedRef) });
export type EventUpdated = z.infer<typeof eventUpdated>;

export const EVENT_SORT_FIELDS = ['startsAt', 'title', 'kind', 'createdAt', 'updatedAt'] as const;
export const eventListQuery = listQuery(EVENT_SORT_FIELDS)
  .extend({
    /** upcoming: not yet ended; past: ended. Default sort: upcoming soonest first, otherwise latest first. */
    when: z.enum(['upcoming', 'past']).optional(),
    nodeId: repeated(queryId),
    kind: repeated(eventKind),
    /** Topic id or slug. */
    topic: repeated(z.string().trim().min(1).max(60)),
    /** Year of the start. */
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    /** Events running on or after this day (calendar views). */
    from: isoDate.optional(),
    /** Events running on or before this day. */
    to: isoDate.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.to < f.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'darf nicht vor from liegen' });
  });
export type EventListQuery = z.input<typeof eventListQuery>;
export const eventPage = page(event);
