import { mail } from '@anett/shared/routes/mail';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError, notFound, orNotFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';

/** The outbox (Verwaltung → Ausgang): what was and will be sent, for admins. */
export async function mailRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  route(mail.outbox, 'admin', async (request) => {
    const { items, total } = await ctx.read.mail.list(request.query);
    return {
      items,
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
      smtpConfigured: Boolean(ctx.config.smtpUrl),
      from: ctx.config.mailFrom ?? 'ANeTT <noreply@anett.local>',
    };
  });

  route(mail.get, 'admin', async (request) => {
    return orNotFound(ctx.mail.detail(request.params.id), 'mail');
  });

  route(mail.retry, 'admin', async (request) => {
    const id = request.params.id;
    if (!ctx.mail.find(id)) throw notFound('mail');
    const row = await ctx.change(
      actor(request),
      () => ctx.mail.requeue(id),
      (requeued) => (requeued ? { entity: 'mail', entityId: id, action: 'retry', diff: {} } : []),
    );
    if (!row) {
      throw AppError.of('MAIL_NOT_FAILED', 'Only a failed mail can be sent again', {
        errors: [{ field: 'id', message: 'nur eine fehlgeschlagene Mail kann erneut gesendet werden' }],
      });
    }
    return ctx.mail.detail(id) as NonNullable<ReturnType<typeof ctx.mail.detail>>;
  });
}
