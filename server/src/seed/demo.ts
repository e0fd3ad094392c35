import type { AppContext } from '../context.ts';

/** Placeholder until the demo data set lands: returns undefined (nothing seeded). */
export async function seedDemo(_ctx: AppContext, _opts: { adminId?: number }) {
  return undefined as { summary: string } | undefined;
}
