import type {
  AuthPolicy,
  ChangePasswordBody,
  CurrentPasswordBody,
  EnrolmentResult,
  FactorsOverview,
  LoginBody,
  LoginResponse,
  LoginResult,
  PasskeyOptionsResponse,
  SecondFactorBody,
  TotpSetup,
} from '@anett/shared/schemas/auth';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, session } from '../../lib/api-client.ts';

export const authKeys = {
  factors: ['auth', 'factors'] as const,
  policy: ['auth', 'policy'] as const,
};

/** The password step: a session, or a challenge for the second factor. */
export function useLoginMutation() {
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResult>('/api/auth/login', { body }),
    onSuccess: (res) => {
      if ('accessToken' in res) session.start(res);
    },
  });
}

export function useSecondFactorMutation() {
  return useMutation({
    mutationFn: (body: SecondFactorBody) => api.post<LoginResponse>('/api/auth/login/second-factor', { body }),
    onSuccess: (res) => session.start(res),
  });
}

/** The browser's WebAuthn helper, loaded only when a passkey is used. */
const webauthn = () => import('@simplewebauthn/browser');

export const passkeysSupported = () => typeof window !== 'undefined' && 'PublicKeyCredential' in window;

/** A passkey sign-in: alone (`challenge` undefined) or as the second factor of a password login. */
export function usePasskeyLoginMutation() {
  return useMutation({
    mutationFn: async (challenge?: string) => {
      const { startAuthentication } = await webauthn();
      const start = await api.post<PasskeyOptionsResponse>('/api/auth/passkey/options', {
        body: challenge ? { challenge } : {},
      });
      const response = await startAuthentication({ optionsJSON: start.options as never });
      return api.post<LoginResponse>('/api/auth/passkey/login', {
        body: { ceremony: start.ceremony, ...(challenge ? { challenge } : {}), response },
      });
    },
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

export const factorsOptions = () =>
  queryOptions({
    queryKey: authKeys.factors,
    queryFn: ({ signal }) => api.get<FactorsOverview>('/api/auth/factors', { signal }),
  });

function useFactorsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: authKeys.factors });
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/api/auth/factors/totp') });
}

/** Enrolments end the other sessions: this tab continues with the fresh one. */
const enrolled = (res: EnrolmentResult) => session.start(res.session);

export function useConfirmTotp() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: (code: string) => api.post<EnrolmentResult>('/api/auth/factors/totp/confirm', { body: { code } }),
    onSuccess: (res) => {
      enrolled(res);
      void changed();
    },
  });
}

export function useRemoveTotp() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: (body: CurrentPasswordBody) => api.post<FactorsOverview>('/api/auth/factors/totp/delete', { body }),
    onSuccess: () => void changed(),
  });
}

export function useNewRecoveryCodes() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: (body: CurrentPasswordBody) =>
      api.post<{ recoveryCodes: string[] }>('/api/auth/factors/recovery-codes', { body }),
    onSuccess: () => void changed(),
  });
}

export function useAddPasskey() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: async (name: string) => {
      const { startRegistration } = await webauthn();
      const start = await api.post<PasskeyOptionsResponse>('/api/auth/factors/passkeys/options');
      const response = await startRegistration({ optionsJSON: start.options as never });
      return api.post<EnrolmentResult>('/api/auth/factors/passkeys', {
        body: { ceremony: start.ceremony, name, response },
      });
    },
    onSuccess: (res) => {
      enrolled(res);
      void changed();
    },
  });
}

export function useRemovePasskey() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: CurrentPasswordBody & { id: number }) =>
      api.post<FactorsOverview>(`/api/auth/factors/passkeys/${id}/delete`, { body }),
    onSuccess: () => void changed(),
  });
}

export const policyOptions = () =>
  queryOptions({
    queryKey: authKeys.policy,
    queryFn: ({ signal }) => api.get<AuthPolicy>('/api/auth/policy', { signal }),
  });

export function useSetPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AuthPolicy) => api.request<AuthPolicy>('PUT', '/api/auth/policy', { body }).then((r) => r.data),
    onSuccess: (data) => queryClient.setQueryData(authKeys.policy, data),
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
