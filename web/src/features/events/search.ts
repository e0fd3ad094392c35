import { z } from 'zod';
import { optionalInt, searchText, sortParam } from '../../components/filters/search-params.ts';

export const EVENT_PAGE_SIZES = [25, 50, 100];
export const EVENT_PAGE_SIZE_DEFAULT = 50;

// Shape checks only: the entry chunk should not carry the vocabularies; pages check codes exactly.
const code = z
  .string()
  .regex(/^[a-z0-9_-]{1,60}$/)
  .optional()
  .catch(undefined)
  .optional();

/** The events page in the URL: tab, view, filters, paging; anything invalid falls back to the default. */
export const eventsSearch = z.object({
  when: z.enum(['upcoming', 'past']).optional().catch(undefined).optional(),
  view: z.enum(['list', 'calendar']).optional().catch(undefined).optional(),
  /** Calendar month 'YYYY-MM'. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined)
    .optional(),
  q: searchText,
  nodeId: optionalInt((n) => n > 0),
  kind: code,
  topic: code,
  year: optionalInt((n) => n >= 1990 && n <= 2100),
  page: optionalInt((n) => n >= 2 && n <= 1_000_000),
  pageSize: optionalInt((n) => EVENT_PAGE_SIZES.includes(n)),
  sort: sortParam,
});
export type EventsSearch = z.infer<typeof eventsSearch>;

/** The event detail page: the attendance list's status filter and page. */
export const eventDetailSearch = z.object({
  status: code,
  page: optionalInt((n) => n >= 2 && n <= 1_000_000),
});
