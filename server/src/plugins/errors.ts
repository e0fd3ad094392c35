import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from '../lib/errors.ts';
import { requestLanguage } from '../lib/request-context.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
  data?: unknown;
};

export function problemBody(status: number, code: string, detail?: string, extra: Partial<ProblemBody> = {}) {
  return {
    type: `/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  } satisfies ProblemBody;
}

/** Where in the request a schema issue was found → a field name a client can show next to an input. */
function fieldName(context: string, instancePath: string): string {
  return instancePath.split('/').filter(Boolean).join('.') || context;
}

const english = z.locales.en().localeError;
const prefersEnglish = (request: FastifyRequest) => requestLanguage(request) === 'en';

/**
 * Messages are German (z.config in app.ts); a client that asks for English (`Accept-Language: en`) gets the same
 * issues in English: the failed part of the request is validated again with zod's English messages. Texts a schema
 * sets itself stay as written.
 */
function localizedIssues(request: FastifyRequest, context: string): FieldError[] | undefined {
  if (!prefersEnglish(request)) return undefined;
  const schemas = request.routeOptions.schema as Record<string, unknown> | undefined;
  const schema = schemas?.[context];
  const data = { body: request.body, querystring: request.query, params: request.params, headers: request.headers }[
    context
  ];
  if (!(schema instanceof z.ZodType)) return undefined;
  const result = schema.safeParse(data, { error: english });
  return result.success
    ? undefined
    : result.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || context,
        message: issue.message,
      }));
}

/** One error handler: every error leaves as RFC 9457 problem+json; 5xx hide their message. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    let status: number;
    let code: string;
    let detail: string | undefined;
    let errors: FieldError[] | undefined;
    let data: unknown;

    if (err instanceof AppError) {
      ({ status, code } = err);
      detail = err.message;
      errors = err.extra.errors;
      data = err.extra.data;
      for (const [k, v] of Object.entries(err.extra.headers ?? {})) reply.header(k, v);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      code = 'VALIDATION_FAILED';
      const context = err.validationContext ?? 'body';
      errors =
        localizedIssues(request, context) ??
        err.validation.map((v) => ({
          field: fieldName(context, v.instancePath),
          message: v.message ?? 'is invalid',
        }));
      detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    } else if (isResponseSerializationError(err)) {
      status = 500;
      code = 'INTERNAL';
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      code = err.code?.replace(/^FST_(ERR_)?/, '') || 'BAD_REQUEST';
      detail = err.message;
      if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
        code = 'MALFORMED_JSON';
        errors = [{ field: 'body', message: 'body is not valid JSON' }];
      } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        code = 'BODY_TOO_LARGE';
        errors = [{ field: 'body', message: detail }];
      } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        code = 'UNSUPPORTED_MEDIA_TYPE';
        errors = [{ field: 'content-type', message: detail }];
      } else if (status === 429) {
        code = 'TOO_MANY_REQUESTS';
      }
    } else {
      status = 500;
      code = 'INTERNAL';
      request.log.error({ err }, 'unhandled error');
    }

    // A 503 the app chose (busy) keeps its message; anything else 5xx hides it.
    if (status >= 500 && !(err instanceof AppError))
      detail = 'An unexpected error occurred. Quote the request id when reporting it.';
    reply
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .send(
        problemBody(status, code, detail, {
          requestId: request.id,
          ...(errors ? { errors } : {}),
          ...(data === undefined ? {} : { data }),
        }),
      );
  });
});
