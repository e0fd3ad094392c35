import type { Readable } from 'node:stream';
import { contentDisposition } from '@anett/shared/csv-cell';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Response schema of a file download (the body is bytes, not JSON). */
export const fileResponse = (what: string) => z.unknown().describe(what);

/** Sends a file the browser saves under `fileName` (UTF-8 name with an ASCII fallback). */
export const sendFile = (reply: FastifyReply, contentType: string, fileName: string, body: Buffer | Readable) =>
  reply.type(contentType).header('content-disposition', contentDisposition(fileName)).send(body);
