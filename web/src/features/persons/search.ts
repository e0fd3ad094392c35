import { z } from 'zod';
import {
  codeList,
  idList,
  isoDay,
  optionalBool,
  optionalInt,
  searchText,
  sortParam,
} from '../../components/filters/search-params.ts';

export const PERSON_PAGE_SIZES = [25, 50, 100];
export const PERSON_PAGE_SIZE_DEFAULT = 50;

/**
 * The person list in the URL: search, paging, sort and every filter of the shared `personFilter`, so a filtered view
 * can be bookmarked and shared. Shapes only; the page checks codes against the vocabularies.
 */
export const personsSearch = z.object({
  q: searchText,
  page: optionalInt((n) => n >= 2 && n <= 1_000_000),
  pageSize: optionalInt((n) => PERSON_PAGE_SIZES.includes(n)),
  sort: sortParam,
  organizationId: idList,
  organizationKind: codeList(),
  sector: codeList(),
  district: codeList(),
  nodeId: idList,
  relationType: codeList(),
  tag: idList,
  hasEmail: optionalBool,
  consent: codeList(),
  eventId: idList,
  eventKind: codeList(),
  attendanceStatus: codeList(),
  attendanceRole: codeList(),
  attendedFrom: isoDay,
  attendedTo: isoDay,
  topic: idList,
  excludeEventKind: codeList(),
  deleted: optionalBool,
  /** The segment the list was opened from (its name shows, the filter can be saved back). */
  segment: optionalInt((n) => n > 0),
});
export type PersonsSearch = z.infer<typeof personsSearch>;

/** The filter keys (everything but text search, paging and sort), in the order the chips show them. */
export const PERSON_FILTER_KEYS = [
  'organizationId',
  'organizationKind',
  'sector',
  'district',
  'nodeId',
  'relationType',
  'tag',
  'hasEmail',
  'consent',
  'eventId',
  'eventKind',
  'attendanceStatus',
  'attendanceRole',
  'attendedFrom',
  'attendedTo',
  'topic',
  'excludeEventKind',
  'deleted',
] as const satisfies readonly (keyof PersonsSearch)[];

export const PERSON_TABS = ['overview', 'events', 'timeline', 'history'] as const;
export type PersonTab = (typeof PERSON_TABS)[number];

export const personDetailSearch = z.object({
  tab: z.enum(PERSON_TABS).optional().catch(undefined).optional(),
});
