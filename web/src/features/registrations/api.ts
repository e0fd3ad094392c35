import type {
  CancelInfo,
  Preferences,
  PreferencesChange,
  PublicEvent,
  RegistrationConfirmed,
  RegistrationStats,
  RegistrationSubmit,
} from '@anett/shared/schemas/registration';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

export const registrationKeys = {
  all: ['registrations'] as const,
  publicEvent: (slug: string) => [...registrationKeys.all, 'public', slug] as const,
  cancel: (token: string) => [...registrationKeys.all, 'cancel', token] as const,
  preferences: (token: string) => [...registrationKeys.all, 'preferences', token] as const,
  stats: (eventId: number) => [...registrationKeys.all, 'stats', eventId] as const,
};

export const publicEventOptions = (slug: string) =>
  queryOptions({
    queryKey: registrationKeys.publicEvent(slug),
    queryFn: ({ signal }) => api.get<PublicEvent>(`/api/public/events/${encodeURIComponent(slug)}`, { signal }),
    retry: false,
    // The form token counts the minimum fill time from when the form was shown: a background refetch (window focus)
    // would restart that clock under the visitor's hands.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const useSubmitRegistration = (slug: string) =>
  useMutation({
    mutationFn: (body: RegistrationSubmit) =>
      api.post<{ status: 'pending' }>(`/api/public/events/${encodeURIComponent(slug)}/registrations`, { body }),
  });

export const useConfirmRegistration = () =>
  useMutation({
    mutationFn: (token: string) =>
      api.post<RegistrationConfirmed>('/api/public/registrations/confirm', { body: { token } }),
  });

export const cancelInfoOptions = (token: string) =>
  queryOptions({
    queryKey: registrationKeys.cancel(token),
    queryFn: ({ signal }) => api.get<CancelInfo>('/api/public/registrations/cancel', { query: { token }, signal }),
    retry: false,
  });

export const useCancelRegistration = () =>
  useMutation({
    mutationFn: (token: string) =>
      api.post<{ status: 'cancelled'; eventTitle: string }>('/api/public/registrations/cancel', { body: { token } }),
  });

export const preferencesOptions = (token: string) =>
  queryOptions({
    queryKey: registrationKeys.preferences(token),
    queryFn: ({ signal }) => api.get<Preferences>('/api/public/preferences', { query: { token }, signal }),
    retry: false,
  });

export function useSetPreference(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Omit<PreferencesChange, 'token'>) =>
      api.post<Preferences>('/api/public/preferences', { body: { ...change, token } }),
    onSuccess: (data) => queryClient.setQueryData(registrationKeys.preferences(token), data),
  });
}

export const registrationStatsOptions = (eventId: number) =>
  queryOptions({
    queryKey: registrationKeys.stats(eventId),
    queryFn: ({ signal }) => api.get<RegistrationStats>(`/api/events/${eventId}/registration-stats`, { signal }),
  });
