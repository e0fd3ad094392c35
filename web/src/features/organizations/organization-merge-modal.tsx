import {
  ORGANIZATION_MERGE_FIELDS,
  type OrganizationDetail,
  type OrganizationMergeField,
} from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { useQuery } from '@tanstack/react-query';
import { type MergeSpec, tagsOnlyIn } from '../../components/records/merge-modal.tsx';
import { organizationKeys } from '../../lib/query-keys.ts';
import { searchOrganizationOptions } from '../../lib/reference-data.ts';
import { organizationDetailOptions, useMergeOrganizations } from './api.ts';

/** The address is chosen as a whole: street, postcode, city and district. */
const ADDRESS = ['street', 'postalCode', 'city', 'district'] as const;

/** An organisation merge: contact values not kept stay in the notes of the merged organisation. */
export const organizationMerge: MergeSpec<OrganizationDetail, OrganizationMergeField> = {
  ns: 'organizations',
  fields: ORGANIZATION_MERGE_FIELDS,
  values: (o, f) => (f === 'address' ? ADDRESS.map((c) => o[c]) : [o[f]]),
  shown: (o, f, { label }) => {
    const text =
      f === 'address'
        ? [o.street, [o.postalCode, o.city].filter(Boolean).join(' '), o.district && districtLabel(o.district)]
            .filter(Boolean)
            .join(', ')
        : f === 'kind'
          ? label(ORGANIZATION_KIND, o.kind)
          : f === 'sizeClass'
            ? label(SIZE_CLASS, o.sizeClass)
            : o[f];
    return text === null || text === '' ? null : String(text);
  },
  fieldLabel: (f, { t }) => (f === 'address' ? t('organizations.address') : t(`organizations.fields.${f}`)),
  name: (o) => o.name,
  kept: ['website', 'email', 'phone'],
  moves: (s, target, kept, { t }) => {
    const moves: string[] = [];
    const people = s.people.current.length + s.people.former.length;
    if (people) moves.push(t('organizations.mergeMovesPeople', { count: people }));
    if (s.relations.length) moves.push(t('organizations.mergeMovesRelations', { count: s.relations.length }));
    const sectors = s.sectors.filter((c) => !target.sectors.includes(c));
    if (sectors.length) moves.push(t('organizations.mergeMovesSectors', { list: sectors.join(', ') }));
    const tags = tagsOnlyIn(s, target);
    if (tags.length) moves.push(t('organizations.mergeMovesTags', { list: tags.join(', ') }));
    if (kept.length) moves.push(t('organizations.mergeNoted', { list: kept.join(', ') }));
    return moves;
  },
  search: { queryKey: organizationKeys.options(), fetchOptions: searchOrganizationOptions },
  useDetail: (id) => useQuery({ ...organizationDetailOptions(id ?? 0), enabled: id !== null }),
  useMerge: useMergeOrganizations,
};
