import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { AuditEntry } from '../modules/audit/audit.repository.ts';
import { AppError } from './errors.ts';
import { actor } from './request-context.ts';

type Versioned = { version: number };

/** Reads `If-Match: "<version>"` (weak form accepted). Missing → 428, unparsable → 400. */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw AppError.of('PRECONDITION_REQUIRED', 'Send If-Match with the version you edited', {
      errors: [{ field: 'if-match', message: 'header is required' }],
    });
  }
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(String(header).trim());
  if (!match) {
    throw AppError.of('INVALID_IF_MATCH', 'If-Match must look like "3"', {
      errors: [{ field: 'if-match', message: 'must be a quoted version number' }],
    });
  }
  return Number(match[1]);
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** The answer with its version as ETag. */
export function withEtag<T extends Versioned>(reply: FastifyReply, record: T): T {
  setEtag(reply, record.version);
  return record;
}

/** 201 with the created record and its ETag. */
export function created<T extends Versioned>(reply: FastifyReply, record: T) {
  return reply.code(201).send(withEtag(reply, record));
}

export type VersionedChange<B extends Versioned, A> = {
  /** The record that may be changed, or the 404/409 that says why not. */
  load: () => B;
  /** `optional`: If-Match is checked only when sent (restore, merge); required otherwise. */
  ifMatch?: 'optional';
  /** The record a 412 carries, as the client shows it (default: the row loaded). */
  current?: (before: B) => Versioned;
  /** Rules on the input that need the stored record: after the version check, before the write. */
  check?: (before: B) => void;
  /** The write, inside the transaction; `undefined`/`false` when the version moved meanwhile (→ 412). */
  write: (before: B, version: number) => A | undefined | false;
  /**
   * The audit entry (or entries) of the change, written in the same transaction; the short form files one entry under
   * the written row's id.
   */
  audit:
    | ((before: B, after: A) => AuditEntry | AuditEntry[])
    | { entity: string; action: string; diff: (before: B, after: A) => unknown };
};

/**
 * The versioned change every PATCH/DELETE (and restore/merge) runs: If-Match → load or 404 → 412 with the current
 * record when the version is stale → checks → the write and its audit entry in one transaction → the written row.
 */
export async function versionedChange<B extends Versioned, A>(
  ctx: Pick<AppContext, 'change'>,
  request: FastifyRequest,
  spec: VersionedChange<B, A>,
): Promise<A> {
  const unsent = spec.ifMatch === 'optional' && request.headers['if-match'] === undefined;
  const version = unsent ? undefined : requireIfMatch(request);
  const before = spec.load();
  const conflict = () => versionConflict(spec.current ? spec.current(before) : before);
  if (version !== undefined && before.version !== version) throw conflict();
  spec.check?.(before);
  return ctx.change(
    actor(request),
    () => {
      const after = spec.write(before, version ?? before.version);
      if (after === undefined || after === false) throw conflict();
      return after;
    },
    (after) => {
      const { audit } = spec;
      if (typeof audit === 'function') return audit(before, after);
      const entityId = (after as { id?: number }).id ?? (before as { id?: number }).id;
      return { entity: audit.entity, entityId, action: audit.action, diff: audit.diff(before, after) };
    },
  );
}

/** 412 carrying the record as it is now, so the client can show what changed. */
export function versionConflict(current: { version: number }): AppError {
  return AppError.of('VERSION_CONFLICT', 'Someone else changed this record since you loaded it', {
    data: { current },
    headers: { etag: `"${current.version}"` },
  });
}
