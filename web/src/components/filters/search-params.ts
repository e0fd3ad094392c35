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

/** A record list's search text, page, page size (one of `pageSizes`) and sort. */
export const listParams = (pageSizes: number[]) => ({
  q: searchText,
  page: optionalInt((n) => n >= 2 && n <= 1_000_000),
  pageSize: optionalInt((n) => pageSizes.includes(n)),
  sort: sortParam,
});

/** A detail page's tab (`?tab=`); an unknown one is no tab, i.e. the first. */
export const tabSearch = <const T extends readonly [string, ...string[]]>(tabs: T) =>
  z.object({ tab: z.enum(tabs).optional().catch(undefined).optional() });

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** A repeated URL value: each is read on its own (`undefined` drops it), at most 100, doubles once; empty → not set. */
const repeated = <T extends string | number>(read: (x: unknown) => T | undefined, item: z.ZodType<T>) =>
  z
    .preprocess(
      (v) =>
        asList(v)
          .map(read)
          .filter((x) => x !== undefined)
          .slice(0, 100),
      z.array(item),
    )
    .transform((v) => (v.length ? [...new Set(v)] : undefined))
    .catch(undefined)
    .optional();

/** A repeated code (`["29","C"]`): values of the wrong shape are dropped one by one; empty → not set. */
export const codeList = (shape: RegExp = /^[A-Za-z0-9._-]{1,40}$/) =>
  repeated((x) => {
    const code = typeof x === 'number' ? String(x) : x;
    return typeof code === 'string' && shape.test(code) ? code : undefined;
  }, z.string());

/** A repeated positive id (`[3,7]`). */
export const idList = repeated((x) => {
  const id = typeof x === 'string' && /^\d{1,15}$/.test(x) ? Number(x) : x;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}, z.number());

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

/** A check that a code is one of a vocabulary's (`inVocab(EVENT_KIND)`), for `onlyValid`. */
export const inVocab = (vocab: object) => (code: string) => Object.hasOwn(vocab, code);

/** Keeps only the values a vocabulary check accepts; an empty result means "not set". */
export function onlyValid<T>(values: readonly T[] | undefined, valid: (v: T) => boolean): T[] | undefined {
  const kept = values?.filter(valid);
  return kept?.length ? kept : undefined;
}
