import { registrations } from '@anett/shared/routes/registration';
import type { PreferencesChange, RegistrationSubmit } from '@anett/shared/schemas/registration';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type CallOptions, call, callWith } from '../../lib/api-client.ts';
import { registrationKeys } from '../../lib/query-keys.ts';
import { routeQuery } from '../../lib/route-query.ts';

export const publicEventOptions = (slug: string) =>
  queryOptions({
    queryKey: registrationKeys.publicEvent(slug),
    queryFn: ({ signal }) => call(registrations.publicEvent, { params: { slug }, signal }),
    retry: false,
    // The form token counts the minimum fill time from when the form was shown: a background refetch (window focus)
    // would restart that clock under the visitor's hands.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const useSubmitRegistration = (slug: string) =>
  useMutation({
    mutationFn: (body: RegistrationSubmit) => call(registrations.submit, { params: { slug }, body }),
  });

/** The mails' confirm and cancel links: a POST of the link's token. */
const useTokenMutation = <R extends typeof registrations.confirm | typeof registrations.cancel>(route: R) =>
  useMutation({ mutationFn: (token: string) => callWith(route, { body: { token } } as CallOptions<R>) });

export const useConfirmRegistration = () => useTokenMutation(registrations.confirm);

export const cancelInfoOptions = (token: string) =>
  queryOptions({
    ...routeQuery(registrationKeys.cancel(token), registrations.cancelInfo, { query: { token } }),
    retry: false,
  });

export const useCancelRegistration = () => useTokenMutation(registrations.cancel);

export const preferencesOptions = (token: string) =>
  queryOptions({
    ...routeQuery(registrationKeys.preferences(token), registrations.preferences, { query: { token } }),
    retry: false,
  });

export function useSetPreference(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Omit<PreferencesChange, 'token'>) =>
      call(registrations.setPreference, { body: { ...change, token } }),
    onSuccess: (data) => queryClient.setQueryData(registrationKeys.preferences(token), data),
  });
}

export const registrationStatsOptions = (eventId: number) =>
  queryOptions({
    queryKey: registrationKeys.stats(eventId),
    queryFn: ({ signal }) => call(registrations.stats, { params: { id: eventId }, signal }),
  });
