import { z } from 'zod';

/** One audit entry of a record as its history shows it: who, when, what, and field by field before → after. */
export const historyEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  /** The record the entry was written for; differs from the requested one for records merged into it. */
  entityId: z.number().int().nullable(),
  user: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  /** Free details of actions that are not field changes (e.g. what a merge moved). */
  details: z.unknown().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const historyList = z.object({ items: z.array(historyEntry) });
