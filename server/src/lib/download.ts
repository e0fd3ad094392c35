import { Readable } from 'node:stream';
import { contentDisposition } from '@anett/shared/csv-cell';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Response schema of a file download (the body is bytes, not JSON). */
export const fileResponse = (what: string) => z.unknown().describe(what);

/**
 * Sends a file the browser saves under `fileName` (UTF-8 name with an ASCII fallback). Bytes rendered on a read worker
 * arrive as a plain Uint8Array, which Fastify would send as JSON: they are wrapped as a Buffer (no copy).
 */
export const sendFile = (
  reply: FastifyReply,
  contentType: string,
  fileName: string,
  body: Buffer | Uint8Array | Readable,
) =>
  reply
    .type(contentType)
    .header('content-disposition', contentDisposition(fileName))
    .send(
      body instanceof Readable || Buffer.isBuffer(body)
        ? body
        : Buffer.from(body.buffer, body.byteOffset, body.byteLength),
    );
