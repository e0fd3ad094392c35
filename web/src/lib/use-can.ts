import { policy } from '@anett/shared/policy';
import { useSyncExternalStore } from 'react';
import { session } from './api-client.ts';

const getUser = () => session.user;

/** The shared rules (`shared/src/policy.ts`) applied to the logged-in user; re-renders when the session changes. */
export function useCan() {
  const user = useSyncExternalStore(session.subscribe, getUser, getUser);
  return {
    write: policy.write(user),
    administer: policy.administer(user),
    editInteraction: (entry: { author?: { id: number } | null }) => policy.editInteraction(user, entry),
  };
}
