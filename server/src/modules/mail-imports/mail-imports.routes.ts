import { mailImports } from '@anett/shared/routes/mail-import';
import { MAIL_FILE_BYTES_MAX, MAIL_FILES_MAX, mailDropTarget } from '@anett/shared/schemas/mail-import';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { createMailImportsService, type UploadedMail } from './mail-imports.service.ts';
import { parseMailFile, UnreadableMail } from './mail-parse.ts';

type Reason = 'too_large' | 'unsupported' | 'unreadable';
const MB = MAIL_FILE_BYTES_MAX / 1024 / 1024;

/** Problem of one or more files: the status of the worst, a field error per file (`files.<index>`). */
function fileProblem(problems: { index: number; fileName: string; reason: Reason; message: string }[]) {
  const status = problems.some((p) => p.reason === 'too_large')
    ? 413
    : problems.some((p) => p.reason === 'unsupported')
      ? 415
      : 422;
  const errors: FieldError[] = problems.map((p) => ({
    field: `files.${p.index}`,
    message: `${p.fileName}: ${p.message}`,
  }));
  return new AppError('MAIL_FILE_REFUSED', status, errors.map((e) => e.message).join('; '), {
    errors,
    data: { files: problems.map(({ index, reason }) => ({ index, reason })) },
  });
}

/** Reads the multipart upload: every file parsed as a mail, the other fields as the drop target. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw AppError.of('UNSUPPORTED_MEDIA_TYPE', 'files: als multipart/form-data senden (Feld "files")', {
      errors: [{ field: 'files', message: 'als multipart/form-data senden' }],
    });
  }
  const files: { index: number; fileName: string; buffer: Buffer }[] = [];
  const problems: Parameters<typeof fileProblem>[0] = [];
  const fields: Record<string, string> = {};
  let current = { index: 0, fileName: '' };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const index = files.length;
      current = { index, fileName: (part.filename || 'ohne Namen').slice(0, 255) };
      files.push({ ...current, buffer: await part.toBuffer() });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The rest of the upload is not read: the oversized file is named, the others are not judged.
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw fileProblem([{ ...current, reason: 'too_large', message: `größer als ${MB} MB` }]);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('MAIL_FILE_REFUSED', 413, `files: höchstens ${MAIL_FILES_MAX} Dateien auf einmal`, {
        errors: [{ field: 'files', message: `höchstens ${MAIL_FILES_MAX} Dateien auf einmal` }],
      });
    if (code?.startsWith('FST_')) throw AppError.of('MALFORMED_UPLOAD', `files: ${(error as Error).message}`);
    throw error;
  }
  if (files.length === 0) {
    throw AppError.of('VALIDATION_FAILED', 'files: mindestens eine .eml- oder .msg-Datei', {
      errors: [{ field: 'files', message: 'mindestens eine .eml- oder .msg-Datei' }],
    });
  }
  const uploads: UploadedMail[] = [];
  for (const file of files) {
    if (!/\.(eml|msg)$/i.test(file.fileName)) {
      problems.push({ ...file, reason: 'unsupported', message: 'nur .eml- und .msg-Dateien' });
      continue;
    }
    try {
      uploads.push({
        index: file.index,
        fileName: file.fileName,
        mail: await parseMailFile(file.fileName, file.buffer),
      });
    } catch (error) {
      if (!(error instanceof UnreadableMail)) throw error;
      problems.push({ ...file, reason: 'unreadable', message: error.message });
    }
  }
  if (problems.length) throw fileProblem(problems.sort((a, b) => a.index - b.index));
  const target = mailDropTarget.safeParse(fields);
  if (!target.success) {
    const errors = target.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw AppError.of('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
      errors,
    });
  }
  return { uploads, target: target.data };
}

export async function mailImportsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  // Only these routes take multipart bodies; the limits make an oversized file a 413 of its own.
  await fastify.register(fastifyMultipart, {
    limits: {
      fileSize: MAIL_FILE_BYTES_MAX,
      files: MAIL_FILES_MAX,
      fields: 10,
      fieldSize: 100,
      parts: MAIL_FILES_MAX + 10,
    },
  });
  const route = describedRoutes(fastify);
  const service = createMailImportsService(ctx);
  const bodyLimit = MAIL_FILES_MAX * MAIL_FILE_BYTES_MAX + 1024 * 1024;

  route(mailImports.preview, { config: { access: 'manager' }, bodyLimit }, async (request) => {
    const { uploads, target } = await readUpload(request);
    return service.preview(uploads, target);
  });

  route(mailImports.commit, { config: { access: 'manager' }, bodyLimit }, async (request) => {
    const { uploads, target } = await readUpload(request);
    return service.commit(uploads, target, { ...actor(request), userId: request.user.id });
  });
}
