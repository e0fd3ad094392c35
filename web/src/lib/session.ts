import type { SessionUser } from '@anett/shared/schemas/auth';
import { useSyncExternalStore } from 'react';
import { session } from './api-client.ts';

const getUser = () => session.user;

/** The logged-in user (null when logged out); re-renders on login, refresh with a changed role, logout. */
export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(session.subscribe, getUser, getUser);
}

/** Inside the protected layout the user is always set. */
export function useCurrentUser(): SessionUser {
  const user = useSessionUser();
  if (!user) throw new Error('useCurrentUser outside the protected layout');
  return user;
}

/** Only a relative in-app path is a valid redirect target (no `//evil.example`). */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}
