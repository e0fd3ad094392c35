import { policy } from '@anett/shared/policy';
import { useSessionUser } from './session.ts';

/** The shared rules (`shared/src/policy.ts`) applied to the logged-in user; re-renders when the session changes. */
export function useCan() {
  const user = useSessionUser();
  return {
    write: policy.write(user),
    administer: policy.administer(user),
    editInteraction: (entry: { author?: { id: number } | null }) => policy.editInteraction(user, entry),
  };
}
