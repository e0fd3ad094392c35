import { persons } from '@anett/shared/routes/person';
import { contactPointInput, dateRangeIssue } from '@anett/shared/schemas/person';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { requireIfMatch, setEtag, versionConflict } from '../../lib/concurrency.ts';
import { AppError, type FieldError, fieldError, notFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { schemaOf } from '../../lib/route-schemas.ts';
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
  const _tags = ['persons'];
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
    persons.list.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(persons.list),
    },
    async (request) => {
      const { items, total } = await ctx.read.persons.list(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    persons.duplicates.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.duplicates),
    },
    async (request) => {
      const { items, total } = await ctx.read.persons.duplicateGroups(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    persons.get.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(persons.get),
    },
    async (request, reply) => {
      const found = await ctx.read.persons.detail(request.params.id);
      if (!found) throw notFound('person');
      setEtag(reply, found.version);
      return found;
    },
  );

  app.post(
    persons.create.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.create),
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
    persons.update.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.update),
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
    persons.delete.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.delete),
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
    persons.restore.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.restore),
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
    persons.history.path,
    {
      config: { access: 'viewer' },
      schema: schemaOf(persons.history),
    },
    async (request) => {
      const [row, items] = await Promise.all([
        ctx.read.persons.findRow(request.params.id),
        ctx.read.persons.history(request.params.id),
      ]);
      if (!row) throw notFound('person');
      return { items };
    },
  );

  app.post(
    persons.merge.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.merge),
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
    persons.addAffiliation.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.addAffiliation),
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
    persons.updateAffiliation.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.updateAffiliation),
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
    persons.deleteAffiliation.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.deleteAffiliation),
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
    persons.addOffice.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.addOffice),
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
    persons.updateOffice.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.updateOffice),
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
    persons.deleteOffice.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.deleteOffice),
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
    persons.addContactPoint.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.addContactPoint),
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
    persons.updateContactPoint.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.updateContactPoint),
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
    persons.deleteContactPoint.path,
    {
      config: { access: 'manager' },
      schema: schemaOf(persons.deleteContactPoint),
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
