import { auth } from '@anett/shared/routes/auth';
import { users } from '@anett/shared/routes/user';
import type { AuthPolicy } from '@anett/shared/schemas/auth';
import type { User, UserCreate, UserListQuery, UserPatch, userWithPassword } from '@anett/shared/schemas/user';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../lib/api-client.ts';
import { authKeys, userKeys } from '../../lib/query-keys.ts';

export type UserWithPassword = z.infer<typeof userWithPassword>;

export const userListOptions = (params: UserListQuery) =>
  queryOptions({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => call(users.list, { query: params, signal }),
  });

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.lists() });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserCreate) => call(users.create, { body }),
    onSuccess: invalidate,
  });
}

/** Edits carry the version the admin saw (If-Match); a concurrent change answers 412. */
export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ user, patch }: { user: User; patch: UserPatch }) =>
      call(users.update, { params: { id: user.id }, body: patch, ifMatch: user.version }),
    onSettled: invalidate,
  });
}

export function useDeactivateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: User) => call(users.deactivate, { params: { id: user.id }, ifMatch: user.version }),
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: User) => call(users.resetPassword, { params: { id: user.id }, body: {} }),
    onSuccess: invalidate,
  });
}

/** Removes the user's authenticator app, passkeys and recovery codes (lost phone); audited on the server. */
export function useResetFactors() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: User) => call(users.resetFactors, { params: { id: user.id } }),
    onSuccess: invalidate,
  });
}

export const policyOptions = () =>
  queryOptions({
    queryKey: authKeys.policy,
    queryFn: ({ signal }) => call(auth.policy, { signal }),
  });

export function useSetPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AuthPolicy) => call(auth.setPolicy, { body }),
    onSuccess: (data) => queryClient.setQueryData(authKeys.policy, data),
  });
}
