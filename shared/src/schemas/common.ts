import { z } from 'zod';
import { isDistrictCode } from '../vocab/districts.ts';

/** A positive integer id in a JSON body. */
export const refId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** The same in a path or query string, where it arrives as text. */
export const queryId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Positive integer id in a path, e.g. `/api/persons/:id`. */
export const idParams = z.object({ id: queryId });
export type IdParams = z.infer<typeof idParams>;

/** An optional field stored as null when it is left out. */
export const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
export const optionalDate = orNull(isoDate);

/** An end before its start, refused on the end field: `rangeIssue('startsAt', 'endsAt')`. */
export const rangeIssue =
  <const S extends string, const E extends string>(start: S, end: E) =>
  (r: { [K in S | E]?: string | null }) => {
    const from = r[start];
    const to = r[end];
    return from && to && to < from ? { field: end, message: `darf nicht vor ${start} liegen` } : undefined;
  };
/** A rule on the input (such as `rangeIssue`) as a zod refinement. */
export const refineWith =
  <T>(issueOf: (r: T) => { field: string; message: string } | undefined) =>
  (r: T, ctx: z.RefinementCtx) => {
    const issue = issueOf(r);
    if (issue) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  };

/** The period of a dated record (affiliation, office, relation): as answered, and as written. */
export const dated = { fromDate: z.string().nullable(), toDate: z.string().nullable() };
export const datedInput = { fromDate: optionalDate, toDate: optionalDate };
/** A period must not end before it starts. */
export const dateRangeIssue = rangeIssue('fromDate', 'toDate');

/** A Thuringian district, another German state or AUSLAND (`vocab/districts.ts`). */
export const districtCode = z.string().refine(isDistrictCode, 'unbekannter Kreis');

// C0 control characters (U+0000–U+001F) and the bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069):
// invisible, they garble CSV cells and make text read differently from what it is ("Trojan Source").
const TAB = 9;
const LF = 10;
const CR = 13;
const hasControl = (v: string, multiline: boolean) => {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 && !(multiline && (c === TAB || c === LF || c === CR))) return true;
  }
  return false;
};
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
export const CONTROL_CHAR_MESSAGE = 'darf keine Steuerzeichen enthalten';
export const BIDI_CHAR_MESSAGE = 'darf keine Zeichen zur Umkehr der Textrichtung enthalten';

/** A text that people read: no control characters (tab and line breaks only where `multiline`), no bidi overrides. */
export const plainText = (max: number, { multiline = false, min = 0 } = {}) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => !hasControl(v, multiline), CONTROL_CHAR_MESSAGE)
    .refine((v) => !BIDI.test(v), BIDI_CHAR_MESSAGE);

/** Optional text field: trimmed, empty string becomes null. */
export const optionalText = (max: number, options?: { multiline?: boolean }) =>
  plainText(max, options)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

/** Optional text over several lines (notes, summaries, descriptions): tab and line breaks are allowed. */
export const multilineText = (max: number) => optionalText(max, { multiline: true });

export const requiredText = (max: number) => plainText(max, { min: 1 });

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

/** A person as another record's list of people shows them (an event's attendees, an organisation's people). */
export const listedPerson = {
  salutation: z.string().nullable(),
  title: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
};

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 500;

/** The page of a collection (query parameters); `listQuery` adds sort and search. */
export const paging = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
};

/** Paging, sort and search shared by every collection. `sort` is `field` or `-field` from the allowed list. */
export const listQuery = <const S extends readonly [string, ...string[]]>(sortFields: S) =>
  z.object({
    ...paging,
    sort: z
      .enum([...sortFields, ...sortFields.map((f) => `-${f}`)] as [string, ...string[]])
      .optional()
      .transform((v) =>
        v === undefined ? undefined : { field: v.replace(/^-/, '') as S[number], desc: v.startsWith('-') },
      ),
    q: z.string().trim().max(200).optional(),
  });

/** Whole-number counters under these names, for the figures of a summary (spread into its object). */
export const counts = <const K extends string>(...names: K[]) =>
  Object.fromEntries(names.map((n) => [n, z.number().int()])) as Record<K, z.ZodNumber>;

/** A whole-number count per name of a vocabulary (attendances per status, events per kind). */
export const countsBy = <const K extends string>(names: readonly K[]) => z.object(counts(...names));

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
