import type { OutboxListQuery, OutboxMailDetail, OutboxPage } from '@anett/shared/schemas/mail';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

export const mailKeys = {
  all: ['mail'] as const,
  list: (query: OutboxListQuery) => [...mailKeys.all, 'list', query] as const,
  detail: (id: number) => [...mailKeys.all, 'detail', id] as const,
};

export const outboxOptions = (query: OutboxListQuery) =>
  queryOptions({
    queryKey: mailKeys.list(query),
    queryFn: ({ signal }) => api.get<OutboxPage>('/api/mail/outbox', { query, signal }),
    placeholderData: keepPreviousData,
    // Mails change state while the page is open (the sender works in the background).
    refetchInterval: 10_000,
  });

export const outboxMailOptions = (id: number) =>
  queryOptions({
    queryKey: mailKeys.detail(id),
    queryFn: ({ signal }) => api.get<OutboxMailDetail>(`/api/mail/outbox/${id}`, { signal }),
  });

export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<OutboxMailDetail>(`/api/mail/outbox/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}
