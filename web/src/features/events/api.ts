import type {
  Attendance,
  AttendanceBatchResult,
  AttendanceCounters,
  AttendanceCreate,
  AttendanceImportFileBody,
  AttendanceListQuery,
  AttendancePatch,
  CheckInUndone,
  ImportReport,
  PromotedRef,
  WalkInBody,
} from '@anett/shared/schemas/attendance';
import type { Page } from '@anett/shared/schemas/common';
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
import { api } from '../../lib/api-client.ts';

export const eventKeys = {
  all: ['events'] as const,
  lists: () => [...eventKeys.all, 'list'] as const,
  list: (params: EventListQuery) => [...eventKeys.lists(), params] as const,
  detail: (id: number) => [...eventKeys.all, 'detail', id] as const,
  attendances: (id: number) => [...eventKeys.all, 'attendances', id] as const,
  attendanceList: (id: number, params: AttendanceListQuery) => [...eventKeys.attendances(id), params] as const,
  counters: (id: number) => [...eventKeys.all, 'counters', id] as const,
};

export const eventListOptions = (params: EventListQuery) =>
  queryOptions({
    queryKey: eventKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<Event>>('/api/events', { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export const eventDetailOptions = (id: number) =>
  queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => api.get<EventDetail>(`/api/events/${id}`, { signal }),
  });

export const attendanceListOptions = (eventId: number, params: AttendanceListQuery) =>
  queryOptions({
    queryKey: eventKeys.attendanceList(eventId, params),
    queryFn: ({ signal }) => api.get<Page<Attendance>>(`/api/events/${eventId}/attendances`, { query: params, signal }),
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
        const res = await api.get<Page<Attendance>>(`/api/events/${eventId}/attendances`, {
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
    queryFn: ({ signal }) => api.get<AttendanceCounters>(`/api/events/${eventId}/counters`, { signal }),
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
      await api.delete(`/api/events/${eventId}/sessions/${s.id}`, { ifMatch: s.version });
  }
  for (const d of drafts) {
    const body: SessionInput = { title: d.title, startsAt: d.startsAt, endsAt: d.endsAt, hours: d.hours };
    const old = d.id === undefined ? undefined : before.find((s) => s.id === d.id);
    if (!old) {
      await api.post(`/api/events/${eventId}/sessions`, { body });
    } else if (
      old.title !== d.title ||
      old.startsAt !== d.startsAt ||
      old.endsAt !== d.endsAt ||
      old.hours !== d.hours
    ) {
      await api.patch(`/api/events/${eventId}/sessions/${old.id}`, { body, ifMatch: old.version });
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
      const created = await api.post<EventDetail>('/api/events', { body });
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
      const updated = await api.patch<EventUpdated>(`/api/events/${event.id}`, { body: patch, ifMatch: event.version });
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
    mutationFn: (event: Event) => api.delete(`/api/events/${event.id}`, { ifMatch: event.version }),
    onSuccess: () => invalidateEvents(queryClient),
  });
}

// Attendances

export type AttendanceAdded = AttendanceBatchResult;

export function useAddAttendees(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<AttendanceCreate, 'personId'>) =>
      api.post<AttendanceBatchResult>(`/api/events/${eventId}/attendances`, { body }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export type AttendanceUpdated = Attendance & { promoted: PromotedRef[] };

export function useUpdateAttendance(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ row, patch }: { row: Attendance; patch: AttendancePatch }) =>
      api.patch<AttendanceUpdated>(`/api/events/${eventId}/attendances/${row.personId}`, {
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
      api.delete<{ ok: true; promoted: PromotedRef[] }>(`/api/events/${eventId}/attendances/${row.personId}`, {
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
      api.post<Attendance>(`/api/events/${eventId}/check-in`, { body: { personId, ...(confirm ? { confirm } : {}) } }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

/** Back to the status before the check-in (or off the list, when the check-in had added the person). */
export function useUndoCheckIn(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, version }: { personId: number; version?: number }) =>
      api.delete<CheckInUndone>(`/api/events/${eventId}/check-in/${personId}`, { ifMatch: version }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useWalkIn(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WalkInBody) =>
      api.post<{ attendance: Attendance; personCreated: boolean }>(`/api/events/${eventId}/walk-ins`, { body }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useSetSessionAttendance(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, personIds, confirm }: { sessionId: number; personIds: number[]; confirm?: boolean }) =>
      api.request('PUT', `/api/events/${eventId}/sessions/${sessionId}/attendance`, {
        body: { personIds, ...(confirm ? { confirm } : {}) },
      }),
    onSettled: () => invalidateEvents(queryClient),
  });
}

export function useImportAttendances(eventId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceImportFileBody) =>
      api.post<ImportReport>(`/api/events/${eventId}/attendances/import-file`, { body }),
    onSuccess: (report) => {
      if (report.summary.committed) void invalidateEvents(queryClient);
    },
  });
}
