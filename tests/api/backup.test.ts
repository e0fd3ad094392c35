import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabase, checkDatabase, restoreDatabase } from '@anett/db/backup';
import { closeDatabase, openDatabase } from '@anett/db/client';
import { tags } from '@anett/db/schema';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('takes a consistent online backup while writes go on, and restores it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anett-backup-'));
    dirs.push(dir);
    const dbPath = join(dir, 'crm.sqlite');
    const db = openDatabase(dbPath);
    for (let i = 0; i < 2000; i++)
      db.insert(tags)
        .values({ name: `before-${i}` })
        .run();

    // keep writing while the backup runs
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        db.insert(tags)
          .values({ name: `during-${written++}` })
          .run();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backupPath = join(dir, 'backup.sqlite');
    const check = await backupDatabase(dbPath, backupPath);
    writing = false;
    await writer;
    expect(check).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(written).toBeGreaterThan(0);

    const snapshot = openDatabase(backupPath);
    const inBackup = snapshot.select().from(tags).all().length;
    closeDatabase(snapshot);
    expect(inBackup).toBeGreaterThanOrEqual(2000);
    expect(inBackup).toBeLessThanOrEqual(2000 + written);

    // more changes after the backup, then restore over the live file (app stopped)
    db.insert(tags).values({ name: 'after-backup' }).run();
    closeDatabase(db);
    const restored = await restoreDatabase(backupPath, dbPath);
    expect(restored.integrity).toBe('ok');
    const reopened = openDatabase(dbPath);
    const names = reopened
      .select()
      .from(tags)
      .all()
      .map((t) => t.name);
    closeDatabase(reopened);
    expect(names.length).toBe(inBackup);
    expect(names).not.toContain('after-backup');
    expect(checkDatabase(dbPath).foreignKeyViolations).toBe(0);
  }, 30_000);

  it('refuses to restore a damaged file and leaves the database as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anett-backup-'));
    dirs.push(dir);
    const dbPath = join(dir, 'crm.sqlite');
    const db = openDatabase(dbPath);
    db.insert(tags).values({ name: 'keep-me' }).run();
    closeDatabase(db);
    const { writeFileSync } = await import('node:fs');
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'this is not a database');
    await expect(restoreDatabase(bad, dbPath)).rejects.toThrow();
    const reopened = openDatabase(dbPath);
    expect(
      reopened
        .select()
        .from(tags)
        .all()
        .map((t) => t.name),
    ).toEqual(['keep-me']);
    closeDatabase(reopened);
  });
});
