import type { z } from 'zod';
import { type ErrorCode, type ErrorStatus, type StatusOf, statusesOf } from '../error-codes.ts';

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
  /** Open to every signed-in user, also one who must still set up a second factor: never answers 403. */
  enrolment?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success answers by status; errors (problem+json) are listed in `errors`. */
  responses: Record<number, z.ZodType>;
  /** HTTP statuses answered with problem+json: derived from the rest (`errorsOf`). */
  errors: readonly number[];
  /** The `code`s this route answers with beyond the generic ones (validation, auth). */
  codes?: readonly ErrorCode[];
};

/** What a domain file writes for a route: its `errors` follow, its `tag` may come from its domain. */
export type RouteSpec = Omit<RouteDescriptor, 'tag' | 'errors'> & { tag?: string };

/** The problem statuses of a route, as a type (see `errorsOf`). */
type ErrorsOf<S extends RouteSpec> =
  | (S extends { params: z.ZodType } | { query: z.ZodType } | { body: z.ZodType } ? 400 : never)
  | (S extends { security: readonly [] } ? never : 401 | (S extends { enrolment: true } ? never : 403))
  | (S extends { codes: readonly (infer C extends ErrorCode)[] } ? StatusOf<C> : never);

export type Described<S extends RouteSpec> = S & { tag: string; errors: readonly ErrorsOf<S>[] };

/**
 * The problem statuses a route answers with, from what it declares: 400 for invalid input, 401 without a token and
 * 403 for a role (or a second factor) it lacks unless it is public, and the statuses of its codes.
 */
export function errorsOf<const S extends RouteSpec>(r: S): ErrorsOf<S>[] {
  const statuses = new Set<ErrorStatus>(r.codes?.flatMap(statusesOf));
  if (r.params || r.query || r.body) statuses.add(400);
  if (r.security?.length !== 0) statuses.add(401);
  if (r.security?.length !== 0 && !r.enrolment) statuses.add(403);
  // The same rules as `ErrorsOf`, which the compiler cannot follow through a Set.
  return [...statuses].sort((a, b) => a - b) as unknown as ErrorsOf<S>[];
}

/** One route on its own (keeps the literal types for the typed web call). */
export const defineRoute = <const S extends RouteSpec & { tag: string }>(r: S): Described<S> => ({
  ...r,
  errors: errorsOf(r),
});

/**
 * A domain's routes, each under the domain's OpenAPI tag unless it names its own; `common` holds what all of them
 * share (`{ security: [] }` for public ones).
 */
export function domainRoutes<
  const M extends Record<string, RouteSpec>,
  const C extends Partial<RouteSpec> = Record<never, never>,
>(tag: string, routes: M, common?: C): { [K in keyof M]: Described<C & M[K]> } {
  const described = Object.entries(routes).map(([name, r]) => [name, defineRoute({ tag, ...common, ...r })]);
  return Object.fromEntries(described) as { [K in keyof M]: Described<C & M[K]> };
}

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
