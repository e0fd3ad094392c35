import type { z } from 'zod';
import type { ErrorCode } from '../error-codes.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One route of the API as server, web and tests read it: path, inputs, answers by status, error codes. */
export type RouteDescriptor = {
  method: Method;
  /** Fastify form: `/api/persons/:id`. */
  path: string;
  tag: string;
  summary?: string;
  /** Longer OpenAPI text, where the summary is not enough. */
  description?: string;
  /** Non-JSON answer types (OpenAPI `produces`), e.g. `application/pdf`. */
  produces?: readonly string[];
  /** Request body types other than JSON (OpenAPI `consumes`); the web sends such a body as FormData. */
  consumes?: readonly string[];
  /** OpenAPI security requirement; `[]` marks a public route that needs no token. */
  security?: readonly Record<string, readonly string[]>[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success answers by status; errors (problem+json) are listed in `errors`. */
  responses: Record<number, z.ZodType>;
  /** HTTP statuses answered with problem+json. */
  errors: readonly number[];
  /** The `code`s this route answers with beyond the generic ones (validation, auth). */
  codes?: readonly ErrorCode[];
};

/** Keeps the literal types of a descriptor (for the typed web call). */
export const defineRoute = <const R extends RouteDescriptor>(r: R): R => r;

/** The 2xx answer of a route, typed from its response schemas. */
export type RouteData<R extends RouteDescriptor> = {
  [S in keyof R['responses']]: S extends 200 | 201 | 202 | 204 ? z.infer<R['responses'][S]> : never;
}[keyof R['responses']];

/** `/api/persons/:id` with `{ id: 3 }` → `/api/persons/3`; a missing parameter is a programming error. */
export function buildPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) throw new Error(`path ${path}: parameter ${name} missing`);
    return encodeURIComponent(String(v));
  });
}

/** `/api/persons/:id` → a regexp matching `/api/persons/3` (no query string). */
export function pathPattern(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}
