import type { Db } from './client.ts';

type Job = {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
};

export type WriteQueue = <T>(work: () => T) => Promise<T>;

/**
 * Group commit: writes that arrive while the event loop is busy are committed together. Each job runs in its own
 * savepoint of one immediate transaction, so a job that throws is rolled back alone and the others still commit; every
 * promise settles only after the COMMIT (a 2xx answer is durable). With synchronous=FULL the fsync of a commit was the
 * largest cost of a write; one fsync now serves every write of a batch. `work` must be synchronous.
 */
export function createWriteQueue(db: Db): WriteQueue {
  const sqlite = db.$client;
  let queue: Job[] = [];

  function flush() {
    const jobs = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      sqlite
        .transaction(() => {
          for (const job of jobs) {
            try {
              // A nested better-sqlite3 transaction is a savepoint: rolled back alone when the job throws.
              outcomes.push({ ok: true, value: sqlite.transaction(job.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch was written.
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }

  return <T>(work: () => T) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // After the I/O callbacks of this turn of the event loop: every request read in it joins the batch.
      if (queue.length === 1) setImmediate(flush);
    });
}
