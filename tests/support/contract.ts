import { pathPattern, type RouteDescriptor } from '@anett/shared/routes/define';
import { allRoutes } from '@anett/shared/routes/index';
import { problem } from '@anett/shared/schemas/common';
import type { LightMyRequestResponse } from 'fastify';

// Literal paths first, so `/api/persons/duplicates` wins over `/api/persons/:id`.
const table = allRoutes
  .map((r) => ({ route: r, pattern: pathPattern(r.path), params: (r.path.match(/:/g) ?? []).length }))
  .sort((a, b) => a.params - b.params);

export function findRoute(method: string, url: string): RouteDescriptor | undefined {
  const path = url.split('?')[0] ?? url;
  return table.find((t) => t.route.method === method.toUpperCase() && t.pattern.test(path))?.route;
}

/**
 * Checks an answer against the descriptor of its route: the JSON body must parse with the schema for its status
 * (problem+json for a listed error status). Routes without a descriptor yet, and non-JSON answers, pass unchecked.
 */
export function checkContract(method: string, url: string, res: LightMyRequestResponse): void {
  const route = findRoute(method, url);
  if (!route) return;
  const status = res.statusCode;
  const schema = route.responses[status] ?? (route.errors.includes(status) ? problem : undefined);
  if (!schema) {
    // Statuses every route may answer (rate limit, busy, unsupported media type) are problem+json without a listing.
    if (status >= 400) return void problem.parse(res.json());
    throw new Error(`${method} ${url}: status ${status} is not in the contract of ${route.method} ${route.path}`);
  }
  const type = String(res.headers['content-type'] ?? '');
  if (!/json/.test(type)) return;
  const result = schema.safeParse(res.body === '' ? null : res.json());
  if (!result.success)
    throw new Error(
      `${method} ${url}: ${status} answer does not match the contract of ${route.method} ${route.path}: ` +
        result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
}
