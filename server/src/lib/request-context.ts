import type { FastifyRequest } from 'fastify';

/** Who did it, for audit entries. */
export const actor = (request: FastifyRequest) => ({
  userId: request.user?.id ?? null,
  requestId: request.id,
  ip: request.ip,
});
