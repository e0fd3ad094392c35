import { auth } from '@anett/shared/routes/auth';
import type {
  ChangePasswordBody,
  CurrentPasswordBody,
  EnrolmentResult,
  LoginBody,
  SecondFactorBody,
} from '@anett/shared/schemas/auth';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, session } from '../../lib/api-client.ts';
import { authKeys } from '../../lib/query-keys.ts';
import { routeQuery, useInvalidatingMutation } from '../../lib/route-query.ts';

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

export const factorsOptions = () => routeQuery(authKeys.factors, auth.factors);

/** Enrolments end the other sessions: this tab continues with the fresh one and reads the factors again. */
function useEnrolment<V, D extends EnrolmentResult>(mutationFn: (variables: V) => Promise<D>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (res) => {
      session.start(res.session);
      void queryClient.invalidateQueries({ queryKey: authKeys.factors });
    },
  });
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => call(auth.totpStart) });
}

export const useConfirmTotp = () => useEnrolment((code: string) => call(auth.totpConfirm, { body: { code } }));

export const useRemoveTotp = () =>
  useInvalidatingMutation((body: CurrentPasswordBody) => call(auth.totpDelete, { body }), authKeys.factors);

export const useNewRecoveryCodes = () =>
  useInvalidatingMutation((body: CurrentPasswordBody) => call(auth.recoveryCodes, { body }), authKeys.factors);

export const useAddPasskey = () =>
  useEnrolment(async (name: string) => {
    const { startRegistration } = await webauthn();
    const start = await call(auth.passkeyAddOptions);
    const response = (await startRegistration({ optionsJSON: start.options as never })) as never;
    return call(auth.passkeyAdd, { body: { ceremony: start.ceremony, name, response } });
  });

export const useRemovePasskey = () =>
  useInvalidatingMutation(
    ({ id, ...body }: CurrentPasswordBody & { id: number }) => call(auth.passkeyDelete, { params: { id }, body }),
    authKeys.factors,
  );

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
