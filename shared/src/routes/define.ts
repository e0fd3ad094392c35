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
/** What a builder call below states: texts and inputs as in a descriptor, its answer, codes beyond the builder's. */
type Stated = {
  summary?: string;
  description?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  produces?: readonly string[];
  response: z.ZodType;
  codes?: readonly ErrorCode[];
  /** A path below the record's (`/history`). */
  at?: string;
};
type CodesOf<S> = S extends { codes: readonly (infer C)[] } ? C : never;
/**
 * The descriptor a builder returns: the fields stated as they are, the answer under its status, and `Extra` (builders
 * cast to it: the compiler cannot follow the rest of a generic argument).
 */
type Built<Me extends Method, Pa extends string, St extends number, S extends Stated, Extra = unknown> = {
  method: Me;
  path: Pa;
} & Omit<S, 'response' | 'codes' | 'at'> & { responses: { [K in St]: S['response'] } } & Extra;

/** A builder call's parts: the fields passed on as they are, the answer, the codes and the path below. */
function parts({ response, codes, at = '', ...rest }: Stated) {
  return { rest, response, codes, at };
}

/** What a `routesAt` call states beyond a builder's: the path's parameters, and the answer's status unless 200. */
type Free = Omit<Stated, 'at'> & { params?: z.ZodType; consumes?: readonly string[]; status?: number };
type SuccessOf<S> = S extends { status: infer N extends number } ? N : 200;

/**
 * The routes below `prefix` (`/api/auth`) that are neither a collection's nor a record's: each call says its path
 * below the prefix, its texts and inputs, its answer, and the answer's status unless it is 200.
 */
export function routesAt<const P extends string>(prefix: P) {
  type Codes<S> = S extends { codes: readonly ErrorCode[] } ? { codes: S['codes'] } : unknown;
  const at =
    <const Me extends Method>(method: Me) =>
    <const Sub extends string, const S extends Free>(sub: Sub, { status = 200, ...s }: S) => {
      const { rest, response, codes } = parts(s);
      const path = `${prefix}${sub}`;
      const route = { method, path, ...rest, ...(codes && { codes }), responses: { [status]: response } };
      return route as unknown as Built<Me, `${P}${Sub}`, SuccessOf<S>, Omit<S, 'status'> & Stated, Codes<S>>;
    };
  return { get: at('GET'), post: at('POST'), put: at('PUT'), delete: at('DELETE') };
}

/** A collection's list and create at `path` (`/api/events`): each call says only what differs. */
export function collectionRoutes<const P extends string>(path: P) {
  type Codes<S> = S extends { codes: readonly ErrorCode[] } ? { codes: S['codes'] } : unknown;
  type Below<S extends Stated> = `${P}${S['at'] extends string ? S['at'] : ''}`;
  /** A GET of the collection, or `at` a path below it (`/duplicates`). */
  const get = <const S extends Omit<Stated, 'body'>>(s: S) => {
    const { rest, response, codes, at } = parts(s);
    const route = {
      method: 'GET',
      path: `${path}${at}`,
      ...rest,
      ...(codes && { codes }),
      responses: { 200: response },
    };
    return route as unknown as Built<'GET', Below<S>, 200, S, Codes<S>>;
  };
  return {
    /** GET the (paged) list, with its `query` if it has one (at the collection's own path). */
    list: <const S extends Omit<Stated, 'body' | 'at'>>(s: S) => get(s),
    get,
    /** POST a new record: 201 with it. */
    create: <const S extends Omit<Stated, 'at'> & { body: z.ZodType }>(s: S) => {
      const { rest, response, codes } = parts(s);
      const route = { method: 'POST', path, ...rest, ...(codes && { codes }), responses: { 201: response } };
      return route as unknown as Built<'POST', P, 201, S, Codes<S>>;
    },
  };
}

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
  type Own<S, V = never> = { params: Pa; codes: readonly (M | CodesOf<S> | V)[] };
  type Below<S extends Stated> = `${P}${S['at'] extends string ? S['at'] : ''}`;
  /** A route at the record or `at` a path below it that answers `status` with `response`. */
  const below =
    <const Me extends Method, const St extends number>(method: Me, status: St) =>
    <const S extends Stated>(s: S) => {
      const { rest, response, codes, at } = parts(s);
      const route = { method, path: `${path}${at}`, ...rest, params, responses: { [status]: response } };
      return { ...route, codes: [...r.missing, ...(codes ?? [])] } as unknown as Built<Me, Below<S>, St, S, Own<S>>;
    };
  return {
    path,
    get: below('GET', 200),
    /** An action on the record (restore, merge, retry). */
    post: below('POST', 200),
    /** A record created below this one (`/sessions`). */
    create: below('POST', 201),
    /** PATCH the record; needs If-Match. */
    update: <const S extends Omit<Stated, 'at'> & { body: z.ZodType }>(s: S) => {
      const { rest, response, codes } = parts(s);
      const route = { method: 'PATCH', path, ...rest, params, responses: { 200: response } };
      const guarded = { ...route, codes: [...r.missing, ...(codes ?? []), ...versionedCodes] };
      return guarded as unknown as Built<'PATCH', P, 200, S, Own<S, Versioned>>;
    },
    /** DELETE the record (or end it, as a user's deactivation); needs If-Match. */
    delete: <const S extends Omit<Stated, 'response' | 'at'> & { responses: Record<number, z.ZodType> }>({
      codes = [],
      ...rest
    }: S) => {
      const guarded = { method: 'DELETE', path, ...rest, params, codes: [...r.missing, ...codes, ...versionedCodes] };
      return guarded as unknown as { method: 'DELETE'; path: P } & Omit<S, 'codes'> & Own<S, Versioned>;
    },
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
