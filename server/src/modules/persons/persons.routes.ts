import { idParams } from '@anett/shared/schemas/common';
import { historyList } from '@anett/shared/schemas/history';
import {
  affiliation,
  affiliationInput,
  affiliationParams,
  affiliationPatch,
  contactPoint,
  contactPointInput,
  contactPointParams,
  contactPointPatch,
  dateRangeIssue,
  mergeBody,
  office,
  officeInput,
  officeParams,
  officePatch,
  person,
  personDuplicatePage,
  personDuplicateQuery,
  personInput,
  personListQuery,
  personPage,
  personPatch,
} from '@anett/shared/schemas/person';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag, versionConflict } from '../../lib/concurrency.ts';
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { errorResponses } from '../../lib/route-schemas.ts';
import { nowIso } from '../../lib/time.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import type { AffiliationRow, ContactPointRow, OfficeRow, PersonRow } from './persons.repository.ts';
import { createPersonsService, personDeleted } from './persons.service.ts';

/** What the audit log records of a person. */
const auditView = (row: PersonRow, tagIds: number[]) => ({
  salutation: row.salutation,
  title: row.title,
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  phone: row.phone,
  mobile: row.mobile,
  notes: row.notes,
  tagIds,
  deletedAt: row.deletedAt,
});
const affiliationView = (a: AffiliationRow) => ({
  organizationId: a.organizationId,
  function: a.function,
  isPrimary: a.isPrimary,
  fromDate: a.fromDate,
  toDate: a.toDate,
});
const officeView = (o: OfficeRow) => ({
  title: o.title,
  jurisdiction: o.jurisdiction,
  organizationId: o.organizationId,
  fromDate: o.fromDate,
  toDate: o.toDate,
});
const contactPointView = (c: ContactPointRow) => ({ kind: c.kind, value: c.value, label: c.label });
/** Sub-record changes go into the person's history as `affiliation.function: before → after`. */
const prefixed = (prefix: string, diff: Record<string, [unknown, unknown]>) =>
  Object.fromEntries(Object.entries(diff).map(([k, v]) => [`${prefix}.${k}`, v]));

