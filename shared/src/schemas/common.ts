import { z } from 'zod';

/** Positive integer id in a path, e.g. `/api/persons/:id`. */
export const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export type IdParams = z.infer<typeof idParams>;

export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

/** Optional text field: trimmed, empty string becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .nullish()
  .transform((v) => (v === '' || v === undefined ? null : v))
  .pipe(z.email().nullable());

/** Query-string boolean: accepts true/false/1/0. */
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A query parameter that may be given once or repeated (`?sector=29&sector=28`). */
export const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(100).optional());

export const itemMeta = {
  id: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 500;

/** Paging, sort and search shared by every collection. `sort` is `field` or `-field` from the allowed list. */
export const listQuery = <const S extends readonly [string, ...string[]]>(sortFields: S) =>
  z.object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
    sort: z
      .enum([...sortFields, ...sortFields.map((f) => `-${f}`)] as [string, ...string[]])
      .optional()
      .transform((v) =>
        v === undefined ? undefined : { field: v.replace(/^-/, '') as S[number], desc: v.startsWith('-') },
      ),
    q: z.string().trim().max(200).optional(),
  });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** RFC 9457 problem details as every error is sent. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** Extra machine-readable data, e.g. duplicate candidates or the current record on a 412. */
  data: z.unknown().optional(),
});
export type Problem = z.infer<typeof problem>;

export const okResponse = z.object({ ok: z.literal(true) });
