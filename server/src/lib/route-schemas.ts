import type { RouteDescriptor } from '@anett/shared/routes/define';
import { problem } from '@anett/shared/schemas/common';

/** Problem+json response schemas for the listed status codes (documents them in OpenAPI). */
export function errorResponses<const C extends number>(...codes: C[]) {
  return Object.fromEntries(codes.map((c) => [c, problem])) as Record<C, typeof problem>;
}

type Has<K extends string, V> = V extends undefined ? unknown : { [P in K]: V };
export type RouteSchema<R extends RouteDescriptor> = {
  tags: string[];
  summary?: string;
  description?: string;
  produces?: string[];
  consumes?: string[];
  security?: Record<string, string[]>[];
} & {
  response: R['responses'] & Record<R['errors'][number], typeof problem>;
} & Has<'params', R['params']> &
  Has<'querystring', R['query']> &
  Has<'body', R['body']>;

/** The Fastify schema of a described route (`@anett/shared/routes/*`): inputs, answers and its problem statuses. */
export function schemaOf<const R extends RouteDescriptor>(r: R): RouteSchema<R> {
  return {
    tags: [r.tag],
    ...(r.summary === undefined ? {} : { summary: r.summary }),
    ...(r.description === undefined ? {} : { description: r.description }),
    ...(r.produces === undefined ? {} : { produces: [...r.produces] }),
    ...(r.consumes === undefined ? {} : { consumes: [...r.consumes] }),
    ...(r.security === undefined ? {} : { security: r.security.map((s) => ({ ...s })) }),
    ...(r.params ? { params: r.params } : {}),
    ...(r.query ? { querystring: r.query } : {}),
    ...(r.body ? { body: r.body } : {}),
    response: { ...r.responses, ...errorResponses(...r.errors) },
  } as RouteSchema<R>;
}
