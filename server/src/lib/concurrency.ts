import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** Reads `If-Match: "<version>"` (weak form accepted). Missing → 428, unparsable → 400. */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new AppError('PRECONDITION_REQUIRED', 428, 'Send If-Match with the version you edited', {
      errors: [{ field: 'if-match', message: 'header is required' }],
    });
  }
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(String(header).trim());
  if (!match) {
    throw new AppError('INVALID_IF_MATCH', 400, 'If-Match must look like "3"', {
      errors: [{ field: 'if-match', message: 'must be a quoted version number' }],
    });
  }
  return Number(match[1]);
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** The row an optimistic update returned, or the 412 for `before` when its version no longer matched. */
export function updatedOrConflict<T>(row: T | undefined, before: { version: number }): T {
  if (row === undefined) throw versionConflict(before);
  return row;
}

/** 412 carrying the record as it is now, so the client can show what changed. */
export function versionConflict(current: { version: number }): AppError {
  return new AppError('VERSION_CONFLICT', 412, 'Someone else changed this record since you loaded it', {
    data: { current },
    headers: { etag: `"${current.version}"` },
  });
}
