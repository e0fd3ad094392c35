import { z } from 'zod';
import { codeList, isoDay, optionalInt } from '../../components/filters/search-params.ts';

/** The reach report's period and filters in the URL; shape checks only (the page checks values exactly). */
export const reachSearch = z.object({
  from: isoDay,
  to: isoDay,
  nodeId: optionalInt((n) => n > 0),
  reachedBy: codeList(/^[a-z_]{1,40}$/),
});
export type ReachSearch = z.infer<typeof reachSearch>;
