import { randomBytes } from 'node:crypto';

/**
 * Short-lived server-side state of a login in progress (the password was right, the second factor is pending) and of
 * WebAuthn ceremonies, by an unguessable id. In memory: one process serves the network, and a restart only asks the
 * user to start the login again.
 */
export class Challenges<T> {
  private readonly items = new Map<string, { value: T; expiresAt: number }>();
  constructor(
    readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  create(value: T, now = Date.now()): string {
    if (this.items.size >= this.max) this.prune(now);
    // Still full of live entries (a flood): the oldest go first.
    while (this.items.size >= this.max) this.items.delete(this.items.keys().next().value as string);
    const id = randomBytes(24).toString('base64url');
    this.items.set(id, { value, expiresAt: now + this.ttlMs });
    return id;
  }

  get(id: string | undefined, now = Date.now()): T | undefined {
    const item = id === undefined ? undefined : this.items.get(id);
    if (!item) return undefined;
    if (item.expiresAt <= now) {
      this.items.delete(id as string);
      return undefined;
    }
    return item.value;
  }

  /** Single use: returns the value and forgets it. */
  take(id: string | undefined, now = Date.now()): T | undefined {
    const value = this.get(id, now);
    if (value !== undefined) this.items.delete(id as string);
    return value;
  }

  delete(id: string): void {
    this.items.delete(id);
  }

  private prune(now: number) {
    for (const [k, v] of this.items) if (v.expiresAt <= now) this.items.delete(k);
  }
}
