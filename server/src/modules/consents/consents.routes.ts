import { consents } from '@anett/shared/routes/consent';
import type { SuppressionReasonCode } from '@anett/shared/schemas/consent';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { AppError, fieldError, notFound, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { berlinToday, nowIso } from '../../lib/time.ts';
import { personRef } from '../persons/persons.repository.ts';
import { personDeleted } from '../persons/persons.service.ts';
import { currentConsents } from './consents.repository.ts';

export async function consentsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  route(consents.list, 'viewer', async (request) => {
    if (!ctx.persons.findRow(request.params.id)) throw notFound('person');
    const entries = ctx.consents.entries(request.params.id);
    return { entries, current: currentConsents(entries) };
  });

  route(consents.create, 'manager', async (request, reply) => {
    const person = orNotFound(ctx.persons.findRow(request.params.id), 'person');
    if (person.deletedAt || person.erasedAt) throw personDeleted(person);
    const { suppress, ...values } = request.body;
    if (suppress && !person.email) throw fieldError('suppress', 'die Person hat keine E-Mail-Adresse');
    const declared = { ...values, declaredOn: values.declaredOn ?? berlinToday() };
    const entry = await ctx.change(
      actor(request),
      () => {
        const row = ctx.consents.append(person.id, declared, request.user.id, nowIso());
        if (suppress && person.email) ctx.suppressions.add(person.email, 'objection');
        return row;
      },
      () => ({
        entity: 'person',
        entityId: person.id,
        action: values.status === 'granted' ? 'consent_grant' : 'consent_withdraw',
        diff: {
          consent: {
            channel: values.channel,
            status: values.status,
            source: values.source,
            legalBasis: values.legalBasis,
            declaredOn: declared.declaredOn,
          },
          ...(suppress ? { suppressed: true } : {}),
        },
      }),
    );
    if (suppress) ctx.privacyLedger.mirror();
    const entries = ctx.consents.entries(person.id);
    const created = entries.find((e) => e.id === entry.id);
    return reply.code(201).send({
      entry: created as (typeof entries)[number],
      current: currentConsents(entries),
      suppressed: person.email ? ctx.suppressions.find(person.email) !== undefined : false,
    });
  });

  route(consents.checkSuppression, 'manager', async (request) => {
    const found = ctx.suppressions.find(request.query.email);
    return { suppressed: found !== undefined, reason: found?.reason ?? null, since: found?.createdAt ?? null };
  });
}

/** Entries of the suppression list with the live persons who carry each address. */
function withPersons(
  ctx: AppContext,
  rows: { emailHash: string; reason: string; note: string | null; createdAt: string }[],
) {
  const matches = ctx.suppressions.personsByHash(rows.map((r) => r.emailHash));
  return rows.map((r) => ({
    ...r,
    reason: r.reason as SuppressionReasonCode,
    persons: matches.filter((m) => m.hash === r.emailHash).map((m) => personRef(m)),
  }));
}

export async function suppressionsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  route(consents.suppressions, 'admin', async (request) => {
    const { rows, total } = await ctx.read.suppressions.list(request.query);
    return pageOf({ items: withPersons(ctx, rows), total }, request.query);
  });

  route(consents.addSuppression, 'admin', async (request, reply) => {
    const { email, reason, note } = request.body;
    if (ctx.suppressions.find(email)) {
      throw AppError.of('SUPPRESSION_EXISTS', 'The address is already on the suppression list');
    }
    const row = await ctx.change(
      actor(request),
      () => {
        ctx.suppressions.add(email, reason, note);
        const added = ctx.suppressions.find(email);
        if (!added) throw new Error('suppression not written');
        return added;
      },
      (added) => ({ entity: 'suppression', action: 'create', diff: { emailHash: added.emailHash, reason, note } }),
    );
    ctx.privacyLedger.mirror();
    const [created] = withPersons(ctx, [row]);
    return reply.code(201).send(created as NonNullable<typeof created>);
  });

  route(consents.removeSuppression, 'admin', async (request, reply) => {
    const { hash } = request.params;
    if (!ctx.suppressions.findByHash(hash)) throw notFound('suppression');
    await ctx.change(
      actor(request),
      () => orNotFound(ctx.suppressions.remove(hash), 'suppression'),
      (removed) => ({
        entity: 'suppression',
        action: 'delete',
        diff: { emailHash: hash, reason: removed.reason, note: request.body.note },
      }),
    );
    // The removal holds across a restore too (the ledger would bring the address back otherwise).
    ctx.privacyLedger.recordRemoval(hash, nowIso());
    return reply.code(204).send(null);
  });
}
