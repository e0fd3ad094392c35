import { registrations } from '@anett/shared/routes/registration';
import type { PreferencesChange, RegistrationSubmit } from '@anett/shared/schemas/registration';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';
import { registrationKeys } from '../../lib/query-keys.ts';

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

export const useConfirmRegistration = () =>
  useMutation({
    mutationFn: (token: string) => call(registrations.confirm, { body: { token } }),
  });

export const cancelInfoOptions = (token: string) =>
  queryOptions({
    queryKey: registrationKeys.cancel(token),
    queryFn: ({ signal }) => call(registrations.cancelInfo, { query: { token }, signal }),
    retry: false,
  });

export const useCancelRegistration = () =>
  useMutation({
    mutationFn: (token: string) => call(registrations.cancel, { body: { token } }),
  });

export const preferencesOptions = (token: string) =>
  queryOptions({
    queryKey: registrationKeys.preferences(token),
    queryFn: ({ signal }) => call(registrations.preferences, { query: { token }, signal }),
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
