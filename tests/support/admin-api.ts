import { inject } from 'vitest';

type Call = (<T>(method: string, path: string, body?: unknown) => Promise<T>) & {
  get: <T>(path: string) => Promise<T>;
};

/**
 * The demo server (tests/e2e/global-setup.ts) as the admin's API client, for setting up and looking up data beside
 * the browser (whose token lives only in its memory). A failed request throws with its status and body.
 */
export async function adminApi(): Promise<Call> {
  const baseUrl = inject('baseUrl');
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inject('admin')),
  });
  if (!login.ok) throw new Error(`admin login: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? null : await r.json()) as T;
  };
  return Object.assign(call, { get: <T>(path: string) => call<T>('GET', path) });
}
