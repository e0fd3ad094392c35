import type { RouteData, RouteDescriptor } from '@anett/shared/routes/define';
import { events } from '@anett/shared/routes/event';
import { persons } from '@anett/shared/routes/person';
import type { Event } from '@anett/shared/schemas/event';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { call, callWith } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format.ts';
import { eventKeys, invalidatePerson, organizationKeys, personKeys } from '../../lib/query-keys.ts';
import { type Body, recordApi } from '../../lib/record-api.ts';

export const personApi = recordApi({
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

type SubRecord = 'Affiliation' | 'Office' | 'ContactPoint';
type Routes = typeof persons;
type Item<N extends SubRecord> = RouteData<Routes[`update${N}`]> & { id: number; version: number };

// `call` typed for one route at a time; below the route depends on the sub-record's name, so the hooks' own parameter
// types check the options instead.
const send = callWith as (route: RouteDescriptor, opts: object) => Promise<never>;

/**
 * Saving (create, or change with the version the user loaded) and deleting one kind of a person's sub-records —
 * affiliations, offices, more e-mail addresses and phone numbers; either refreshes the person. `input` checks a new one.
 */
function subRecordHooks<N extends SubRecord>(name: N, param: `${Uncapitalize<N>}Id`) {
  const [add, update, remove] = [persons[`add${name}`], persons[`update${name}`], persons[`delete${name}`]];
  const at = (personId: number, item: Item<N>) => ({ id: personId, [param]: item.id });
  return {
    name,
    input: add.body as Routes[`add${N}`]['body'],
    useSave(personId: number) {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (
          args: { create: Body<Routes[`add${N}`]> } | { record: Item<N>; patch: Body<Routes[`update${N}`]> },
        ): Promise<Item<N>> =>
          'create' in args
            ? send(add, { params: { id: personId }, body: args.create })
            : send(update, { params: at(personId, args.record), body: args.patch, ifMatch: args.record.version }),
        onSettled: () => invalidatePerson(queryClient, personId),
      });
    },
    useDelete(personId: number) {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (item: Item<N>): Promise<null> =>
          send(remove, { params: at(personId, item), ifMatch: item.version }),
        onSettled: () => invalidatePerson(queryClient, personId),
      });
    },
  };
}

export const affiliationApi = subRecordHooks('Affiliation', 'affiliationId');
export const officeApi = subRecordHooks('Office', 'officeId');
export const contactPointApi = subRecordHooks('ContactPoint', 'contactPointId');
