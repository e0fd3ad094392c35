import { dirname, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Db } from '@anett/db/client';
import type { ErrorCode } from '@anett/shared/error-codes';
import { Piscina } from 'piscina';
import type { Config } from './config.ts';
import { AppError } from './lib/errors.ts';
import { createReaders, type Readers } from './readers.ts';

/** A reader method that streams a file: chunks as they are produced, and a summary once it ended (or was stopped). */
export type Streamed<S> = { chunks: AsyncIterable<string | Uint8Array>; summary: () => S };
/** A stream job as the request thread sees it: the body to send, and the summary once the job has ended. */
export type StreamJob<S> = { body: Readable; done: Promise<S> };

type Fn = (...args: never[]) => unknown;
type Methods<T> = { [M in keyof T as T[M] extends Fn ? M : never]: T[M] };
type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
/** The readers as another thread serves them: the same methods, answering with a promise. */
export type Remote<T> = { [K in keyof T]: { [M in keyof Methods<T[K]>]: Async<Methods<T[K]>[M]> } };
type StreamMethod<T> = { [M in keyof T]: T[M] extends (...args: never[]) => Streamed<unknown> ? M : never }[keyof T];
type SummaryOf<F> = F extends (...args: never[]) => Streamed<infer S> ? S : never;
type Stream = <K extends keyof Readers, M extends StreamMethod<Readers[K]>>(
  reader: K,
  method: M,
  ...args: Parameters<Readers[K][M] extends Fn ? Readers[K][M] : never>
) => StreamJob<SummaryOf<Readers[K][M]>>;

export type ReadTask = { databasePath: string; reader: string; method: string; args: unknown[]; port?: MessagePort };
export type ReadResult = { ok: true; value: unknown } | { ok: false; error: SerializedAppError };
type SerializedAppError = { code: string; status: number; message: string; extra: AppError['extra'] };
/** Messages of a stream: request → worker `more` (room for one chunk) or `cancel`; worker → request chunks, then end. */
export type StreamMessage = { chunk: string | Uint8Array } | { end: true } | { error: string };

/** Chunks (of ≈ 64 KiB) a worker may send ahead of what the socket has taken: memory stays flat. */
const WINDOW = 4;

export const serializeError = (e: AppError): SerializedAppError => ({
  code: e.code,
  status: e.status,
  message: e.message,
  extra: e.extra,
});
const unwrap = (result: ReadResult) => {
  if (result.ok) return result.value;
  const { code, status, message, extra } = result.error;
  // The worker threw an AppError, so its code is one of the list.
  throw new AppError(code as ErrorCode, status, message, extra);
};

const busy = (lane: string, retryAfter: number) =>
  AppError.of('SERVER_BUSY', `Too many ${lane} requests at once; try again in a few seconds`, {
    headers: { 'retry-after': String(retryAfter) },
  });

const remote = <T>(call: (reader: string, method: string, args: unknown[]) => Promise<unknown>): Remote<T> =>
  new Proxy({} as Remote<T>, {
    get: (_, reader: string) =>
      new Proxy(
        {},
        {
          get:
            (_2, method: string) =>
            (...args: unknown[]) =>
              call(reader, method, args),
        },
      ),
  });

/**
 * The file of the worker: beside the module Node loaded, with its extension: read-pool.ts under tsx and vitest,
 * server/dist/main.js in the build (which bundles read-worker.js beside it). `import.meta.filename` rather than `.url`:
 * the build rewrites `import.meta.url` to the source file's location.
 */
function workerFile() {
  const here = import.meta.filename;
  const ext = extname(here);
  const file = join(dirname(here), `read-worker${ext}`);
  // Under tsx (dev, tests) the worker needs tsx's loader as well; test runners transform in-process and have none.
  const tsx = ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx'));
  return { file, execArgv: tsx ? [...process.execArgv, '--import', 'tsx'] : undefined };
}

type Lane = 'short' | 'heavy';

/**
 * The worker threads: `short` for short reads (`config.readWorkers` threads, each with a read-only connection of its
 * own), `heavy` for reports and files (half as many, at least one, at a lower scheduling priority). Each lane starts
 * at its first task.
 * A pool serves any number of apps (tests build one app per test): a task names its database file.
 */
