import { mail } from '@anett/shared/routes/mail';
import type { OutboxListQuery } from '@anett/shared/schemas/mail';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { mailKeys } from '../../lib/query-keys.ts';

export const outboxOptions = (query: OutboxListQuery) =>
  queryOptions({
    queryKey: mailKeys.list(query),
    queryFn: ({ signal }) => call(mail.outbox, { query, signal }),
    placeholderData: keepPreviousData,
    // Mails change state while the page is open (the sender works in the background).
    refetchInterval: 10_000,
  });

export const outboxMailOptions = (id: number) =>
  queryOptions({
    queryKey: mailKeys.detail(id),
    queryFn: ({ signal }) => call(mail.get, { params: { id }, signal }),
  });

export function useRetryMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(mail.retry, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}