export async function personsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['persons'];
  const service = createPersonsService(ctx.persons, ctx.audit);

  const loadRow = (id: number) => {
    const row = ctx.persons.findRow(id);
    if (!row) throw notFound('person');
    return row;
  };
  /** A person that may be changed: exists and is neither deleted nor erased. */
  const loadLive = (id: number) => {
    const row = loadRow(id);
    if (row.deletedAt || row.erasedAt) throw personDeleted(row);
    return row;
  };
  const detailOf = (id: number) => {
    const found = ctx.persons.detail(id);
    if (!found) throw notFound('person');
    return found;
  };
  const audit = (request: FastifyRequest, entityId: number, action: string, diff: unknown) =>
    ctx.audit.record({ ...actor(request), entity: 'person', entityId, action, diff });
  /** An optional If-Match is checked when sent (restore, merge). */
  const optionalIfMatch = (request: FastifyRequest) =>
    request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);

  const checkTagIds = (ids: number[] | undefined) => {
    const unknown = ctx.vocab.unknownTagIds(ids ?? []);
    if (unknown.length) throw fieldError('tagIds', `unbekannte Schlagwörter: ${unknown.join(', ')}`);
  };
  /** Every referenced organisation must exist and not be deleted; errors name each offending field. */
  const checkOrganizations = (refs: { field: string; id: number | null | undefined }[]) => {
    const given = refs.filter((r): r is { field: string; id: number } => typeof r.id === 'number');
    const missing = new Set(ctx.persons.missingOrganizations(given.map((r) => r.id)));
    const errors: FieldError[] = given
      .filter((r) => missing.has(r.id))
      .map((r) => ({ field: r.field, message: 'unbekannte Organisation' }));
    if (errors.length)
      throw new AppError('VALIDATION_FAILED', 400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
        errors,
      });
  };
  const checkDates = (r: { fromDate: string | null; toDate: string | null }) => {
    const issue = dateRangeIssue(r);
    if (issue) throw fieldError(issue.field, issue.message);
  };

  app.get(
    '/api/persons',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'List persons; every parameter of the person filter applies (the same as for exports and segments)',
        querystring: personListQuery,
        response: { 200: personPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = ctx.persons.list(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/persons/duplicates',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Groups of persons sharing an e-mail address or a normalised name',
        querystring: personDuplicateQuery,
        response: { 200: personDuplicatePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { items, total } = ctx.persons.duplicateGroups(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/persons/:id',
    {
      config: { access: 'viewer' },
      schema: { tags, params: idParams, response: { 200: person, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const found = detailOf(request.params.id);
      setEtag(reply, found.version);
      return found;
    },
  );

  app.post(
    '/api/persons',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Create a person; likely duplicates answer 409 DUPLICATE_CANDIDATES unless confirmDuplicate is true',
        body: personInput,
        response: { 201: person, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { tagIds, affiliations, offices, confirmDuplicate, ...fields } = request.body;
      if (affiliations.filter((a) => a.isPrimary).length > 1) {
        throw fieldError('affiliations', 'höchstens eine Zugehörigkeit kann primär sein');
      }
      checkTagIds(tagIds);
      checkOrganizations([
        ...affiliations.map((a, i) => ({ field: `affiliations.${i}.organizationId`, id: a.organizationId })),
        ...offices.map((o, i) => ({ field: `offices.${i}.organizationId`, id: o.organizationId })),
      ]);
      service.assertNoDuplicates(fields, confirmDuplicate);
      const row = ctx.persons.transaction(() => {
        const created = ctx.persons.create(fields, { tagIds, affiliations, offices });
        audit(request, created.id, 'create', {
          ...diffRecords(null, auditView(created, ctx.persons.tagIdsOf(created.id))),
          ...(affiliations.length ? { affiliations: [null, affiliations] } : {}),
          ...(offices.length ? { offices: [null, offices] } : {}),
        });
        return created;
      });
      const created = detailOf(row.id);
      setEtag(reply, created.version);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/persons/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Change fields (tagIds replaces the tag set); needs If-Match',
        params: idParams,
        body: personPatch,
        response: { 200: person, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = loadLive(request.params.id);
      if (before.version !== version) throw versionConflict(detailOf(before.id));
      const { tagIds, confirmDuplicate, ...fields } = request.body;
      checkTagIds(tagIds);
      const next = {
        firstName: fields.firstName ?? before.firstName,
        lastName: fields.lastName ?? before.lastName,
        email: fields.email === undefined ? before.email : fields.email,
      };
      const identityChanged =
        next.firstName !== before.firstName || next.lastName !== before.lastName || next.email !== before.email;
      if (identityChanged) service.assertNoDuplicates(next, confirmDuplicate, before.id);
      const beforeTags = ctx.persons.tagIdsOf(before.id);
      const after = ctx.persons.transaction(() => {
        const updated = ctx.persons.update(before.id, version, fields, tagIds);
        if (!updated) return undefined;
        audit(
          request,
          updated.id,
          'update',
          diffRecords(auditView(before, beforeTags), auditView(updated, ctx.persons.tagIdsOf(updated.id))),
        );
        return updated;
      });
      if (!after) throw versionConflict(detailOf(before.id));
      const found = detailOf(after.id);
      setEtag(reply, found.version);
      return found;
    },
  );

  app.delete(
    '/api/persons/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Soft delete (restorable); needs If-Match',
        params: idParams,
        response: { 200: person, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const before = loadLive(request.params.id);
      if (before.version !== version) throw versionConflict(detailOf(before.id));
      const after = ctx.persons.transaction(() => {
        const deleted = ctx.persons.setDeleted(before.id, nowIso(), version);
        if (deleted) audit(request, deleted.id, 'delete', { deletedAt: [null, deleted.deletedAt] });
        return deleted;
      });
      if (!after) throw versionConflict(detailOf(before.id));
      const found = detailOf(after.id);
      setEtag(reply, found.version);
      return found;
    },
  );

  app.post(
    '/api/persons/:id/restore',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Undo a soft delete (not for merged or erased persons); If-Match is checked when sent',
        params: idParams,
        response: { 200: person, ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const version = optionalIfMatch(request);
      const before = loadRow(request.params.id);
      if (before.mergedIntoId) throw personDeleted(before);
      if (before.erasedAt) throw new AppError('PERSON_ERASED', 409, 'An erased person cannot be restored');
      if (!before.deletedAt) throw new AppError('PERSON_NOT_DELETED', 409, 'The person is not deleted');
      if (version !== undefined && version !== before.version) throw versionConflict(detailOf(before.id));
      const after = ctx.persons.transaction(() => {
        const restored = ctx.persons.setDeleted(before.id, null, before.version);
        if (restored) audit(request, restored.id, 'restore', { deletedAt: [before.deletedAt, null] });
        return restored;
      });
      if (!after) throw versionConflict(detailOf(before.id));
      const found = detailOf(after.id);
      setEtag(reply, found.version);
      return found;
    },
  );

  app.get(
    '/api/persons/:id/history',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Audit entries of the person (and of persons merged into it), newest first',
        params: idParams,
        response: { 200: historyList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = loadRow(request.params.id);
      return { items: ctx.persons.history(row.id) };
    },
  );

  app.post(
    '/api/persons/:id/merge',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary:
          'Merge sourceId into this person: affiliations, offices, tags, attendances, interactions, consents and ' +
          'additional contact values move over; `keep` chooses per field whose value stays, an e-mail or phone number ' +
          'not kept stays as an additional one; the source is deleted with mergedIntoId; If-Match (of this person) is ' +
          'checked when sent',
        params: idParams,
        body: mergeBody,
        response: { 200: person, ...errorResponses(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { sourceId, keep } = request.body;
      const merged = service.merge(request.params.id, sourceId, keep, actor(request), optionalIfMatch(request));
      setEtag(reply, merged.version);
      return merged;
    },
  );

  // Affiliations

  const loadAffiliation = (personId: number, affiliationId: number) => {
    const row = ctx.persons.findAffiliation(personId, affiliationId);
    if (!row) throw notFound('affiliation');
    return row;
  };
  const affiliationItem = (id: number) => {
    const found = ctx.persons.affiliation(id);
    if (!found) throw notFound('affiliation');
    return found;
  };

  app.post(
    '/api/persons/:id/affiliations',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Add an affiliation; a primary one makes the others non-primary',
        params: idParams,
        body: affiliationInput,
        response: { 201: affiliation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const owner = loadLive(request.params.id);
      checkOrganizations([{ field: 'organizationId', id: request.body.organizationId }]);
      const row = ctx.persons.transaction(() => {
        const created = ctx.persons.createAffiliation(owner.id, request.body);
        audit(request, owner.id, 'affiliation_create', {
          affiliationId: created.id,
          ...prefixed('affiliation', diffRecords(null, affiliationView(created))),
        });
        return created;
      });
      setEtag(reply, row.version);
      return reply.code(201).send(affiliationItem(row.id));
    },
  );

  app.patch(
    '/api/persons/:id/affiliations/:affiliationId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Change an affiliation; needs If-Match with the affiliation’s version',
        params: affiliationParams,
        body: affiliationPatch,
        response: { 200: affiliation, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const owner = loadLive(request.params.id);
      const before = loadAffiliation(owner.id, request.params.affiliationId);
      if (before.version !== version) throw versionConflict(affiliationItem(before.id));
      checkDates({
        fromDate: request.body.fromDate === undefined ? before.fromDate : request.body.fromDate,
        toDate: request.body.toDate === undefined ? before.toDate : request.body.toDate,
      });
      if (request.body.organizationId !== undefined) {
        checkOrganizations([{ field: 'organizationId', id: request.body.organizationId }]);
      }
      const after = ctx.persons.transaction(() => {
        const updated = ctx.persons.updateAffiliation(before.id, version, request.body);
        if (updated) {
          audit(request, owner.id, 'affiliation_update', {
            affiliationId: updated.id,
            ...prefixed('affiliation', diffRecords(affiliationView(before), affiliationView(updated))),
          });
        }
        return updated;
      });
      if (!after) throw versionConflict(affiliationItem(before.id));
      setEtag(reply, after.version);
      return affiliationItem(after.id);
    },
  );

  app.delete(
    '/api/persons/:id/affiliations/:affiliationId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Remove an affiliation (to end one, set toDate instead); needs If-Match',
        params: affiliationParams,
        response: { 204: z.null().describe('removed'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const owner = loadLive(request.params.id);
      const before = loadAffiliation(owner.id, request.params.affiliationId);
      if (before.version !== version) throw versionConflict(affiliationItem(before.id));
      const removed = ctx.persons.transaction(() => {
        const deleted = ctx.persons.deleteAffiliation(before.id, version);
        if (deleted) {
          audit(request, owner.id, 'affiliation_delete', {
            affiliationId: deleted.id,
            ...prefixed('affiliation', diffRecords(affiliationView(deleted), null)),
          });
        }
        return deleted;
      });
      if (!removed) throw versionConflict(affiliationItem(before.id));
      return reply.code(204).send(null);
    },
  );

  // Offices

  const loadOffice = (personId: number, officeId: number) => {
    const row = ctx.persons.findOffice(personId, officeId);
    if (!row) throw notFound('office');
    return row;
  };
  const officeItem = (id: number) => {
    const found = ctx.persons.office(id);
    if (!found) throw notFound('office');
    return found;
  };

  app.post(
    '/api/persons/:id/offices',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Add a political or public office (e.g. Landrätin, Landkreis Schmalkalden-Meiningen)',
        params: idParams,
        body: officeInput,
        response: { 201: office, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const owner = loadLive(request.params.id);
      checkOrganizations([{ field: 'organizationId', id: request.body.organizationId }]);
      const row = ctx.persons.transaction(() => {
        const created = ctx.persons.createOffice(owner.id, request.body);
        audit(request, owner.id, 'office_create', {
          officeId: created.id,
          ...prefixed('office', diffRecords(null, officeView(created))),
        });
        return created;
      });
      setEtag(reply, row.version);
      return reply.code(201).send(officeItem(row.id));
    },
  );

  app.patch(
    '/api/persons/:id/offices/:officeId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Change an office; needs If-Match with the office’s version',
        params: officeParams,
        body: officePatch,
        response: { 200: office, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const owner = loadLive(request.params.id);
      const before = loadOffice(owner.id, request.params.officeId);
      if (before.version !== version) throw versionConflict(officeItem(before.id));
      checkDates({
        fromDate: request.body.fromDate === undefined ? before.fromDate : request.body.fromDate,
        toDate: request.body.toDate === undefined ? before.toDate : request.body.toDate,
      });
      checkOrganizations([{ field: 'organizationId', id: request.body.organizationId }]);
      const after = ctx.persons.transaction(() => {
        const updated = ctx.persons.updateOffice(before.id, version, request.body);
        if (updated) {
          audit(request, owner.id, 'office_update', {
            officeId: updated.id,
            ...prefixed('office', diffRecords(officeView(before), officeView(updated))),
          });
        }
        return updated;
      });
      if (!after) throw versionConflict(officeItem(before.id));
      setEtag(reply, after.version);
      return officeItem(after.id);
    },
  );

  app.delete(
    '/api/persons/:id/offices/:officeId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Remove an office (to end one, set toDate instead); needs If-Match',
        params: officeParams,
        response: { 204: z.null().describe('removed'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const owner = loadLive(request.params.id);
      const before = loadOffice(owner.id, request.params.officeId);
      if (before.version !== version) throw versionConflict(officeItem(before.id));
      const removed = ctx.persons.transaction(() => {
        const deleted = ctx.persons.deleteOffice(before.id, version);
        if (deleted) {
          audit(request, owner.id, 'office_delete', {
            officeId: deleted.id,
            ...prefixed('office', diffRecords(officeView(deleted), null)),
          });
        }
        return deleted;
      });
      if (!removed) throw versionConflict(officeItem(before.id));
      return reply.code(204).send(null);
    },
  );
  // Additional e-mail addresses and phone numbers

  const loadContactPoint = (personId: number, contactPointId: number) => {
    const row = ctx.persons.findContactPoint(personId, contactPointId);
    if (!row) throw notFound('contact_point');
    return row;
  };
  const contactPointItem = (id: number) => {
    const found = ctx.persons.contactPoint(id);
    if (!found) throw notFound('contact_point');
    return found;
  };
  const checkNewValue = (personId: number, kind: ContactPointRow['kind'], value: string, exceptId?: number) => {
    if (ctx.persons.hasContactValue(personId, kind, value, exceptId))
      throw fieldError('value', 'ist schon eingetragen');
  };

  app.post(
    '/api/persons/:id/contact-points',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Add an e-mail address or phone number besides the main ones (searched, checked for duplicates)',
        params: idParams,
        body: contactPointInput,
        response: { 201: contactPoint, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const owner = loadLive(request.params.id);
      checkNewValue(owner.id, request.body.kind, request.body.value);
      const row = ctx.persons.transaction(() => {
        const created = ctx.persons.createContactPoint(owner.id, request.body);
        audit(request, owner.id, 'contact_point_create', {
          contactPointId: created.id,
          ...prefixed('contactPoint', diffRecords(null, contactPointView(created))),
        });
        return created;
      });
      setEtag(reply, row.version);
      return reply.code(201).send(contactPointItem(row.id));
    },
  );

  app.patch(
    '/api/persons/:id/contact-points/:contactPointId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Change an additional e-mail address or phone number; needs If-Match with its version',
        params: contactPointParams,
        body: contactPointPatch,
        response: { 200: contactPoint, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const owner = loadLive(request.params.id);
      const before = loadContactPoint(owner.id, request.params.contactPointId);
      if (before.version !== version) throw versionConflict(contactPointItem(before.id));
      const values = { ...request.body };
      if (values.value !== undefined) {
        const parsed = contactPointInput.safeParse({ kind: before.kind, value: values.value });
        if (!parsed.success)
          throw fieldError('value', before.kind === 'email' ? 'keine gültige E-Mail-Adresse' : 'höchstens 60 Zeichen');
        values.value = parsed.data.value;
        checkNewValue(owner.id, before.kind, values.value, before.id);
      }
      const after = ctx.persons.transaction(() => {
        const updated = ctx.persons.updateContactPoint(before.id, version, values);
        if (updated) {
          audit(request, owner.id, 'contact_point_update', {
            contactPointId: updated.id,
            ...prefixed('contactPoint', diffRecords(contactPointView(before), contactPointView(updated))),
          });
        }
        return updated;
      });
      if (!after) throw versionConflict(contactPointItem(before.id));
      setEtag(reply, after.version);
      return contactPointItem(after.id);
    },
  );

  app.delete(
    '/api/persons/:id/contact-points/:contactPointId',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Remove an additional e-mail address or phone number; needs If-Match',
        params: contactPointParams,
        response: { 204: z.null().describe('removed'), ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const owner = loadLive(request.params.id);
      const before = loadContactPoint(owner.id, request.params.contactPointId);
      if (before.version !== version) throw versionConflict(contactPointItem(before.id));
      const removed = ctx.persons.transaction(() => {
        const deleted = ctx.persons.deleteContactPoint(before.id, version);
        if (deleted) {
          audit(request, owner.id, 'contact_point_delete', {
            contactPointId: deleted.id,
            ...prefixed('contactPoint', diffRecords(contactPointView(deleted), null)),
          });
        }
        return deleted;
      });
      if (!removed) throw versionConflict(contactPointItem(before.id));
      return reply.code(204).send(null);
    },
  );
}
