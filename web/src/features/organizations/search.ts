import { z } from 'zod';

export const ORGANIZATION_PAGE_SIZES = [25, 50, 100];
export const ORGANIZATION_PAGE_SIZE_DEFAULT = 50;

// The router's default parser turns `?q=123` into a number; a search text is always a string.
const searchText = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().max(200).optional())
  .transform((v) => v || undefined)
  .catch(undefined)
  .optional();

const optionalInt = (check: (n: number) => boolean) =>
  z.coerce.number().int().refine(check).optional().catch(undefined).optional();

/**
 * The list view's state in the URL; anything invalid (a hand-edited link) falls back to the default.
 * `sort` is only shape-checked here (the entry chunk should not carry the vocabularies); the page checks it
 * exactly against the shared schema.
 */
export const organizationsSearch = z.object({
  q: searchText,
  page: optionalInt((n) => n >= 2 && n <= 1_000_000),
  pageSize: optionalInt((n) => ORGANIZATION_PAGE_SIZES.includes(n)),
  sort: z
    .string()
    .regex(/^-?[A-Za-z]{1,40}$/)
    .optional()
    .catch(undefined)
    .optional(),
});
