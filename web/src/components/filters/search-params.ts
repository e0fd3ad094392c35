import { z } from 'zod';

// URL search params of list pages. Anything invalid in a hand-edited link falls back to "not set" instead of an
// error page. Only shapes are checked here (the entry chunk must not carry the vocabularies); pages check codes
// exactly against the shared schemas before they ask the server.

/** The router's default parser turns `?q=123` into a number; a search text is always a string. */
export const searchText = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().max(200).optional())
  .transform((v) => v || undefined)
  .catch(undefined)
  .optional();

export const optionalInt = (check: (n: number) => boolean) =>
  z.coerce.number().int().refine(check).optional().catch(undefined).optional();

export const sortParam = z
  .string()
  .regex(/^-?[A-Za-z]{1,40}$/)
  .optional()
  .catch(undefined)
  .optional();

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** A repeated code (`["29","C"]`): values of the wrong shape are dropped one by one; empty → not set. */
export const codeList = (shape: RegExp = /^[A-Za-z0-9._-]{1,40}$/) =>
  z
    .preprocess(
      (v) =>
        asList(v)
          .map((x) => (typeof x === 'number' ? String(x) : x))
          .filter((x): x is string => typeof x === 'string' && shape.test(x))
          .slice(0, 100),
      z.array(z.string()),
    )
    .transform((v) => (v.length ? [...new Set(v)] : undefined))
    .catch(undefined)
    .optional();

/** A repeated positive id (`[3,7]`). */
export const idList = z
  .preprocess(
    (v) =>
      asList(v)
        .map((x) => (typeof x === 'string' && /^\d{1,15}$/.test(x) ? Number(x) : x))
        .filter((x): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0)
        .slice(0, 100),
    z.array(z.number()),
  )
  .transform((v) => (v.length ? [...new Set(v)] : undefined))
  .catch(undefined)
  .optional();

export const optionalBool = z
  .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional())
  .catch(undefined)
  .optional();

/** A calendar day 'YYYY-MM-DD'. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined)
  .optional();

/** Keeps only the values a vocabulary check accepts; an empty result means "not set". */
export function onlyValid<T>(values: readonly T[] | undefined, valid: (v: T) => boolean): T[] | undefined {
  const kept = values?.filter(valid);
  return kept?.length ? kept : undefined;
}
