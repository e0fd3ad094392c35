import { idParams } from '@anett/shared/schemas/common';
import {
  consentCreated,
  consentInput,
  consentLedger,
  suppressionCheck,
  suppressionCheckQuery,
} from '@anett/shared/schemas/consent';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { fieldError, notFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { nowIso } from '../../lib/time.ts';
import { personDeleted } from '../persons/persons.service.ts';
import { currentConsents } from './consents.repository.ts';

export async function consentsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['consents'];

  app.get(
    '/api/persons/:id/consents',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'The consent ledger of a person, newest first, with the current state per channel',
        params: idParams,
        response: { 200: consentLedger, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!ctx.persons.findRow(request.params.id)) throw notFound('person');
      const entries = ctx.consents.entries(request.params.id);
      return { entries, current: currentConsents(entries) };
    },
  );

  app.post(
    '/api/persons/:id/consents',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Append a consent entry (grant or withdrawal); with suppress the e-mail address is blocked as well',
        params: idParams,
        body: consentInput,
        response: { 201: consentCreated, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const person = ctx.persons.findRow(request.params.id);
      if (!person) throw notFound('person');
      if (person.deletedAt || person.erasedAt) throw personDeleted(person);
      const { suppress, ...values } = request.body;
      if (suppress && !person.email) throw fieldError('suppress', 'die Person hat keine E-Mail-Adresse');
      const entry = ctx.persons.transaction(() => {
        const row = ctx.consents.append(person.id, values, request.user.id, nowIso());
        if (suppress && person.email) ctx.suppressions.add(person.email, 'objection');
        ctx.audit.record({
          ...actor(request),
          entity: 'person',
          entityId: person.id,
          action: values.status === 'granted' ? 'consent_grant' : 'consent_withdraw',
          diff: {
            consent: {
              channel: values.channel,
              status: values.status,
              source: values.source,
              legalBasis: values.legalBasis,
            },
            ...(suppress ? { suppressed: true } : {}),
          },
        });
        return row;
      });
      if (suppress) ctx.privacyLedger.mirror();
      const entries = ctx.consents.entries(person.id);
      const created = entries.find((e) => e.id === entry.id);
      return reply.code(201).send({
        entry: created as (typeof entries)[number],
        current: currentConsents(entries),
        suppressed: person.email ? ctx.suppressions.find(person.email) !== undefined : false,
      });
    },
  );

  app.get(
    '/api/suppressions/check',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Whether an e-mail address is on the suppression list (objection or erasure)',
        querystring: suppressionCheckQuery,
        response: { 200: suppressionCheck, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const found = ctx.suppressions.find(request.query.email);
      return { suppressed: found !== undefined, reason: found?.reason ?? null, since: found?.createdAt ?? null };
    },
  );
}
