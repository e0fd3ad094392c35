import { privacy } from '@anett/shared/routes/privacy';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, versionConflict } from '../../lib/concurrency.ts';
import { AppError, fieldError, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { nowIso } from '../../lib/time.ts';
import { personRef } from '../persons/persons.repository.ts';
import { erasureEntry } from './privacy.service.ts';

/** The day `months` calendar months before now (UTC), as an ISO timestamp prefix comparable with stored times. */
export function monthsAgo(months: number, now = new Date()): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

export async function privacyRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  route(privacy.export, 'manager', async (request) => {
    const person = orNotFound(ctx.persons.findRow(request.params.id), 'person');
    const data = ctx.privacyService.dataOf(person.id);
    const emails = data.persons?.flatMap((p) => (typeof p.email === 'string' ? [p.email] : [])) ?? [];
    await ctx.change(
      actor(request),
      () => person.id,
      (entityId) => ({ entity: 'person', entityId, action: 'privacy_export' }),
    );
    return {
      exportedAt: nowIso(),
      personId: person.id,
      suppressed: ctx.suppressions.suppressedAmong(emails).size > 0,
      data,
    };
  });

  route(privacy.erasurePreview, 'admin', async (request) => {
    const person = orNotFound(ctx.persons.findRow(request.params.id), 'person');
    if (person.erasedAt) throw AppError.of('PERSON_ALREADY_ERASED', 'The person has already been erased');
    return ctx.privacyService.preview(person.id);
  });

  route(privacy.erase, 'admin', async (request) => {
    const version = request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);
    const person = orNotFound(ctx.persons.findRow(request.params.id), 'person');
    if (person.erasedAt) throw AppError.of('PERSON_ALREADY_ERASED', 'The person has already been erased');
    if (version !== undefined && version !== person.version)
      throw versionConflict(ctx.persons.detail(person.id) ?? person);
    const scrubInteractionIds = request.body?.scrubInteractionIds ?? [];
    const unknown = ctx.privacy.missingInteractionIds(scrubInteractionIds);
    if (unknown.length) throw fieldError('scrubInteractionIds', `unknown contact-log entries: ${unknown.join(', ')}`);
    const at = nowIso();
    const result = await ctx.change(
      actor(request),
      () => ctx.privacyService.erase(ctx.privacyService.rowsOf(person.id), at, { scrubInteractionIds }),
      (erased) => erasureEntry(erased),
    );
    ctx.privacyService.purgeRemnants();
    ctx.privacyLedger.mirror();
    return {
      id: person.id,
      erasedAt: at,
      ...result,
      scrubbedInteractions: new Set(scrubInteractionIds).size,
    };
  });

  route(privacy.inactive, 'admin', async (request) => {
    const cutoff = monthsAgo(request.query.months);
    const { rows, total } = await ctx.read.privacy.inactive(cutoff, request.query);
    const items = rows.map((r) => ({ ...personRef(r), lastActivityAt: r.lastActivityAt, deletedAt: r.deletedAt }));
    return { ...pageOf({ items, total }, request.query), cutoff };
  });
}
