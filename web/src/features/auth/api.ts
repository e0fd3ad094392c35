import { auth } from '@anett/shared/routes/auth';
import type {
  ChangePasswordBody,
  CurrentPasswordBody,
  EnrolmentResult,
  LoginBody,
  SecondFactorBody,
} from '@anett/shared/schemas/auth';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, session } from '../../lib/api-client.ts';
import { authKeys } from '../../lib/query-keys.ts';

/** The password step: a session, or a challenge for the second factor. */
export function useLoginMutation() {
  return useMutation({
    mutationFn: (body: LoginBody) => call(auth.login, { body }),
    onSuccess: (res) => {
      if ('accessToken' in res) session.start(res);
    },
  });
}

export function useSecondFactorMutation() {
  return useMutation({
    mutationFn: (body: SecondFactorBody) => call(auth.secondFactor, { body }),
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
      const start = await call(auth.passkeyOptions, {
        body: challenge ? { challenge } : {},
      });
      // The browser's JSON types lack the index signature of the passthrough schema; the shape is the same.
      const response = (await startAuthentication({ optionsJSON: start.options as never })) as never;
      return call(auth.passkeyLogin, {
        body: { ceremony: start.ceremony, ...(challenge ? { challenge } : {}), response },
      });
    },
    onSuccess: (res) => session.start(res),
  });
}

export function useChangePasswordMutation() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => call(auth.changePassword, { body }),
    // The server ends all sessions and answers with a fresh one for this tab.
    onSuccess: (res) => session.start(res),
  });
}

export const factorsOptions = () =>
  queryOptions({
    queryKey: authKeys.factors,
    queryFn: ({ signal }) => call(auth.factors, { signal }),
  });

function useFactorsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: authKeys.factors });
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => call(auth.totpStart) });
}

/** Enrolments end the other sessions: this tab continues with the fresh one. */
const enrolled = (res: EnrolmentResult) => session.start(res.session);

export function useConfirmTotp() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: (code: string) => call(auth.totpConfirm, { body: { code } }),
    onSuccess: (res) => {
      enrolled(res);
      void changed();
    },
  });
}

export function useRemoveTotp() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: (body: CurrentPasswordBody) => call(auth.totpDelete, { body }),
    onSuccess: () => void changed(),
  });
}

export function useNewRecoveryCodes() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: (body: CurrentPasswordBody) => call(auth.recoveryCodes, { body }),
    onSuccess: () => void changed(),
  });
}

export function useAddPasskey() {
  const changed = useFactorsChanged();
  return useMutation({
    mutationFn: async (name: string) => {
      const { startRegistration } = await webauthn();
      const start = await call(auth.passkeyAddOptions);
      const response = (await startRegistration({ optionsJSON: start.options as never })) as never;
      return call(auth.passkeyAdd, {
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
      call(auth.passkeyDelete, { params: { id }, body }),
    onSuccess: () => void changed(),
  });
}

/** Ends the session on the server (best effort) and forgets everything cached for this user. */
export async function logout(queryClient: QueryClient) {
  try {
    await call(auth.logout);
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
