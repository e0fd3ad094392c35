import type { z } from 'zod';
import { ErrorCode as E, type ErrorCode, type ErrorStatus, type StatusOf, statusesOf } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';

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

/** The codes of a change guarded by If-Match: a stale version answers 412, a missing one 428, a malformed one 400. */
export const versionedCodes = [E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED, E.INVALID_IF_MATCH] as const;

type Versioned = (typeof versionedCodes)[number];
/** The texts a route may carry in OpenAPI. */
type Texts = { summary?: string; description?: string };

/**
 * The routes of one record at `path` (`/api/events/:id`): its get, its versioned update and delete, and what hangs
 * below it. Domains state these alike; each call says only what differs. `missing`: the codes of a record that is not
 * there; `params`: the path's parameters (`idParams` unless named).
 */
export function recordRoutes<
  const P extends string,
  const M extends ErrorCode,
  const Pa extends z.ZodType = typeof idParams,
>(path: P, r: { missing: readonly M[]; params?: Pa }) {
  const params = (r.params ?? idParams) as Pa;
  return {
    /** GET the record, or what hangs `at` a path below it (`/history`). */
    get: <const R extends z.ZodType, const S extends string = '', const C extends ErrorCode = never>({
      response,
      at,
      codes = [],
      ...texts
    }: Texts & { response: R; at?: S; codes?: readonly C[] }) =>
      ({
        method: 'GET',
        path: `${path}${at ?? ''}` as `${P}${S}`,
        ...texts,
        params,
        responses: { 200: response },
        codes: [...r.missing, ...codes] as readonly (M | NoInfer<C>)[],
      }) as const,
    /** PATCH the record; needs If-Match. */
    update: <const B extends z.ZodType, const R extends z.ZodType, const C extends ErrorCode = never>({
      body,
      response,
      codes = [],
      ...texts
    }: Texts & { body: B; response: R; codes?: readonly C[] }) =>
      ({
        method: 'PATCH',
        path,
        ...texts,
        params,
        body,
        responses: { 200: response },
        codes: [...r.missing, ...codes, ...versionedCodes] as readonly (M | NoInfer<C> | Versioned)[],
      }) as const,
    /** DELETE the record (or end it, as a user's deactivation); needs If-Match. */
    delete: <const Rs extends Record<number, z.ZodType>, const C extends ErrorCode = never>({
      responses,
      codes = [],
      ...texts
    }: Texts & { responses: Rs; codes?: readonly C[] }) =>
      ({
        method: 'DELETE',
        path,
        ...texts,
        params,
        responses,
        codes: [...r.missing, ...codes, ...versionedCodes] as readonly (M | NoInfer<C> | Versioned)[],
      }) as const,
  };
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
