import type { ErrorCode } from '@anett/shared/error-codes';
import { auth } from '@anett/shared/routes/auth';
import { buildPath, type RouteData, type RouteDescriptor } from '@anett/shared/routes/define';
import type { LoginResponse, SessionUser } from '@anett/shared/schemas/auth';
import type { Problem } from '@anett/shared/schemas/common';
import type { z } from 'zod';

/** A problem's `code` (the shared list), or what the client makes of an answer without one. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR' | `HTTP_${number}`;

/** Every failed request: the problem+json body made easy to show (field errors keyed by field name). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly detail: string | undefined;
  readonly fieldErrors: Record<string, string>;
  readonly data: unknown;
  /** Seconds from a `Retry-After` header (429). */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Partial<Problem>, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = (problem.code as ErrorCode | undefined) ?? (status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`);
    this.detail = problem.detail;
    this.fieldErrors = {};
    for (const e of problem.errors ?? []) this.fieldErrors[e.field] ??= e.message;
    this.data = problem.data;
    this.retryAfter = retryAfter;
  }
}

export const isApiError = (err: unknown, status?: number): err is ApiError =>
  err instanceof ApiError && (status === undefined || err.status === status);

/** Query parameters: scalars, or arrays sent as repeated keys. `undefined`, `null` and `''` are left out. */
export type Query = Record<string, unknown>;

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Record version for `If-Match` (sent as `"<version>"`). */
  ifMatch?: number;
  signal?: AbortSignal;
  /** 'blob' for non-JSON answers (files). */
  responseType?: 'json' | 'blob';
};

export type ApiResponse<T> = {
  data: T;
  etag: string | null;
  version: number | null;
  /** The file name from `Content-Disposition`, for downloads. */
  disposition?: string | null;
};

/** `?a=1&tag=x&tag=y`: arrays as repeated keys, objects as JSON, empty values left out. */
export function toQueryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' ? v !== '' : typeof v === 'number' || typeof v === 'boolean')
        params.append(key, String(v));
      // A structured value (an attendance group) travels as one JSON parameter.
      else if (v !== null && typeof v === 'object') params.append(key, JSON.stringify(v));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** `"3"` or `W/"3"` → 3. */
export function versionFromEtag(etag: string | null): number | null {
  const m = etag ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return m ? Number(m[1]) : null;
}

// --- Session: the access token lives only in memory; the refresh token is an HttpOnly cookie. ---

type SessionState = { user: SessionUser; accessToken: string } | null;

// A hint (not a secret) that a refresh cookie may exist, so a first visit does not send a doomed refresh.
const SESSION_HINT_KEY = 'anett.session';
const REFRESH_MARGIN_MS = 60_000;

let state: SessionState = null;
let lost = false;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<SessionState> | null = null;
let restoring: Promise<SessionState> | null = null;
const listeners = new Set<() => void>();
let onSessionLost: () => void = () => {};

function setState(next: SessionState) {
  state = next;
  for (const l of listeners) l();
}

function storeHint(on: boolean) {
  try {
    if (on) localStorage.setItem(SESSION_HINT_KEY, '1');
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // Storage can be unavailable (private mode); the hint is only an optimisation.
  }
}

function hasHint(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return true;
  }
}

export const session = {
  get user(): SessionUser | null {
    return state?.user ?? null;
  },
  /** True after a session ended without a logout (expired or revoked), until the next login. */
  get lost(): boolean {
    return lost;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Stores a login/refresh answer and schedules a silent refresh shortly before the token expires. */
  start(res: LoginResponse) {
    clearTimeout(refreshTimer);
    const delay = Math.max(res.expiresIn * 1000 - REFRESH_MARGIN_MS, 10_000);
    refreshTimer = setTimeout(() => {
      refreshSession().catch(() => {});
    }, delay);
    storeHint(true);
    lost = false;
    setState({ user: res.user, accessToken: res.accessToken });
  },
  clear() {
    clearTimeout(refreshTimer);
    storeHint(false);
    setState(null);
  },
  /** Called when the session is gone for good (refresh refused); the app sends the user to the login page. */
  onLost(handler: () => void) {
    onSessionLost = handler;
  },
};

function lose() {
  const hadSession = state !== null;
  session.clear();
  if (hadSession) {
    lost = true;
    onSessionLost();
  }
}

async function postRefresh(): Promise<LoginResponse> {
  // JSON only: the server refuses a refresh that a cross-site form could send.
  const res = await fetch(auth.refresh.path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as LoginResponse;
}

/**
 * Exchanges the refresh cookie for a new access token. Single-flight within the tab, and serialised
 * across tabs with a Web Lock: the cookie rotates on use, and a replayed old one revokes the session.
 */
export function refreshSession(): Promise<SessionState> {
  refreshing ??= (async () => {
    try {
      const res =
        typeof navigator !== 'undefined' && navigator.locks
          ? await navigator.locks.request('anett-refresh', () => postRefresh())
          : await postRefresh();
      session.start(res);
      return state;
    } catch (err) {
      if (isApiError(err) && err.status === 401) lose();
      throw err;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** On page load: try the refresh cookie once before protected routes render. */
export function restoreSession(): Promise<SessionState> {
  if (state) return Promise.resolve(state);
  if (!hasHint()) return Promise.resolve(null);
  restoring ??= refreshSession()
    .catch(() => null)
    .finally(() => {
      restoring = null;
    });
  return restoring;
}

// --- Requests ---

async function toApiError(res: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  try {
    const text = await res.text();
    if (text) problem = JSON.parse(text) as Partial<Problem>;
  } catch {
    // Not JSON (a proxy error page, say): the status is all we have.
  }
  const retry = Number(res.headers.get('retry-after'));
  return new ApiError(res.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

/** Public steps of the login: a 401 there is an answer, not an expired session. */
const NO_REFRESH: string[] = [
  auth.login.path,
  auth.secondFactor.path,
  auth.passkeyOptions.path,
  auth.passkeyLogin.path,
  auth.refresh.path,
];

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  // The UI language (kept on <html lang>): the server explains bad input in it.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': document.documentElement.lang || 'de',
    ...opts.headers,
  };
  // A FormData body (file uploads) sets its own multipart content type with the boundary.
  const form = opts.body instanceof FormData ? opts.body : undefined;
  if (opts.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (opts.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
  if (state) headers.authorization = `Bearer ${state.accessToken}`;
  try {
    return await fetch(path + toQueryString(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { detail: 'Der Server ist nicht erreichbar.' });
  }
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const tokenUsed = state?.accessToken;
  let res = await send(method, path, opts);
  if (res.status === 401 && !NO_REFRESH.includes(path)) {
    try {
      // Refresh once for all requests that failed together; skip when another one already got a new token.
      if (refreshing || state?.accessToken === tokenUsed) await refreshSession();
    } catch {
      throw await toApiError(res);
    }
    res = await send(method, path, opts);
    if (res.status === 401) lose();
  }
  if (!res.ok) throw await toApiError(res);
  const etag = res.headers.get('etag');
  if (opts.responseType === 'blob') {
    const disposition = res.headers.get('content-disposition');
    return { data: (await res.blob()) as T, etag, version: versionFromEtag(etag), disposition };
  }
  const text = res.status === 204 ? '' : await res.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { data, etag, version: versionFromEtag(etag) };
}

type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** What a described route takes: its path parameters, query and body typed from the descriptor's schemas. */
export type CallOptions<R extends RouteDescriptor> = Omit<RequestOptions, 'query' | 'body'> &
  (R['params'] extends z.ZodType ? { params: Input<R['params']> } : { params?: undefined }) & {
    query?: Partial<Input<R['query']>>;
    body?: R['body'] extends z.ZodType
      ? Input<R['body']> | FormData
      : R['consumes'] extends readonly string[]
        ? FormData
        : undefined;
  };

/** A described route (`@anett/shared/routes/*`): the path is built from `params`, the answer typed from its 2xx schema. */
export function call<R extends RouteDescriptor>(route: R, ...[opts]: OptionalIfEmpty<CallOptions<R>>) {
  return callWith(route, opts as CallOptions<R> | undefined);
}
/** `call` with its options as one value, for generic callers (`routeQuery`), whose route's options are not known. */
export function callWith<R extends RouteDescriptor>(route: R, opts: CallOptions<R> | undefined): Promise<RouteData<R>> {
  const { params, ...rest } = (opts ?? {}) as RequestOptions & { params?: Record<string, unknown> };
  return request<RouteData<R>>(route.method, buildPath(route.path, params), rest).then((r) => r.data);
}
/** The same with ETag/version and, for files, the `Content-Disposition` header. */
export function callFull<R extends RouteDescriptor>(route: R, ...[opts]: OptionalIfEmpty<CallOptions<R>>) {
  const { params, ...rest } = (opts ?? {}) as RequestOptions & { params?: Record<string, unknown> };
  return request<RouteData<R>>(route.method, buildPath(route.path, params), rest);
}
type OptionalIfEmpty<O> = O extends { params: unknown } ? [opts: O] : [opts?: O];

/** The one API client. `send*` variants also return the ETag/version for edit flows. */
export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts).then((r) => r.data),
  post: <T>(path: string, opts?: RequestOptions) => request<T>('POST', path, opts).then((r) => r.data),
  patch: <T>(path: string, opts?: RequestOptions) => request<T>('PATCH', path, opts).then((r) => r.data),
  delete: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts).then((r) => r.data),
  /** A file: its bytes and the raw `Content-Disposition` header. */
  file: (path: string, opts?: RequestOptions) =>
    request<Blob>('GET', path, { ...opts, responseType: 'blob' }).then((r) => ({
      data: r.data,
      disposition: r.disposition ?? null,
    })),
  request,
};
