import { idParams } from '@anett/shared/schemas/common';
import { eraseResult, inactivePage, inactiveQuery, privacyExport } from '@anett/shared/schemas/privacy';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, versionConflict } from '../../lib/concurrency.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { nowIso } from '../../lib/time.ts';
import { displayName } from '../persons/persons.repository.ts';

/** The day `months` calendar months before now (UTC), as an ISO timestamp prefix comparable with stored times. */
export function monthsAgo(months: number, now = new Date()): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

export async function privacyRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];

  app.get(
    '/api/persons/:id/privacy-export',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Everything stored about a person (GDPR Art. 15), by table',
        params: idParams,
        response: { 200: privacyExport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const person = ctx.persons.findRow(request.params.id);
      if (!person) throw notFound('person');
      const data = ctx.privacy.dataOf(person.id);
      const emails = data.persons?.flatMap((p) => (typeof p.email === 'string' ? [p.email] : [])) ?? [];
      ctx.audit.record({ ...actor(request), entity: 'person', entityId: person.id, action: 'privacy_export' });
      return {
        exportedAt: nowIso(),
        personId: person.id,
        suppressed: ctx.suppressions.suppressedAmong(emails).size > 0,
        data,
      };
    },
  );

  app.post(
    '/api/persons/:id/erase',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Anonymise a person everywhere (GDPR Art. 17); counts in reports stay; If-Match is checked when sent',
        params: idParams,
        response: { 200: eraseResult, ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request) => {
      const version = request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);
      const person = ctx.persons.findRow(request.params.id);
      if (!person) throw notFound('person');
      if (person.erasedAt) throw new AppError('PERSON_ALREADY_ERASED', 409, 'The person has already been erased');
      if (version !== undefined && version !== person.version)
        throw versionConflict(ctx.persons.detail(person.id) ?? person);
      const at = nowIso();
      const result = ctx.persons.transaction(() => {
        const rows = ctx.privacy
          .mergeChain(person.id)
          .map((id) => ctx.persons.findRow(id))
          .filter((r): r is NonNullable<typeof r> => r !== undefined && r.erasedAt === null);
        const emails = [
          ...new Set(
            [
              ...rows.flatMap((r) => (r.email ? [r.email] : [])),
              ...ctx.privacy.additionalEmails(rows.map((r) => r.id)),
            ].map((e) => e.toLowerCase()),
          ),
        ];
        ctx.privacy.erase(rows, at);
        for (const email of emails) ctx.suppressions.add(email, 'erasure');
        ctx.audit.record({
          ...actor(request),
          entity: 'person',
          entityId: person.id,
          action: 'erase',
          diff: { erased: true, erasedIds: rows.map((r) => r.id) },
        });
        return { id: person.id, erasedAt: at, erasedIds: rows.map((r) => r.id), suppressedEmails: emails.length };
      });
      ctx.privacy.purgeRemnants();
      return result;
    },
  );

  app.get(
    '/api/privacy/inactive',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Persons without attendance, contact, consent entry or change for `months` months (retention review)',
        querystring: inactiveQuery,
        response: { 200: inactivePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { months, page, pageSize } = request.query;
      const cutoff = monthsAgo(months);
      const { rows, total } = ctx.privacy.inactive(cutoff, { page, pageSize });
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: displayName(r),
          email: r.email,
          lastActivityAt: r.lastActivityAt,
          deletedAt: r.deletedAt,
        })),
        total,
        page,
        pageSize,
        cutoff,
      };
    },
  );
}
