import { z } from 'zod';
import { codeList, optionalInt } from '../../components/filters/search-params.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined)
  .optional();

/** The reach report's period and filters in the URL; shape checks only (the page checks values exactly). */
export const reachSearch = z.object({
  from: day,
  to: day,
  nodeId: optionalInt((n) => n > 0),
  reachedBy: codeList(/^[a-z_]{1,40}$/),
});
export type ReachSearch = z.infer<typeof reachSearch>;
