import { z } from 'zod';
import { isDistrictCode } from '../vocab/districts.ts';
import { ORGANIZATION_KINDS, SIZE_CLASSES } from '../vocab/enums.ts';
import { isValidWzCode } from '../vocab/wz2008.ts';
import { itemMeta, listQuery, optionalEmail, optionalText, page, queryBool, repeated, requiredText } from './common.ts';

export const organizationKind = z.enum(ORGANIZATION_KINDS);
export const sizeClass = z.enum(SIZE_CLASSES);
export const districtCode = z.string().refine(isDistrictCode, 'unbekannter Kreis');
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
});
export type Organization = z.infer<typeof organization>;

export const organizationInput = z.object({
  name: requiredText(300),
  shortName: optionalText(60),
  kind: organizationKind,
  sizeClass: sizeClass.nullish().transform((v) => v ?? null),
  employees: z.number().int().min(0).max(1_000_000).nullish().transform((v) => v ?? null),
  street: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Postleitzahl: fünf Ziffern')
    .or(z.literal(''))
    .nullish()
    .transform((v) => (v ? v : null)),
  city: optionalText(120),
  district: districtCode.nullish().transform((v) => v ?? null),
  website: optionalText(300),
  email: optionalEmail,
  phone: optionalText(60),
  notes: optionalText(10_000),
  sectors: z.array(wzCode).max(20).default([]),
  tagIds: z.array(z.number().int().positive()).max(50).default([]),
});
export type OrganizationInput = z.input<typeof organizationInput>;
export const organizationPatch = organizationInput.partial().strict();

/** Filters for the organisation list (AND across filters, OR within a repeated one). */
export const organizationFilter = z.object({
  kind: repeated(organizationKind),
  sector: repeated(wzCode),
  district: repeated(districtCode),
  sizeClass: repeated(sizeClass),
  nodeId: repeated(z.coerce.number().int().positive()),
  relationType: repeated(z.string().max(40)),
  tag: repeated(z.coerce.number().int().positive()),
  deleted: queryBool.optional(),
});

export const organizationListQuery = listQuery(['name', 'city', 'district', 'kind', 'createdAt', 'updatedAt']).extend(
  organizationFilter.shape,
);
export type OrganizationListQuery = z.input<typeof organizationListQuery>;
export const organizationPage = page(organization);
