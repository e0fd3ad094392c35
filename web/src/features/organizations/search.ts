import { z } from 'zod';
import {
  codeList,
  idList,
  optionalBool,
  optionalInt,
  searchText,
  sortParam,
} from '../../components/filters/search-params.ts';

export const ORGANIZATION_PAGE_SIZES = [25, 50, 100];
export const ORGANIZATION_PAGE_SIZE_DEFAULT = 50;

/**
 * The list view's state in the URL (a filtered view can be bookmarked); anything invalid (a hand-edited link) falls
 * back to the default. Codes are only shape-checked here (the entry chunk should not carry the vocabularies); the
 * page checks them exactly against the shared schema.
 */
export const organizationsSearch = z.object({
  q: searchText,
  page: optionalInt((n) => n >= 2 && n <= 1_000_000),
  pageSize: optionalInt((n) => ORGANIZATION_PAGE_SIZES.includes(n)),
  sort: sortParam,
  kind: codeList(),
  sector: codeList(),
  district: codeList(),
  sizeClass: codeList(),
  nodeId: idList,
  relationType: codeList(),
  tag: idList,
  deleted: optionalBool,
});
export type OrganizationsSearch = z.infer<typeof organizationsSearch>;

/** The filter keys (everything but text search, paging and sort). */
export const ORGANIZATION_FILTER_KEYS = [
  'kind',
  'sector',
  'district',
  'sizeClass',
  'nodeId',
  'relationType',
  'tag',
  'deleted',
] as const satisfies readonly (keyof OrganizationsSearch)[];

export const DETAIL_TABS = ['overview', 'timeline', 'history'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/** The detail page's tab in the URL. */
export const organizationDetailSearch = z.object({
  tab: z.enum(DETAIL_TABS).optional().catch(undefined).optional(),
});
