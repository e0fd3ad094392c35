import { allows, policy } from '@anett/shared/policy';
import { describe, expect, it } from 'vitest';

const viewer = { id: 1, role: 'viewer' as const };
const manager = { id: 2, role: 'manager' as const };
const otherManager = { id: 3, role: 'manager' as const };
const admin = { id: 4, role: 'admin' as const };

describe('policy (the server guards and the web controls read the same rules)', () => {
  it('ranks the access levels: public for everyone, each role reaches its level and the ones below', () => {
    expect(allows(undefined, 'public')).toBe(true);
    expect(allows(undefined, 'viewer')).toBe(false);
    expect(['viewer', 'manager', 'admin'].map((level) => allows('manager', level as 'viewer'))).toEqual([
      true,
      true,
      false,
    ]);
    expect(allows('admin', 'admin')).toBe(true);
  });

  it('lets viewers read, managers write and admins administer', () => {
    expect([viewer, manager, admin].map((u) => [policy.read(u), policy.write(u), policy.administer(u)])).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
    expect([policy.read(null), policy.write(null), policy.administer(undefined)]).toEqual([false, false, false]);
  });

  it('lets the author of a contact-log entry and admins change it, nobody else', () => {
    const entry = { author: { id: manager.id } };
    expect(policy.editInteraction(manager, entry)).toBe(true);
    expect(policy.editInteraction(otherManager, entry)).toBe(false);
    expect(policy.editInteraction(admin, entry)).toBe(true);
    expect(policy.editInteraction(admin, { author: null })).toBe(true);
    expect(policy.editInteraction({ id: 1, role: 'viewer' }, { author: { id: 1 } })).toBe(false);
    expect(policy.editInteraction(null, entry)).toBe(false);
  });
});
