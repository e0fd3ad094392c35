import { z } from 'zod';
import { isoDay, optionalInt, searchText } from '../../components/filters/search-params.ts';

export const INTERACTION_PAGE_SIZES = [25, 50, 100];
export const INTERACTION_PAGE_SIZE_DEFAULT = 50;

/** The contact log's filters in the URL; shape checks only (the page checks codes exactly). */
export const interactionsSearch = z.object({
  q: searchText,
  kind: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined)
    .optional(),
  nodeId: optionalInt((n) => n > 0),
  topic: optionalInt((n) => n > 0),
  mine: z.literal(true).optional().catch(undefined).optional(),
  from: isoDay,
  to: isoDay,
  followUp: z.enum(['due', 'open', 'done']).optional().catch(undefined).optional(),
  page: optionalInt((n) => n >= 2 && n <= 1_000_000),
  pageSize: optionalInt((n) => INTERACTION_PAGE_SIZES.includes(n)),
});
export type InteractionsSearch = z.infer<typeof interactionsSearch>;

export const followUpsSearch = z.object({
  scope: z.enum(['mine', 'all']).optional().catch(undefined).optional(),
});
