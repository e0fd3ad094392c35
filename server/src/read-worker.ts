/** A read worker (see read-pool.ts): the readers over a read-only connection of its own, one task at a time. */
import type { MessagePort } from 'node:worker_threads';
import { closeDatabase, type Db, openDatabase } from '@anett/db/client';
import ExcelJS from 'exceljs';
import { AppError } from './lib/errors.ts';
import { renderPdf } from './lib/pdf.ts';
import type { ReadResult, ReadTask, Streamed, StreamMessage } from './read-pool.ts';
import { serializeError } from './read-pool.ts';
import { createReaders } from './readers.ts';

type Connection = { db: Db; readers: Record<string, Record<string, (...args: unknown[]) => unknown>> };

/** Open connections by database file, most recently used last (an app has one; a test file's apps have one each). */
const connections = new Map<string, Connection>();
const KEEP = 4;

function connection(path: string): Connection {
  let open = connections.get(path);
  if (open) connections.delete(path);
  else {
    const db = openDatabase(path, { readonly: true });
    open = { db, readers: createReaders(db) as unknown as Connection['readers'] };
    if (connections.size >= KEEP) {
      const [oldest, least] = connections.entries().next().value as [string, Connection];
      connections.delete(oldest);
      closeDatabase(least.db);
    }
  }
  connections.set(path, open);
  return open;
}

export default async function readTask(task: ReadTask | { warm: 'short' | 'heavy' }): Promise<ReadResult> {
  if ('warm' in task) {
    // A heavy thread loads what documents need (fonts, lazily required modules) now rather than at the first one.
    if (task.warm === 'heavy') {
      await renderPdf({ title: '', footerText: '', createdAt: new Date().toISOString(), content: [] });
      await new ExcelJS.Workbook().xlsx.writeBuffer();
    }
    return { ok: true, value: null };
  }
  const { databasePath, reader, method, args, port } = task;
  const { db, readers } = connection(databasePath);
  const target = readers[reader];
  const fn = target?.[method];
  if (typeof fn !== 'function') throw new Error(`unknown reader ${reader}.${method}`);
  try {
    if (port) return { ok: true, value: await pump(port, () => fn.apply(target, args) as Streamed<unknown>) };
    return { ok: true, value: await readTransaction(db, () => fn.apply(target, args)) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: serializeError(error) };
    throw error;
  } finally {
    port?.close();
  }
}

/**
 * One read transaction per task: its queries see one snapshot, and it ends with the synchronous part of the task (an
 * async one, such as rendering a PDF, goes on without it), so no worker keeps a snapshot between tasks and the next
 * task sees every write committed before it started (read-your-writes).
 */
function readTransaction(db: Db, work: () => unknown): unknown {
  db.$client.exec('BEGIN');
  try {
    return work();
  } finally {
    db.$client.exec('COMMIT');
  }
}

/**
 * Sends the chunks of a stream as the request thread asks for them (`more`), so a slow download slows the job instead
 * of filling memory; `cancel` (the client went away) stops it. The summary is what the job saw until it ended.
 */
async function pump(port: MessagePort, open: () => Streamed<unknown>) {
  let credit = 0;
  let cancelled = false;
  let wake: (() => void) | undefined;
  port.on('message', (m: 'more' | 'cancel') => {
    if (m === 'more') credit++;
    else cancelled = true;
    wake?.();
  });
  const send = (m: StreamMessage) => port.postMessage(m);
  const job = open();
  try {
    for await (const chunk of job.chunks) {
      while (credit === 0 && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
      if (cancelled) break;
      credit--;
      send({ chunk });
    }
    send({ end: true });
  } catch (error) {
    send({ error: (error as Error).message });
    throw error;
  }
  return job.summary();
}
