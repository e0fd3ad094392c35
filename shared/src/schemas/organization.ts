import { z } from 'zod';
import { ORGANIZATION_KINDS, SIZE_CLASSES } from '../vocab/enums.ts';
import { isValidWzCode } from '../vocab/wz2008.ts';
import {
  dated,
  districtCode,
  itemMeta,
  listedPerson,
  listQuery,
  multilineText,
  optionalEmail,
  optionalText,
  orNull,
  page,
  queryBool,
  refId,
  repeated,
  requiredText,
} from './common.ts';
import { relation, relationType } from './network.ts';

export const organizationKind = z.enum(ORGANIZATION_KINDS);
export const sizeClass = z.enum(SIZE_CLASSES);
export const wzCode = z.string().trim().max(10).refine(isValidWzCode, 'unbekannter WZ-2008-Code');

export const tagRef = z.object({ id: z.number().int(), name: z.string(), color: z.string() });
export type TagRef = z.infer<typeof tagRef>;

export const organization = z.object({
  ...itemMeta,
  name: z.string(),
  shortName: z.string().nullable(),
  kind: organizationKind,
  sizeClass: sizeClass.nullable(),
  employees: z.number().int().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  sectors: z.array(z.string()),
  tags: z.array(tagRef),
  deletedAt: z.string().nullable(),
  /** Set when this organisation was merged into another one (it is then also deleted). */
  mergedIntoId: z.number().int().nullable(),
});
export type Organization = z.infer<typeof organization>;

const organizationFields = {
  name: requiredText(300),
  shortName: optionalText(60),
  kind: organizationKind,
  sizeClass: orNull(sizeClass),
  employees: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .nullish()
    .transform((v) => v ?? null),
  street: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Postleitzahl: fünf Ziffern')
    .or(z.literal(''))
    .nullish()
    .transform((v) => (v ? v : null)),
  city: optionalText(120),
  district: orNull(districtCode),
  website: optionalText(300),
  email: optionalEmail,
  phone: optionalText(60),
  notes: multilineText(10_000),
  sectors: z.array(wzCode).max(20),
  tagIds: z.array(refId).max(50),
};
export const organizationInput = z.object({
  ...organizationFields,
  sectors: organizationFields.sectors.default([]),
  tagIds: organizationFields.tagIds.default([]),
});
export type OrganizationInput = z.input<typeof organizationInput>;
/** Create body: `confirmDuplicate` saves even when likely duplicates exist (after the 409 showed them). */
export const organizationCreate = organizationInput.extend({ confirmDuplicate: z.boolean().optional() });
export type OrganizationCreate = z.input<typeof organizationCreate>;
// Built from the fields without defaults: a patch that omits `sectors` must not clear them.
export const organizationPatch = z.object(organizationFields).partial().strict();
export type OrganizationPatch = z.input<typeof organizationPatch>;

/** Sector filter values are WZ codes used as prefixes; an unknown one is an error on `sector` itself. */
const sectorFilter = repeated(z.string().trim().max(10)).refine(
  (codes) => codes === undefined || codes.every(isValidWzCode),
  'unbekannter WZ-2008-Code',
);

/** Filters for the organisation list (AND across filters, OR within a repeated one). */
export const organizationFilter = z.object({
  kind: repeated(organizationKind),
  sector: sectorFilter,
  district: repeated(districtCode),
  sizeClass: repeated(sizeClass),
  nodeId: repeated(z.coerce.number().int().positive()),
  relationType: repeated(relationType),
  tag: repeated(z.coerce.number().int().positive()),
  deleted: queryBool.optional(),
});
export type OrganizationFilter = z.infer<typeof organizationFilter> & { q?: string };

export const organizationListQuery = listQuery(['name', 'city', 'district', 'kind', 'createdAt', 'updatedAt']).extend(
  organizationFilter.shape,
);
export type OrganizationListQuery = z.input<typeof organizationListQuery>;
export const organizationPage = page(organization);

/** A person linked to the organisation through an affiliation. */
export const organizationPerson = z.object({
  affiliationId: z.number().int(),
  personId: z.number().int(),
  ...listedPerson,
  function: z.string().nullable(),
  isPrimary: z.boolean(),
  ...dated,
});
export type OrganizationPerson = z.infer<typeof organizationPerson>;

export const organizationDetail = organization.extend({
  /** Current: no end date or one not yet passed; former: ended. */
  people: z.object({ current: z.array(organizationPerson), former: z.array(organizationPerson) }),
  relations: z.array(relation),
});
export type OrganizationDetail = z.infer<typeof organizationDetail>;

export const duplicateReason = z.enum(['name', 'email']);
export const duplicateCandidate = z.object({
  id: z.number().int(),
  name: z.string(),
  city: z.string().nullable(),
  reason: duplicateReason,
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export const organizationDuplicateGroups = z.object({
  groups: z.array(
    z.object({
      reason: duplicateReason,
      /** The shared normalised name or e-mail. */
      key: z.string(),
      organizations: z.array(
        z.object({
          id: z.number().int(),
          name: z.string(),
          city: z.string().nullable(),
          email: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
});

/** What a merge chooses per organisation: a single field, or the whole postal address (street, code, city, district). */
export const ORGANIZATION_MERGE_FIELDS = [
  'name',
  'shortName',
  'kind',
  'sizeClass',
  'employees',
  'address',
  'website',
  'email',
  'phone',
] as const;
export type OrganizationMergeField = (typeof ORGANIZATION_MERGE_FIELDS)[number];

export const mergeBody = z.object({
  sourceId: refId.describe('the record merged into the target'),
  /**
   * Per field, whose value the merged organisation keeps: 'target' (this one) or 'source'. Unnamed fields keep the
   * target's value, or the source's where the target has none. A website, e-mail or phone not kept goes into the notes.
   */
  keep: z.partialRecord(z.enum(ORGANIZATION_MERGE_FIELDS), z.enum(['target', 'source'])).default({}),
});
export type OrganizationMergeBody = z.input<typeof mergeBody>;
