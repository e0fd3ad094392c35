import { problem } from '@anett/shared/schemas/common';

/** Problem+json response schemas for the listed status codes (documents them in OpenAPI). */
export function errorResponses<const C extends number>(...codes: C[]) {
  return Object.fromEntries(codes.map((c) => [c, problem])) as Record<C, typeof problem>;
}
