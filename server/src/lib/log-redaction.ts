import type { FastifyRequest } from 'fastify';

/**
 * Query parameters whose values name people (search terms, e-mail addresses, names, phone numbers, free-text
 * purposes). Their values never reach a log; any other value that looks like an e-mail address does not either.
 */
const PERSONAL_PARAMS = new Set([
  'q',
  'query',
  'search',
  'term',
  'email',
  'name',
  'firstname',
  'lastname',
  'phone',
  'mobile',
  'purpose',
  'filename',
]);
export const REDACTED = '[redacted]';

/** The URL with the values of personal query parameters replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    const personal = PERSONAL_PARAMS.has(key.toLowerCase()) || value.includes('@');
    out.append(key, personal ? REDACTED : value);
  }
  return `${url.slice(0, at)}?${out.toString()}`;
}

/** Fastify's request serializer without personal data: every log line about a request goes through it. */
export const requestSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  }),
};
