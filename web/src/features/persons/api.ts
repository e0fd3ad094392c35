import { events } from '@anett/shared/routes/event';
import { persons } from '@anett/shared/routes/person';
import type { Event } from '@anett/shared/schemas/event';
import type {
  Affiliation,
  AffiliationInput,
  AffiliationPatch,
  ContactPoint,
  ContactPointInput,
  ContactPointPatch,
  Office,
  OfficeInput,
  OfficePatch,
} from '@anett/shared/schemas/person';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { call } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format.ts';
import { eventKeys, invalidatePerson, organizationKeys, personKeys } from '../../lib/query-keys.ts';
import { recordApi } from '../../lib/record-api.ts';

const personApi = recordApi({
  routes: { ...persons, remove: persons.delete },
  keys: personKeys,
  invalidate: invalidatePerson,
  duplicatesQuery: { pageSize: 500 },
  // Organisations list their people; a merge moves contact-log entries.
  alsoOnCreate: [[...organizationKeys.all, 'detail']],
  alsoOnMerge: [[...personKeys.all, 'timeline']],
});

export const {
  listOptions: personListOptions,
  detailOptions: personDetailOptions,
  historyOptions: personHistoryOptions,
  duplicatesOptions: personDuplicatesOptions,
  useCreate: useCreatePerson,
  useUpdate: useUpdatePerson,
  useDelete: useDeletePerson,
  useRestore: useRestorePerson,
  useMerge: useMergePersons,
} = personApi;

const eventLabel = (e: Pick<Event, 'title' | 'startsAt'>) => `${e.title} (${formatDate(e.startsAt)})`;

/** For the event filter: events matching `q`, latest first. */
export async function searchEventOptions(q: string, signal: AbortSignal): Promise<AsyncOption[]> {
  const page = await call(events.list, {
    query: { q: q || undefined, pageSize: 20, sort: '-startsAt' },
    signal,
  });
  return page.items.map((e) => ({ value: String(e.id), label: eventLabel(e) }));
}

/** Labels of events chosen in the URL (there are few): one request each, cached. */
export const eventLabelOptions = (id: number) =>
  queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => call(events.get, { params: { id }, signal }),
    select: (e: Event) => ({ value: String(e.id), label: eventLabel(e) }),
    staleTime: 5 * 60_000,
  });

// Affiliations and offices: sub-records with their own version.

export function useSaveAffiliation(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      args: { create: AffiliationInput } | { affiliation: Affiliation; patch: AffiliationPatch },
    ): Promise<Affiliation> =>
      'create' in args
        ? call(persons.addAffiliation, { params: { id: personId }, body: args.create })
        : call(persons.updateAffiliation, {
            params: { id: personId, affiliationId: args.affiliation.id },
            body: args.patch,
            ifMatch: args.affiliation.version,
          }),
    onSettled: () => invalidatePerson(queryClient, personId),
  });
}

export function useDeleteAffiliation(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: Affiliation) =>
      call(persons.deleteAffiliation, { params: { id: personId, affiliationId: a.id }, ifMatch: a.version }),
    onSettled: () => invalidatePerson(queryClient, personId),
  });
}

export function useSaveOffice(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { create: OfficeInput } | { office: Office; patch: OfficePatch }): Promise<Office> =>
      'create' in args
        ? call(persons.addOffice, { params: { id: personId }, body: args.create })
        : call(persons.updateOffice, {
            params: { id: personId, officeId: args.office.id },
            body: args.patch,
            ifMatch: args.office.version,
          }),
    onSettled: () => invalidatePerson(queryClient, personId),
  });
}

export function useDeleteOffice(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (o: Office) =>
      call(persons.deleteOffice, { params: { id: personId, officeId: o.id }, ifMatch: o.version }),
    onSettled: () => invalidatePerson(queryClient, personId),
  });
}

/** More e-mail addresses and phone numbers: sub-records with their own version. */
export function useSaveContactPoint(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      args: { create: ContactPointInput } | { contactPoint: ContactPoint; patch: ContactPointPatch },
    ): Promise<ContactPoint> =>
      'create' in args
        ? call(persons.addContactPoint, { params: { id: personId }, body: args.create })
        : call(persons.updateContactPoint, {
            params: { id: personId, contactPointId: args.contactPoint.id },
            body: args.patch,
            ifMatch: args.contactPoint.version,
          }),
    onSettled: () => invalidatePerson(queryClient, personId),
  });
}

export function useDeleteContactPoint(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: ContactPoint) =>
      call(persons.deleteContactPoint, { params: { id: personId, contactPointId: c.id }, ifMatch: c.version }),
    onSettled: () => invalidatePerson(queryClient, personId),
  });
}
