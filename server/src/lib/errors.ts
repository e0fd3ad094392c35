import type { ErrorCode } from '@anett/shared/error-codes';

export type FieldError = { field: string; message: string };

/** An error the client is meant to see: a stable code, an HTTP status and optional field errors. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    /** One of the shared list (`@anett/shared/error-codes`), which the web checks against. */
    readonly code: ErrorCode,
    readonly status: number,
    message?: string,
    readonly extra: { errors?: FieldError[]; data?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message ?? code);
  }
}

export const notFound = (entity: string) =>
  new AppError(`${entity.toUpperCase()}_NOT_FOUND` as ErrorCode, 404, `${entity} not found`);

/** The record, or the 404 naming what is missing: the "load or 404" of every route and service. */
export function orNotFound<T>(row: T | null | undefined, entity: string): T {
  if (row == null) throw notFound(entity);
  return row;
}

export const fieldError = (field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED') =>
  new AppError(code, 400, message, { errors: [{ field, message }] });
