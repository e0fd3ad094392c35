import { z } from 'zod';
import { itemMeta, listQuery, page, requiredText } from './common.ts';
import { personFilter } from './person.ts';

/** Booleans and numbers in a JSON filter become what the query string carries, so one schema validates both. */
const asQueryValue = (v: unknown): unknown =>
  typeof v === 'boolean' || typeof v === 'number' ? String(v) : Array.isArray(v) ? v.map(asQueryValue) : v;

/**
 * A segment's filter: the person filter of the list (without `deleted`), given as JSON the way the list's query
 * string has it; `true`/`false` and numbers are accepted as well as their string forms.
 */
export const segmentFilter = z.preprocess(
  (v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).map(([k, value]) => [k, asQueryValue(value)]))
      : v,
  personFilter.omit({ deleted: true }).strict(),
);
export type SegmentFilterInput = z.input<typeof segmentFilter>;

export const segment = z.object({
  ...itemMeta,
  name: z.string(),
  /** The stored filter: arrays of ids/codes, `hasEmail` as a boolean. */
  filter: z.record(z.string(), z.unknown()),
  shared: z.boolean(),
  owner: z.object({ id: z.number().int(), name: z.string() }),
  /** Persons matching the filter now. */
  count: z.number().int(),
  /** Whether the caller may change or delete it (owner or admin). */
  editable: z.boolean(),
});
export type Segment = z.infer<typeof segment>;
export const segmentPage = page(segment);

export const segmentInput = z.object({
  name: requiredText(120),
  filter: segmentFilter,
  shared: z.boolean().default(false),
});
export type SegmentInput = z.input<typeof segmentInput>;

export const segmentPatch = z
  .object({ name: requiredText(120), filter: segmentFilter, shared: z.boolean() })
  .partial()
  .strict();
export type SegmentPatch = z.input<typeof segmentPatch>;

export const SEGMENT_SORT_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;
export const segmentListQuery = listQuery(SEGMENT_SORT_FIELDS);
export type SegmentListQuery = z.input<typeof segmentListQuery>;
