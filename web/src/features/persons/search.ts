import { z } from 'zod';
import {
  codeList,
  idList,
  isoDay,
  listParams,
  optionalBool,
  optionalInt,
  tabSearch,
} from '../../components/filters/search-params.ts';

/** One attendance group in the URL (`attended`/`notAttended`): shapes only, like the other filters. */
const urlAttendanceGroup = z.object({
  nodeId: idList,
  eventKind: codeList(),
  topic: idList,
  eventId: idList,
  from: isoDay,
  to: isoDay,
  status: codeList(),
  role: codeList(),
});
export type UrlAttendanceGroup = z.infer<typeof urlAttendanceGroup>;

/** A JSON array of groups; anything that is not an object is dropped, at most 10 are kept. */
const groupList = z
  .preprocess(
    (v) =>
      Array.isArray(v) ? v.filter((g) => g !== null && typeof g === 'object' && !Array.isArray(g)).slice(0, 10) : [],
    z.array(urlAttendanceGroup),
  )
  .transform((v) => (v.length ? v : undefined))
  .catch(undefined)
  .optional();

export const PERSON_PAGE_SIZES = [25, 50, 100];
export const PERSON_PAGE_SIZE_DEFAULT = 50;

/**
 * The person list in the URL: search, paging, sort and every filter of the shared `personFilter`, so a filtered view
 * can be bookmarked and shared. Shapes only; the page checks codes against the vocabularies.
 */
export const personsSearch = z.object({
  ...listParams(PERSON_PAGE_SIZES),
  organizationId: idList,
  organizationKind: codeList(),
  sector: codeList(),
  district: codeList(),
  affiliatedNodeId: idList,
  nodeId: idList,
  relationType: codeList(),
  tag: idList,
  hasEmail: optionalBool,
  consent: codeList(),
  attended: groupList,
  notAttended: groupList,
  eventId: idList,
  eventKind: codeList(),
  attendanceStatus: codeList(),
  attendanceRole: codeList(),
  attendedFrom: isoDay,
  attendedTo: isoDay,
  topic: idList,
  excludeEventId: idList,
  excludeEventKind: codeList(),
  deleted: optionalBool,
  /** The segment the list was opened from (its name shows, the filter can be saved back). */
  segment: optionalInt((n) => n > 0),
});
export type PersonsSearch = z.infer<typeof personsSearch>;

/** Flat attendance keys of older links and segments; the page turns them into groups. */
export const LEGACY_ATTENDANCE_KEYS = [
  'eventId',
  'eventKind',
  'attendanceStatus',
  'attendanceRole',
  'attendedFrom',
  'attendedTo',
  'topic',
  'excludeEventId',
  'excludeEventKind',
] as const;

/** The filter keys (everything but text search, paging and sort), in the order the chips show them. */
export const PERSON_FILTER_KEYS = [
  'organizationId',
  'organizationKind',
  'sector',
  'district',
  'affiliatedNodeId',
  'nodeId',
  'relationType',
  'tag',
  'hasEmail',
  'consent',
  'attended',
  'notAttended',
  ...LEGACY_ATTENDANCE_KEYS,
  'deleted',
] as const satisfies readonly (keyof PersonsSearch)[];

const ALL_STATUSES = ['interested', 'registered', 'waitlisted', 'attended', 'no_show', 'cancelled'];

/**
 * The same question with the flat attendance keys as groups: the flat ones are one group that counts every status
 * when none is given (cancelled too), and each excluded event or kind is a negated group. Null when there are none.
 */
export function upgradeLegacySearch(s: PersonsSearch): PersonsSearch | null {
  if (!LEGACY_ATTENDANCE_KEYS.some((k) => s[k as keyof PersonsSearch] !== undefined)) return null;
  const { eventId, eventKind, attendanceStatus, attendanceRole, attendedFrom, attendedTo, topic } = s;
  const positive = [eventId, eventKind, attendanceStatus, attendanceRole, attendedFrom, attendedTo, topic].some(
    (v) => v !== undefined,
  );
  const attended: UrlAttendanceGroup[] = [...(s.attended ?? [])];
  if (positive) {
    attended.push({
      eventId,
      eventKind,
      topic,
      from: attendedFrom,
      to: attendedTo,
      status: attendanceStatus ?? ALL_STATUSES,
      role: attendanceRole,
    });
  }
  const notAttended: UrlAttendanceGroup[] = [...(s.notAttended ?? [])];
  if (s.excludeEventId) notAttended.push({ eventId: s.excludeEventId, status: attendanceStatus });
  if (s.excludeEventKind) notAttended.push({ eventKind: s.excludeEventKind, status: attendanceStatus });
  const upgraded: PersonsSearch = { ...s, attended: attended.length ? attended : undefined };
  upgraded.notAttended = notAttended.length ? notAttended : undefined;
  for (const k of LEGACY_ATTENDANCE_KEYS) delete (upgraded as Record<string, unknown>)[k];
  return upgraded;
}

export const PERSON_TABS = ['overview', 'events', 'timeline', 'history'] as const;
export type PersonTab = (typeof PERSON_TABS)[number];

export const personDetailSearch = tabSearch(PERSON_TABS);
