import { formalName } from '@anett/shared/salutation';
import { PERSON_MERGE_FIELDS, type Person, type PersonMergeField } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { useQuery } from '@tanstack/react-query';
import { type MergeSpec, tagsOnlyIn } from '../../components/records/merge-modal.tsx';
import { personKeys } from '../../lib/query-keys.ts';
import { searchPersonOptions } from '../../lib/reference-data.ts';
import { personDetailOptions, useMergePersons } from './api.ts';

/** A person merge: contact values not chosen stay on the merged person as additional ones. */
export const personMerge: MergeSpec<Person, PersonMergeField> = {
  ns: 'persons',
  fields: PERSON_MERGE_FIELDS,
  values: (p, f) => [p[f]],
  shown: (p, f, { label }) => (f === 'salutation' ? label(SALUTATION, p.salutation) : p[f]),
  fieldLabel: (f, { t }) => t(`persons.fields.${f}`),
  name: formalName,
  kept: ['email', 'phone', 'mobile'],
  moves: (s, target, kept, { t }) => {
    const moves: string[] = [];
    if (s.affiliations.length) {
      moves.push(
        t('persons.mergeMovesAffiliations', {
          count: s.affiliations.length,
          list: s.affiliations.map((a) => [a.organization.name, a.function].filter(Boolean).join(', ')).join('; '),
        }),
      );
    }
    if (s.offices.length) {
      moves.push(
        t('persons.mergeMovesOffices', { count: s.offices.length, list: s.offices.map((o) => o.title).join(', ') }),
      );
    }
    const tags = tagsOnlyIn(s, target);
    if (tags.length) moves.push(t('persons.mergeMovesTags', { list: tags.join(', ') }));
    if (s.consents.length) moves.push(t('persons.mergeMovesConsents', { count: s.consents.length }));
    if (s.contactPoints.length) moves.push(t('persons.mergeMovesContactPoints', { count: s.contactPoints.length }));
    if (kept.length) moves.push(t('persons.mergeKeepsAdditional', { list: kept.join(', ') }));
    if (s.notes && s.notes !== target.notes) moves.push(t('persons.mergeNotes'));
    return moves;
  },
  search: { queryKey: personKeys.options(), fetchOptions: searchPersonOptions },
  useDetail: (id) => useQuery({ ...personDetailOptions(id ?? 0), enabled: id !== null }),
  useMerge: useMergePersons,
};
