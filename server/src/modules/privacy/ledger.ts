import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '@anett/db/client';
import { erasures, persons, suppressions } from '@anett/db/schema';
import { eq } from 'drizzle-orm';

type ErasureEntry = {
  kind: 'erasure';
  personKey: string;
  personId: number;
  at: string;
  scrubbedInteractionIds?: number[];
};
type SuppressionEntry = { kind: 'suppression'; emailHash: string; reason: string; at: string };
/** An admin took the address off the list: a restore must not bring the suppression back either. */
type RemovalEntry = { kind: 'unsuppression'; emailHash: string; at: string };
type Entry = ErasureEntry | SuppressionEntry | RemovalEntry;

/** The erased row's fingerprint: its id and creation time, hashed. A later row with the same id does not match. */
export const personKey = (row: { id: number; createdAt: string }) =>
  createHash('sha256').update(`${row.id}|${row.createdAt}`).digest('hex');

/** Erasures by row; suppressions by address, where the latest entry (added or removed) holds. */
const keyOf = (e: Entry) => (e.kind === 'erasure' ? `e:${e.personKey}` : `s:${e.emailHash}`);

/**
 * The privacy ledger: every erasure (by a hash of the row, no name, no address) and every suppressed e-mail hash, in
 * the database and mirrored, append-only, to a file beside it (`PRIVACY_LEDGER_PATH`). Restoring an older backup
 * replaces the database but not the file: at the next start (and at the end of `pnpm db:restore`) the ledger is merged
 * back and every erasure made after the backup is applied again, so a restore cannot bring an erased person back.
 */
export function createPrivacyLedger(db: Db, path: string | undefined) {
  /** The file's latest entry per key. */
  let inFile: Map<string, Entry['kind']> | undefined;
  const stateOf = (entries: Entry[]) => new Map(entries.map((e) => [keyOf(e), e.kind] as const));

  function readFile(): Entry[] {
    if (!path || !existsSync(path)) return [];
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Entry];
        } catch {
          // A line cut short by a crash while appending: the database still has the entry, mirror() writes it again.
          return [];
        }
      });
  }

  function append(entries: Entry[]) {
    if (!path || entries.length === 0) return;
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'a', 0o600);
    try {
      writeSync(fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (const e of entries) inFile?.set(keyOf(e), e.kind);
  }

  function inDatabase(): Entry[] {
    return [
      ...db
        .select()
        .from(erasures)
        .all()
        .map((e) => ({
          kind: 'erasure' as const,
          personKey: e.personKey,
          personId: e.personId,
          at: e.erasedAt,
          scrubbedInteractionIds: e.scrubbedInteractionIds,
        })),
      ...db
        .select()
        .from(suppressions)
        .all()
        .map((s) => ({ kind: 'suppression' as const, emailHash: s.emailHash, reason: s.reason, at: s.createdAt })),
    ];
  }

  return {
    /** Records erased rows in the database (call inside the erasure's transaction); `mirror()` after the commit. */
    recordErasures(rows: { id: number; createdAt: string }[], at: string, scrubbedInteractionIds: number[]): void {
      for (const row of rows) {
        db.insert(erasures)
          .values({ personKey: personKey(row), personId: row.id, erasedAt: at, scrubbedInteractionIds })
          .onConflictDoNothing()
          .run();
      }
    },

    /** Appends to the file what the database has and the file lacks (after each erasure or objection, and at start). */
    mirror(): void {
      if (!path) return;
      inFile ??= stateOf(readFile());
      append(inDatabase().filter((e) => inFile?.get(keyOf(e)) !== e.kind));
    },

    /** Records that an admin took an address off the suppression list (after the commit). */
    recordRemoval(emailHash: string, at: string): void {
      if (!path) return;
      inFile ??= stateOf(readFile());
      append([{ kind: 'unsuppression', emailHash, at }]);
    },

    /**
     * Brings entries from the file into the database (a restored backup lacks the newer ones) and returns the rows that
     * the ledger says are erased but are not: they must be erased again (with the entries scrubbed the first time).
     */
    merge(): { personId: number; scrubbedInteractionIds: number[] }[] {
      const fromFile = readFile();
      const latest = stateOf(fromFile);
      db.transaction((tx) => {
        for (const e of fromFile) {
          if (latest.get(keyOf(e)) !== e.kind) continue;
          if (e.kind === 'unsuppression') tx.delete(suppressions).where(eq(suppressions.emailHash, e.emailHash)).run();
          else if (e.kind === 'erasure')
            tx.insert(erasures)
              .values({
                personKey: e.personKey,
                personId: e.personId,
                erasedAt: e.at,
                scrubbedInteractionIds: e.scrubbedInteractionIds ?? [],
              })
              .onConflictDoNothing()
              .run();
          else
            tx.insert(suppressions)
              .values({ emailHash: e.emailHash, reason: e.reason, createdAt: e.at })
              .onConflictDoNothing()
              .run();
        }
      });
      const pending: { personId: number; scrubbedInteractionIds: number[] }[] = [];
      for (const e of db.select().from(erasures).all()) {
        const row = db
          .select({ id: persons.id, createdAt: persons.createdAt, erasedAt: persons.erasedAt })
          .from(persons)
          .where(eq(persons.id, e.personId))
          .get();
        if (row && row.erasedAt === null && personKey(row) === e.personKey)
          pending.push({ personId: row.id, scrubbedInteractionIds: e.scrubbedInteractionIds });
      }
      return pending;
    },
  };
}
export type PrivacyLedger = ReturnType<typeof createPrivacyLedger>;
