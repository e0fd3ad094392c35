import { z } from 'zod';
import { codeList, idList, listParams, optionalBool, tabSearch } from '../../components/filters/search-params.ts';

export const ORGANIZATION_PAGE_SIZES = [25, 50, 100];
export const ORGANIZATION_PAGE_SIZE_DEFAULT = 50;

/** The list's filters (everything but text search, paging and sort). */
const filterParams = {
  kind: codeList(),
  sector: codeList(),
  district: codeList(),
  sizeClass: codeList(),
  nodeId: idList,
  relationType: codeList(),
  tag: idList,
  deleted: optionalBool,
};
export const ORGANIZATION_FILTER_KEYS = Object.keys(filterParams) as (keyof typeof filterParams)[];

/**
 * The list view's state in the URL (a filtered view can be bookmarked); anything invalid (a hand-edited link) falls
 * back to the default. Codes are only shape-checked here (the entry chunk should not carry the vocabularies); the
 * page checks them exactly against the shared schema.
 */
export const organizationsSearch = z.object({ ...listParams(ORGANIZATION_PAGE_SIZES), ...filterParams });
export type OrganizationsSearch = z.infer<typeof organizationsSearch>;

export const DETAIL_TABS = ['overview', 'timeline', 'history'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/** The detail page's tab in the URL. */
export const organizationDetailSearch = tabSearch(DETAIL_TABS);
