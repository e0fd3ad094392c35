import type { AttemptCount, AttemptKey, LoginAttemptsRepository } from './login-attempts.repository.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * How guessing is slowed down. Counts are failed and pending attempts in the window; successes are never counted.
 *
 * - An address that has not failed on the account is always let through to the password check (unless it has
 *   failed too often on all accounts together): the owner logging in from their own address is never refused, however
 *   many guesses others made.
 * - An address that has failed on the account waits before each further try: `pairDelay` after its own failures,
 *   at least `accountDelay` once the account has been guessed at from many addresses; `pairMax` failures end its tries
 *   on the account for the window.
 * - A device cookie from an earlier successful login on this browser replaces the address: the owner behind an address
 *   others guess from (a shared NAT) still gets in. A device has its own budget (`pairMax`, `pairDelay`).
 * - `accountMax` (optional) caps failures on the account from all addresses together — for checks where the attacker
 *   already holds a session (the current password, second-factor codes) and no owner can be locked out by a stranger.
 */
export type ThrottlePolicy = {
  window: number;
  pairMax: number;
  pairDelay: (failures: number) => number;
  addressMax: number;
  accountWindow: number;
  accountDelay: (failures: number) => number;
  accountMax?: number;
};

/** Logins: 5 tries per address and account in 15 min (waits 0, 0, 1, 2, 4 s: a typo costs nothing), 30 failures per address. */
export const LOGIN_POLICY: ThrottlePolicy = {
  window: 15 * MINUTE,
  pairMax: 5,
  pairDelay: (n) => (n < 2 ? 0 : Math.min(2 ** (n - 2) * SECOND, MINUTE)),
  addressMax: 30,
  accountWindow: 24 * 60 * MINUTE,
  // From 10 failures on: 1 min between the tries of each guessing address, doubling per further 10, at most 15 min.
  accountDelay: (n) => (n < 10 ? 0 : Math.min(2 ** Math.floor((n - 10) / 10) * MINUTE, 15 * MINUTE)),
};

/** The current password (someone holds a session) and second-factor codes: also 10 failures per account in 15 min. */
export const SESSION_CHECK_POLICY: ThrottlePolicy = {
  ...LOGIN_POLICY,
  accountWindow: 15 * MINUTE,
  accountDelay: () => 0,
  accountMax: 10,
};

export type Reservation = { ok: true; id: number; key: AttemptKey } | { ok: false; retryAfter: number };

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / SECOND));
const PRUNE_EVERY = 500;

/**
 * Decides whether an attempt may be checked and reserves it in the same synchronous step, so concurrent guesses see
 * each other: a reservation counts as a failure until it is resolved. Run inside one write job (one transaction).
 */
export function createLoginThrottle(attempts: LoginAttemptsRepository) {
  let sincePrune = 0;

  function waitFor(policy: ThrottlePolicy, own: AttemptCount, accountFailures: number, now: number): number {
    if (own.n >= policy.pairMax) return secondsUntil((own.oldest ?? now) + policy.window, now);
    if (own.n === 0) return 0;
    const delay = Math.max(policy.pairDelay(own.n), policy.accountDelay(accountFailures));
    const readyAt = (own.latest ?? now) + delay;
    return readyAt > now ? secondsUntil(readyAt, now) : 0;
  }

  return {
    reserve(key: AttemptKey, policy: ThrottlePolicy, now = Date.now()): Reservation {
      if (++sincePrune >= PRUNE_EVERY) {
        sincePrune = 0;
        attempts.prune(now - 24 * 60 * MINUTE);
      }
      const since = now - policy.window;
      let wait = 0;
      if (policy.accountMax !== undefined) {
        const all = attempts.byAccount(key.account, now - policy.accountWindow);
        if (all.n >= policy.accountMax) wait = secondsUntil((all.oldest ?? now) + policy.accountWindow, now);
      }
      if (wait === 0 && key.device) {
        wait = waitFor(policy, attempts.byDevice(key.account, key.device, since), 0, now);
      } else if (wait === 0) {
        const address = attempts.byAddress(key.address, since);
        if (address.n >= policy.addressMax) wait = secondsUntil((address.oldest ?? now) + policy.window, now);
        else {
          const own = attempts.byPair(key, since);
          const account = own.n > 0 ? attempts.byAccount(key.account, now - policy.accountWindow).n : 0;
          wait = waitFor(policy, own, account, now);
        }
      }
      if (wait > 0) return { ok: false, retryAfter: wait };
      return { ok: true, id: attempts.reserve(key, now), key };
    },
    fail(reservation: { id: number }) {
      attempts.fail(reservation.id);
    },
    succeed(reservation: { id: number; key: AttemptKey }) {
      attempts.succeed(reservation.id, reservation.key);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
