import { type ErrorCode, type StatusOf, statusesOf } from '@anett/shared/error-codes';

export type FieldError = { field: string; message: string };
type Extra = { errors?: FieldError[]; data?: unknown; headers?: Record<string, string> };
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
/** The codes answered with one status only; the few with several name theirs at the throw. */
type OneStatusCode = { [C in ErrorCode]: true extends IsUnion<StatusOf<C>> ? never : C }[ErrorCode];

/** An error the client is meant to see: a stable code, an HTTP status and optional field errors. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    /** One of the shared list (`@anett/shared/error-codes`), which the web checks against. */
    readonly code: ErrorCode,
    readonly status: number,
    message?: string,
    readonly extra: Extra = {},
  ) {
    super(message ?? code);
  }

  /** The error with the status the shared list files its code under, so a throw need not restate it. */
  static of(code: OneStatusCode, message?: string, extra?: Extra): AppError {
    const [status] = statusesOf(code);
    return new AppError(code, status ?? 500, message, extra); // a one-status code always has its status
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
