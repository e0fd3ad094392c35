import { idParams } from '@anett/shared/schemas/common';
import { outboxListQuery, outboxMailDetail, outboxPage } from '@anett/shared/schemas/mail';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';

/** The outbox (Verwaltung → Ausgang): what was and will be sent, for admins. */
export async function mailRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['mail'];

  app.get(
    '/api/mail/outbox',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Outgoing mails, newest first: recipient, subject, status, attempts, last error',
        querystring: outboxListQuery,
        response: { 200: outboxPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = await ctx.read.mail.list(request.query);
      return {
        items,
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        smtpConfigured: Boolean(ctx.config.smtpUrl),
        from: ctx.config.mailFrom ?? 'ANeTT <noreply@anett.local>',
      };
    },
  );

  app.get(
    '/api/mail/outbox/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'One outgoing mail with its text, headers and attachments',
        params: idParams,
        response: { 200: outboxMailDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const mail = ctx.mail.detail(request.params.id);
      if (!mail) throw notFound('mail');
      return mail;
    },
  );

  app.post(
    '/api/mail/outbox/:id/retry',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Send a failed mail again (fresh attempts)',
        params: idParams,
        response: { 200: outboxMailDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const id = request.params.id;
      if (!ctx.mail.find(id)) throw notFound('mail');
      const row = await ctx.write(() => {
        const requeued = ctx.mail.requeue(id);
        if (requeued) ctx.audit.record({ ...actor(request), entity: 'mail', entityId: id, action: 'retry', diff: {} });
        return requeued;
      });
      if (!row) {
        throw new AppError('MAIL_NOT_FAILED', 409, 'Only a failed mail can be sent again', {
          errors: [{ field: 'id', message: 'nur eine fehlgeschlagene Mail kann erneut gesendet werden' }],
        });
      }
      return ctx.mail.detail(id) as NonNullable<ReturnType<typeof ctx.mail.detail>>;
    },
  );
}