export function createReadPool(config: Pick<Config, 'readWorkers' | 'readQueue'>) {
  const { file, execArgv } = workerFile();
  let short: Piscina | undefined;
  let heavy: Piscina | undefined;
  let closed = false;
  // After `destroy` no lane starts again (a late request would leave threads that keep the process alive).
  const open = () => {
    if (closed) throw AppError.of('SHUTTING_DOWN', 'The server is shutting down', { headers: { 'retry-after': '5' } });
  };
  const options = { filename: file, execArgv, idleTimeout: Number.POSITIVE_INFINITY };
  const heavyThreads = Math.max(1, Math.floor(config.readWorkers / 2));
  return {
    queue: config.readQueue,
    // Started at the first read: a context that only writes (a seed, a test's login) starts no thread.
    short: () => {
      open();
      short ??= new Piscina({ ...options, minThreads: config.readWorkers, maxThreads: config.readWorkers });
      return short;
    },
    heavy: () => {
      open();
      heavy ??= new Piscina({
        ...options,
        minThreads: heavyThreads,
        maxThreads: heavyThreads,
        // The scheduler prefers the request thread and the short reads when cores are scarce.
        niceIncrement: 10,
      });
      return heavy;
    },
    /** Starts the threads of the lanes and resolves when they have loaded (under tsx their first start compiles). */
    async warm(lanes: Lane[] = ['short', 'heavy']) {
      if (config.readWorkers === 0) return;
      try {
        await Promise.all(
          lanes.flatMap((lane) => {
            const pool = lane === 'short' ? this.short() : this.heavy();
            return Array.from({ length: pool.options.minThreads }, () => pool.run({ warm: lane }));
          }),
        );
      } catch (error) {
        // Closed while the threads were loading (a quick shutdown): nothing is wrong.
        if (!closed) throw error;
      }
    },
    /** Ends the threads (graceful shutdown, end of a test file). */
    async destroy() {
      closed = true;
      const running = [short, heavy];
      short = heavy = undefined;
      await Promise.all(running.map((p) => p?.destroy()));
    },
  };
}
export type ReadPool = ReturnType<typeof createReadPool>;

/**
 * Where reads run: `read` on the short-read threads, `jobs` and `stream` in the heavy lane, so heavy work never holds
 * a thread a short read is waiting for. The request thread keeps HTTP, authentication, validation and the one writer.
 * A full queue answers 503 with Retry-After. Without workers (`readWorkers: 0`, or an in-memory database, which
 * another thread cannot open) everything runs on the request thread: same code, same answers. `close` ends the
 * threads unless the pool was handed in by its owner.
 */
export function createReadLanes(db: Db, config: Pick<Config, 'readWorkers' | 'readQueue'>, shared?: ReadPool) {
  if (config.readWorkers === 0 || db.$client.memory) return inProcess(db);
  const pool = shared ?? createReadPool(config);
  const databasePath = db.$client.name;
  const admit = (lane: 'short' | 'heavy') => {
    const threads = pool[lane]();
    if (threads.queueSize >= pool.queue[lane])
      throw busy(lane === 'short' ? 'read' : 'heavy', lane === 'short' ? 1 : 5);
    return threads;
  };
  const run = (threads: Piscina, task: Omit<ReadTask, 'databasePath'>, transferList?: MessagePort[]) =>
    (threads.run({ ...task, databasePath }, transferList ? { transferList } : {}) as Promise<ReadResult>).then(unwrap);

  const stream: Stream = (reader, method, ...args) => {
    const threads = admit('heavy');
    const { port1, port2 } = new MessageChannel();
    let credit = 0;
    let ended = false;
    const body = new Readable({
      read() {
        for (; credit < WINDOW; credit++) port1.postMessage('more');
      },
      destroy(error, callback) {
        if (!ended) port1.postMessage('cancel');
        callback(error);
      },
    });
    port1.on('message', (m: StreamMessage) => {
      if ('chunk' in m) {
        credit--;
        body.push(m.chunk);
      } else if ('end' in m) {
        ended = true;
        body.push(null);
        port1.close();
      } else {
        ended = true;
        body.destroy(new Error(m.error));
        port1.close();
      }
    });
    const done = run(threads, { reader, method: String(method), args, port: port2 }, [port2]);
    done.catch((error: unknown) => {
      port1.close();
      if (!ended) body.destroy(error as Error);
    });
    return { body, done } as StreamJob<never>;
  };

  return {
    read: remote<Readers>((reader, method, args) => run(admit('short'), { reader, method, args })),
    jobs: remote<Readers>((reader, method, args) => run(admit('heavy'), { reader, method, args })),
    stream,
    // A shared pool is warmed by its owner.
    warm: shared ? async (_lanes?: Lane[]) => {} : (lanes?: Lane[]) => pool.warm(lanes),
    close: shared ? async () => {} : () => pool.destroy(),
  };
}
export type ReadLanes = ReturnType<typeof createReadLanes>;

/** Reads on the request thread, behind the same interface. */
function inProcess(db: Db) {
  let readers: Readers | undefined;
  const call = (reader: string, method: string, args: unknown[]) => {
    readers ??= createReaders(db);
    const target = (readers as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[reader];
    try {
      if (typeof target?.[method] !== 'function') throw new Error(`unknown reader ${reader}.${method}`);
      return Promise.resolve(target[method](...args));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const stream: Stream = (reader, method, ...args) => {
    readers ??= createReaders(db);
    const target = (readers as unknown as Record<string, Record<string, (...a: unknown[]) => Streamed<unknown>>>)[
      reader
    ];
    const job = target?.[String(method)]?.(...args) as Streamed<unknown>;
    const body = job.chunks instanceof Readable ? job.chunks : Readable.from(job.chunks, { objectMode: false });
    const done = new Promise((resolve) => body.once('close', () => resolve(job.summary())));
    return { body, done } as StreamJob<never>;
  };
  const local = remote<Readers>(call);
  return { read: local, jobs: local, stream, warm: async (_lanes?: Lane[]) => {}, close: async () => {} };
}
