import { z } from 'zod';
import { TAG_COLORS } from '../vocab/enums.ts';
import { itemMeta, requiredText } from './common.ts';

export const tagColor = z.enum(TAG_COLORS);

export const tag = z.object({
  ...itemMeta,
  name: z.string(),
  color: z.string(),
  usage: z.object({ organizations: z.number().int(), persons: z.number().int() }),
});
export type Tag = z.infer<typeof tag>;

const tagFields = { name: requiredText(60), color: tagColor };
export const tagInput = z.object({ ...tagFields, color: tagColor.default('blue') });
export type TagInput = z.input<typeof tagInput>;
export const tagPatch = z.object(tagFields).partial().strict();
export const tagList = z.object({ items: z.array(tag), total: z.number().int() });

export const topic = z.object({
  ...itemMeta,
  slug: z.string(),
  label: z.string(),
  labelEn: z.string(),
  active: z.boolean(),
});
export type Topic = z.infer<typeof topic>;

const topicFields = { label: requiredText(80), labelEn: requiredText(80), active: z.boolean() };
export const topicInput = z.object({
  ...topicFields,
  /** Stable identifier; derived from the label when omitted and never changed afterwards. */
  slug: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'nur a–z, 0–9 und Bindestriche')
    .optional(),
  active: topicFields.active.default(true),
});
export type TopicInput = z.input<typeof topicInput>;
export const topicPatch = z.object(topicFields).partial().strict();
export const topicList = z.object({ items: z.array(topic), total: z.number().int() });
