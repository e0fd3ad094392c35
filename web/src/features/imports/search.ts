import { z } from 'zod';

/** `/import?kind=organizations`: the list pages open the import for their kind. */
export const importSearch = z.object({
  kind: z.enum(['persons', 'organizations']).optional().catch(undefined),
});
