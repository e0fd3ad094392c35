import { attendances } from '@anett/shared/routes/attendance';
import { events } from '@anett/shared/routes/event';
import type {
  Attendance,
  AttendanceBatchResult,
  AttendanceCreate,
  AttendanceImportFileBody,
  AttendanceListQuery,
  AttendancePatch,
  PromotedRef,
  WalkInBody,
} from '@anett/shared/schemas/attendance';
import type {
  Event,
  EventDetail,
  EventInput,
  EventListQuery,
  EventPatch,
  EventSession,
  EventUpdated,
  SessionInput,
} from '@anett/shared/schemas/event';
import { keepPreviousData, type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { eventKeys } from '../../lib/query-keys.ts';

export const eventListOptions = (params: EventListQuery) =>
  queryOptions({
    queryKey: eventKeys.list(params),
    queryFn: ({ signal }) => call(events.list, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export const eventDetailOptions = (id: number) =>
  queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => call(events.get, { params: { id }, signal }),
  });

export const attendanceListOptions = (eventId: number, params: AttendanceListQuery) =>
  queryOptions({
    queryKey: eventKeys.attendanceList(eventId, params),
    queryFn: ({ signal }) => call(attendances.list, { params: { id: eventId }, query: params, signal }),
    placeholderData: keepPreviousData,
  });

const ALL_PAGE_SIZE = 500;

/** Every attendance of an event (paged through), for check-in mode and the session matrix. */
export const allAttendancesOptions = (eventId: number, status?: AttendanceListQuery['status']) =>
  queryOptions({
    queryKey: [...eventKeys.attendances(eventId), 'all', status ?? null] as const,
    queryFn: async ({ signal }) => {
      const items: Attendance[] = [];
      for (let page = 1; ; page++) {
        const res = await call(attendances.list, {
          params: { id: eventId },
          query: { status, page, pageSize: ALL_PAGE_SIZE, sort: 'lastName' },
          signal,
        });
        items.push(...res.items);
        if (items.length >= res.total || res.items.length === 0) return items;
      }
    },
  });

export const countersOptions = (eventId: number) =>
  queryOptions({
    queryKey: eventKeys.counters(eventId),
    queryFn: ({ signal }) => call(attendances.counters, { params: { id: eventId }, signal }),
  });

/** Counts, lists and details of all events: any attendance change may move seats and waitlists. */
const invalidateEvents = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: eventKeys.all });

// Events

export type SessionDraft = {
  id?: number;
  version?: number;
  title: string | null;
  startsAt: string;
  endsAt: string | null;
  hours: number;
};

/** Applies the session list of the form: new ones are created, changed ones patched, missing ones deleted. */
async function syncSessions(eventId: number, before: EventSession[], drafts: SessionDraft[]) {
  for (const s of before) {
    if (!drafts.some((d) => d.id === s.id))
      await call(events.deleteSession, { params: { id: eventId, sessionId: s.id }, ifMatch: s.version });
  }
  for (const d of drafts) {
    const body: SessionInput = { title: d.title, startsAt: d.startsAt, endsAt: d.endsAt, hours: d.hours };
    const old = d.id === undefined ? undefined : before.find((s) => s.id === d.id);
    if (!old) {
      await call(events.createSession, { params: { id: eventId }, body });
    } else if (
      old.title !== d.title ||
      old.startsAt !== d.startsAt ||
      old.endsAt !== d.endsAt ||
      old.hours !== d.hours
    ) {
      await call(events.updateSession, { params: { id: eventId, sessionId: old.id }, body, ifMatch: old.version });
    }
  }
}

/** The event is saved even when a session could not be: the form then reports that part. A change of capacity names
 * who moved up from the waiting list (`promoted`). */
export type Saved = { event: EventDetail & Partial<Pick<EventUpdated, 'promoted'>>; sessionsError: unknown };

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, sessions }: { body: EventInput; sessions: SessionDraft[] }): Promise<Saved> => {
      const created = await call(events.create, { body });
      return {
        event: created,
        sessionsError: await syncSessions(created.id, [], sessions).then(
          () => null,
          (e) => e,
        ),
      };
    },
    onSettled: () => invalidateEvents(queryClient),
  });
}

/** Edits carry the version the manager saw (If-Match); a concurrent change answers 412. */
export function useUpdateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      event,
      patch,
      sessions,
    }: {
      event: EventDetail;
      patch: EventPatch;
      sessions: SessionDraft[] | null;
    }): Promise<Saved> => {
      const updated = await call(events.update, { params: { id: event.id }, body: patch, ifMatch: event.version });
      const sessionsError = sessions
        ? await syncSessions(event.id, event.sessions, sessions).then(
            () => null,
            (e: unknown) => e,
          )
        : null;
      return { event: updated, sessionsError };
    },
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (event: Event) => call(events.delete, { params: { id: event.id }, ifMatch: event.version }),
    onSuccess: () => invalidateEvents(queryClient),
  });
}

// Attendances

export type AttendanceAdded = AttendanceBatchResult;

export function useAddAttendees(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<AttendanceCreate, 'personId'>) =>
      call(attendances.add, { params: { id: eventId }, body }) as Promise<AttendanceBatchResult>,
    onSettled: () => invalidateEvents(queryClient),
  });
}

export type AttendanceUpdated = Attendance & { promoted: PromotedRef[] };

export function useUpdateAttendance(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ row, patch }: { row: Attendance; patch: AttendancePatch }) =>
      call(attendances.update, {
        params: { id: eventId, personId: row.personId },
        body: patch,
        ifMatch: row.version,
      }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useRemoveAttendance(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (row: Attendance) =>
      call(attendances.remove, {
        params: { id: eventId, personId: row.personId },
        ifMatch: row.version,
      }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

/** Before the event's first day the server asks for `confirm` (409 CHECK_IN_BEFORE_EVENT). */
export function useCheckIn(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, confirm }: { personId: number; confirm?: boolean }) =>
      call(attendances.checkIn, {
        params: { id: eventId },
        body: { personId, ...(confirm ? { confirm } : {}) },
      }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

/** Back to the status before the check-in (or off the list, when the check-in had added the person). */
export function useUndoCheckIn(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, version }: { personId: number; version?: number }) =>
      call(attendances.undoCheckIn, { params: { id: eventId, personId }, ifMatch: version }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useWalkIn(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WalkInBody) => call(attendances.walkIn, { params: { id: eventId }, body }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useSetSessionAttendance(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, personIds, confirm }: { sessionId: number; personIds: number[]; confirm?: boolean }) =>
      call(attendances.setSessionAttendance, {
        params: { id: eventId, sessionId },
        body: { personIds, ...(confirm ? { confirm } : {}) },
      }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useImportAttendances(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceImportFileBody) => call(attendances.importFile, { params: { id: eventId }, body }),
    onSuccess: (report) => {
      if (report.summary.committed) void invalidateEvents(queryClient);
    },
  });
}
