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
  MergeBody,
  Office,
  OfficeInput,
  OfficePatch,
  Person,
  PersonInput,
  PersonListQuery,
  PersonPatch,
} from '@anett/shared/schemas/person';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { call } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format.ts';
import { invalidatePerson, personKeys } from '../../lib/query-keys.ts';

export const personListOptions = (params: PersonListQuery) =>
  queryOptions({
    queryKey: personKeys.list(params),
    queryFn: ({ signal }) => call(persons.list, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export const personDetailOptions = (id: number) =>
  queryOptions({
    queryKey: personKeys.detail(id),
    queryFn: ({ signal }) => call(persons.get, { params: { id }, signal }),
  });

export const personHistoryOptions = (id: number) =>
  queryOptions({
    queryKey: personKeys.history(id),
    queryFn: ({ signal }) => call(persons.history, { params: { id }, signal }),
  });

export const personDuplicatesOptions = () =>
  queryOptions({
    queryKey: personKeys.duplicates(),
    queryFn: ({ signal }) => call(persons.duplicates, { query: { pageSize: 500 }, signal }),
  });

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
    queryKey: ['events', 'detail', id] as const,
    queryFn: ({ signal }) => call(events.get, { params: { id }, signal }),
    select: (e: Event) => ({ value: String(e.id), label: eventLabel(e) }),
    staleTime: 5 * 60_000,
  });

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonInput) => call(persons.create, { body }),
    onSuccess: (p) => {
      queryClient.setQueryData(personKeys.detail(p.id), p);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: personKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: ['organizations', 'detail'] }),
      ]);
    },
  });
}

/** Sends only the changed fields with the version the user loaded (If-Match); a concurrent change answers 412. */
export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: number; version: number; patch: PersonPatch }) =>
      call(persons.update, { params: { id }, body: patch, ifMatch: version }),
    onSuccess: (p) => {
      queryClient.setQueryData(personKeys.detail(p.id), p);
      return invalidatePerson(queryClient, p.id);
    },
  });
}

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (p: Pick<Person, 'id' | 'version'>) =>
      call(persons.delete, { params: { id: p.id }, ifMatch: p.version }),
    onSettled: (_d, _e, p) => invalidatePerson(queryClient, p.id),
  });
}

export function useRestorePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(persons.restore, { params: { id } }),
    onSettled: (_d, _e, id) => invalidatePerson(queryClient, id),
  });
}

/** Moves `sourceId` into `target` keeping per field the chosen value (`keep`); both records change. */
export function useMergePersons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      target,
      sourceId,
      keep,
    }: {
      target: { id: number; version?: number };
      sourceId: number;
      keep?: MergeBody['keep'];
    }) => call(persons.merge, { params: { id: target.id }, body: { sourceId, keep }, ifMatch: target.version }),
    onSettled: (_d, _e, { target, sourceId }) =>
      Promise.all([
        invalidatePerson(queryClient, target.id),
        invalidatePerson(queryClient, sourceId),
        queryClient.invalidateQueries({ queryKey: [...personKeys.all, 'timeline'] }),
      ]),
  });
}

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
