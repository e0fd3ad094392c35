import type { FastifyRequest } from 'fastify';
import type { Actor } from '../modules/audit/audit.repository.ts';

/** Who did it, for audit entries. */
export const actor = (request: FastifyRequest): Actor => ({
  userId: request.user?.id ?? null,
  requestId: request.id,
  ip: request.ip,
});

/** The language the client reads: English when it asks for it first (`Accept-Language: en…`), else German. */
export const requestLanguage = (request: FastifyRequest): 'de' | 'en' =>
  /^\s*en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'de';
