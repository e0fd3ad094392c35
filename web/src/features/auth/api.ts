import type { ChangePasswordBody, LoginBody, LoginResponse } from '@anett/shared/schemas/auth';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, session } from '../../lib/api-client.ts';

export function useLoginMutation() {
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResponse>('/api/auth/login', { body }),
    onSuccess: (res) => session.start(res),
  });
}

export function useChangePasswordMutation() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<LoginResponse>('/api/auth/password', { body }),
    // The server ends all sessions and answers with a fresh one for this tab.
    onSuccess: (res) => session.start(res),
  });
}

/** Ends the session on the server (best effort) and forgets everything cached for this user. */
export async function logout(queryClient: QueryClient) {
  try {
    await api.post('/api/auth/logout');
  } catch {
    // Already logged out or offline: the local session is cleared either way.
  }
  session.clear();
  queryClient.clear();
}

export function useLogout() {
  const queryClient = useQueryClient();
  return () => logout(queryClient);
}
