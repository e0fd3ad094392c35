import { z } from 'zod';
import { isoDay, optionalInt } from '../../components/filters/search-params.ts';

/** The graph's filters in the URL; with `type` and `id` the ego view of that person or organisation. */
export const graphSearch = z.object({
  nodeId: optionalInt((n) => n > 0),
  sector: z
    .string()
    .regex(/^[A-Z0-9.]{1,10}$/)
    .optional()
    .catch(undefined)
    .optional(),
  from: isoDay,
  to: isoDay,
  type: z.enum(['person', 'organization']).optional().catch(undefined).optional(),
  id: optionalInt((n) => n > 0),
  /** The same data as a table (the text alternative to the drawing). */
  view: z.enum(['graph', 'table']).optional().catch(undefined).optional(),
});
export type GraphSearch = z.infer<typeof graphSearch>;
