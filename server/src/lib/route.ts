import type { RouteDescriptor } from '@anett/shared/routes/define';
import type {
  ContextConfigDefault,
  FastifyContextConfig,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type RouteSchema, schemaOf } from './route-schemas.ts';

type Access = NonNullable<FastifyContextConfig['access']>;
/**
 * Who may call the route; or its whole config and the options beside it: a larger body limit, OpenAPI text the
 * descriptor cannot hold (a per-format `produces` of a descriptor family).
 */
export type RouteSetup =
  | Access
  | {
      config: FastifyContextConfig;
      bodyLimit?: number;
      schema?: { description?: string; produces?: string[] };
    };

/** A handler whose request and answer are typed from the descriptor's schemas. */
export type DescribedHandler<R extends RouteDescriptor> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  RouteSchema<R>,
  ZodTypeProvider
>;

/**
 * Registers routes from their descriptors: method, path and schema are stated once in `shared/src/routes`, so a
 * route file names only who may call each route and what it does.
 */
export function describedRoutes(fastify: FastifyInstance) {
  return <const R extends RouteDescriptor>(r: R, setup: RouteSetup, handler: DescribedHandler<R>) => {
    const { schema, config, ...options } = typeof setup === 'string' ? { config: { access: setup } } : setup;
    fastify.route({
      method: r.method,
      url: r.path,
      schema: { ...schemaOf(r), ...schema },
      // Open to a user who must still set up a second factor: the descriptor says so (and its OpenAPI lists no 403).
      config: r.enrolment ? { ...config, enrolment: true } : config,
      ...options,
      handler: handler as never,
    });
  };
}
