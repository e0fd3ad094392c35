import { openDatabase } from '@anett/db/client';
import { segments } from '@anett/db/schema';
import { createWriteQueue } from '@anett/db/write-queue';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';

describe('group commit of concurrent writes', () => {
  it('commits the writes of one turn together, after all of them ran, and rolls back only the one that failed', async () => {
    const t = await createTestApp();
    const owner = { id: (await t.login('manager')).userId };
    const write = createWriteQueue(t.db);
    // A second connection sees only what is committed.
    const reader = openDatabase(t.config.databasePath, { readonly: true });
    const committed = () => reader.$client.prepare('SELECT name FROM segments ORDER BY id').pluck().all();
    const insert = (name: string) => t.db.insert(segments).values({ name, filter: {}, ownerId: owner.id }).run();
    try {
      const seenByThird: unknown[] = [];
      const first = write(() => insert('eins'));
      const second = write(() => {
        insert('zwei');
        throw new Error('kaputt');
      });
      const third = write(() => {
        insert('drei');
        seenByThird.push(...committed());
        return 'drei';
      });
      await expect(second).rejects.toThrow('kaputt');
      await expect(third).resolves.toBe('drei');
      await first;
      // While the batch ran nothing was committed yet: one transaction, one commit.
      expect(seenByThird).toEqual([]);
      expect(committed()).toEqual(['eins', 'drei']);
    } finally {
      reader.$client.close();
    }
  });

  it('answers a request only after its write is durable, and sees a failed job as a normal error', async () => {
    const t = await createTestApp();
    const owner = { id: (await t.login('manager')).userId };
    const write = createWriteQueue(t.db);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        write(() => {
          if (i === 7) throw Object.assign(new Error('conflict'), { statusCode: 409 });
          return t.db
            .insert(segments)
            .values({ name: `s${i}`, filter: {}, ownerId: owner.id })
            .returning()
            .get().id;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect((results[7] as PromiseRejectedResult).reason).toMatchObject({ message: 'conflict', statusCode: 409 });
    expect(t.db.select().from(segments).all()).toHaveLength(19);
    expect(t.db.$client.inTransaction).toBe(false);
  });
});
