import type { AffiliationRow, ContactPointRow, OfficeRow, PersonRow } from '@anett/db/schema';
import { persons } from '@anett/shared/routes/person';
import { dateRangeIssue } from '@anett/shared/schemas/common';
import { contactPointInput } from '@anett/shared/schemas/person';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { created, requireIfMatch, type VersionedChange, versionedChange, withEtag } from '../../lib/concurrency.ts';
import { AppError, type FieldError, fieldError, notFound, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { nowIso } from '../../lib/time.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { assertKnownTags } from '../tags/known-tags.ts';
import { personFields } from './persons.repository.ts';
import { createPersonsService, personDeleted } from './persons.service.ts';

/** What the audit log records of a person. */
const auditView = (row: PersonRow, tagIds: number[]) => ({
  ...personFields(row),
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
type DateRange = { fromDate: string | null; toDate: string | null };
type SubChange<Row extends { version: number }> = Pick<VersionedChange<Row, Row>, 'check' | 'write'> & {
  action: 'update' | 'delete';
};
const subRecords = { affiliation: 'affiliation', office: 'office', contact_point: 'contactPoint' } as const;
/**
 * Sub-record changes go into the person's history: `affiliation_update` filed under the person, with the row's id and
 * its fields as `affiliation.function: [before, after]`.
 */
const subEntry = (
  personId: number,
  kind: keyof typeof subRecords,
  action: 'create' | 'update' | 'delete',
  rowId: number,
  diff: Record<string, [unknown, unknown]>,
) => {
  const key = subRecords[kind];
  return {
    entity: 'person',
    entityId: personId,
    action: `${kind}_${action}`,
    diff: { [`${key}Id`]: rowId, ...Object.fromEntries(Object.entries(diff).map(([k, v]) => [`${key}.${k}`, v])) },
  };
};

export async function personsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
  const service = createPersonsService(ctx.persons, ctx.change);

  const loadRow = (id: number) => orNotFound(ctx.persons.findRow(id), 'person');
  /** A person that may be changed: exists and is neither deleted nor erased. */
  const loadLive = (id: number) => {
    const row = loadRow(id);
    if (row.deletedAt || row.erasedAt) throw personDeleted(row);
    return row;
  };
  const detailOf = (id: number) => orNotFound(ctx.persons.detail(id), 'person');

  /** Every referenced organisation must exist and not be deleted; errors name each offending field. */
  const checkOrganizations = (refs: { field: string; id: number | null | undefined }[]) => {
    const given = refs.filter((r): r is { field: string; id: number } => typeof r.id === 'number');
    const missing = new Set(ctx.persons.missingOrganizations(given.map((r) => r.id)));
    const errors: FieldError[] = given
      .filter((r) => missing.has(r.id))
      .map((r) => ({ field: r.field, message: 'unbekannte Organisation' }));
    if (errors.length)
      throw AppError.of('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
        errors,
      });
  };

  route(persons.list, 'viewer', async (request) => {
    return pageOf(await ctx.read.persons.list(request.query), request.query);
  });

  route(persons.duplicates, 'manager', async (request) => {
    return pageOf(await ctx.read.persons.duplicateGroups(request.query), request.query);
  });

  route(persons.get, 'viewer', async (request, reply) => {
    const found = orNotFound(await ctx.read.persons.detail(request.params.id), 'person');
    return withEtag(reply, found);
  });

  route(persons.create, 'manager', async (request, reply) => {
    const { tagIds, affiliations, offices, confirmDuplicate, ...fields } = request.body;
    if (affiliations.filter((a) => a.isPrimary).length > 1) {
      throw fieldError('affiliations', 'höchstens eine Zugehörigkeit kann primär sein');
    }
    assertKnownTags(ctx.tags, tagIds);
    checkOrganizations([
      ...affiliations.map((a, i) => ({ field: `affiliations.${i}.organizationId`, id: a.organizationId })),
      ...offices.map((o, i) => ({ field: `offices.${i}.organizationId`, id: o.organizationId })),
    ]);
    service.assertNoDuplicates(fields, confirmDuplicate);
    const row = await ctx.change(
      actor(request),
      () => ctx.persons.create(fields, { tagIds, affiliations, offices }),
      (created) => ({
        entity: 'person',
        entityId: created.id,
        action: 'create',
        diff: {
          ...diffRecords(null, auditView(created, ctx.persons.tagIdsOf(created.id))),
          ...(affiliations.length ? { affiliations: [null, affiliations] } : {}),
          ...(offices.length ? { offices: [null, offices] } : {}),
        },
      }),
    );
    return created(reply, detailOf(row.id));
  });

  /** A change of the person itself: a 412 carries the person as the client shows it. */
  const personChange = (
    request: FastifyRequest,
    action: string,
    spec: Omit<VersionedChange<PersonRow, PersonRow>, 'current' | 'audit'> & {
      diff: (before: PersonRow, after: PersonRow) => unknown;
    },
  ) =>
    versionedChange(ctx, request, {
      ...spec,
      current: (before) => detailOf(before.id),
      audit: (before, after) => ({ entity: 'person', entityId: after.id, action, diff: spec.diff(before, after) }),
    }).then((after) => detailOf(after.id));

  route(persons.update, 'manager', async (request, reply) => {
    const { tagIds, confirmDuplicate, ...fields } = request.body;
    let beforeTags: number[] = [];
    const found = await personChange(request, 'update', {
      load: () => loadLive(request.params.id),
      check: (before) => {
        assertKnownTags(ctx.tags, tagIds);
        const next = {
          firstName: fields.firstName ?? before.firstName,
          lastName: fields.lastName ?? before.lastName,
          email: fields.email === undefined ? before.email : fields.email,
        };
        const identityChanged =
          next.firstName !== before.firstName || next.lastName !== before.lastName || next.email !== before.email;
        if (identityChanged) service.assertNoDuplicates(next, confirmDuplicate, before.id);
        beforeTags = ctx.persons.tagIdsOf(before.id);
      },
      write: (before, version) => ctx.persons.update(before.id, version, fields, tagIds),
      diff: (before, after) =>
        diffRecords(auditView(before, beforeTags), auditView(after, ctx.persons.tagIdsOf(after.id))),
    });
    return withEtag(reply, found);
  });

  route(persons.delete, 'manager', async (request, reply) => {
    const found = await personChange(request, 'delete', {
      load: () => loadLive(request.params.id),
      write: (before, version) => ctx.persons.setDeleted(before.id, nowIso(), version),
      diff: (_, after) => ({ deletedAt: [null, after.deletedAt] }),
    });
    return withEtag(reply, found);
  });

  route(persons.restore, 'manager', async (request, reply) => {
    const found = await personChange(request, 'restore', {
      ifMatch: 'optional',
      load: () => {
        const before = loadRow(request.params.id);
        if (before.mergedIntoId) throw personDeleted(before);
        if (before.erasedAt) throw AppError.of('PERSON_ERASED', 'An erased person cannot be restored');
        if (!before.deletedAt) throw AppError.of('PERSON_NOT_DELETED', 'The person is not deleted');
        return before;
      },
      write: (before, version) => ctx.persons.setDeleted(before.id, null, version),
      diff: (before) => ({ deletedAt: [before.deletedAt, null] }),
    });
    return withEtag(reply, found);
  });

  route(persons.history, 'viewer', async (request) => {
    const [row, items] = await Promise.all([
      ctx.read.persons.findRow(request.params.id),
      ctx.read.persons.history(request.params.id),
    ]);
    if (!row) throw notFound('person');
    return { items };
  });

  route(persons.merge, 'manager', async (request, reply) => {
    const { sourceId, keep } = request.body;
    const version = request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);
    return withEtag(reply, await service.merge(request.params.id, sourceId, keep, actor(request), version));
  });

  /**
   * Affiliations, offices and contact points are changed the same way: on a live person, versioned, filed in the
   * person's history, answered as the client shows the row.
   */
  const subRecord = <Row extends { id: number; version: number }, Item extends { version: number }>(
    kind: keyof typeof subRecords,
    {
      find,
      item,
      view,
    }: {
      find: (personId: number, id: number) => Row | undefined;
      item: (id: number) => Item | undefined;
      view: (row: Row) => Record<string, unknown>;
    },
  ) => {
    const itemOf = (id: number) => orNotFound(item(id), kind);
    const change = (request: FastifyRequest, personId: number, id: number, spec: SubChange<Row>) =>
      versionedChange(ctx, request, {
        load: () => orNotFound(find(loadLive(personId).id, id), kind),
        current: (before) => itemOf(before.id),
        check: spec.check,
        write: spec.write,
        audit: (before, after) =>
          subEntry(
            personId,
            kind,
            spec.action,
            after.id,
            spec.action === 'delete' ? diffRecords(view(after), null) : diffRecords(view(before), view(after)),
          ),
      });
    return {
      add: async (request: FastifyRequest, reply: FastifyReply, personId: number, create: () => Row) => {
        const row = await ctx.change(actor(request), create, (c) =>
          subEntry(personId, kind, 'create', c.id, diffRecords(null, view(c))),
        );
        return created(reply, itemOf(row.id));
      },
      update: async (
        request: FastifyRequest,
        reply: FastifyReply,
        personId: number,
        id: number,
        spec: Omit<SubChange<Row>, 'action'>,
      ) => withEtag(reply, itemOf((await change(request, personId, id, { ...spec, action: 'update' })).id)),
      remove: async (
        request: FastifyRequest,
        reply: FastifyReply,
        personId: number,
        id: number,
        write: SubChange<Row>['write'],
      ) => {
        await change(request, personId, id, { action: 'delete', write });
        return reply.code(204).send(null);
      },
    };
  };
  /** A changed affiliation or office names an existing organisation and keeps its dates in order. */
  const checkDatedChange = (before: DateRange, patch: Partial<DateRange> & { organizationId?: number | null }) => {
    const issue = dateRangeIssue({ ...before, ...patch });
    if (issue) throw fieldError(issue.field, issue.message);
    checkOrganizations([{ field: 'organizationId', id: patch.organizationId }]);
  };

  // Affiliations

  const affiliation = subRecord('affiliation', {
    find: ctx.persons.findAffiliation,
    item: ctx.persons.affiliation,
    view: affiliationView,
  });

  route(persons.addAffiliation, 'manager', async (request, reply) => {
    const owner = loadLive(request.params.id);
    checkOrganizations([{ field: 'organizationId', id: request.body.organizationId }]);
    return affiliation.add(request, reply, owner.id, () => ctx.persons.createAffiliation(owner.id, request.body));
  });

  route(persons.updateAffiliation, 'manager', async (request, reply) =>
    affiliation.update(request, reply, request.params.id, request.params.affiliationId, {
      check: (before) => checkDatedChange(before, request.body),
      write: (before, version) => ctx.persons.updateAffiliation(before.id, version, request.body),
    }),
  );

  route(persons.deleteAffiliation, 'manager', async (request, reply) =>
    affiliation.remove(request, reply, request.params.id, request.params.affiliationId, (before, version) =>
      ctx.persons.deleteAffiliation(before.id, version),
    ),
  );

  // Offices

  const office = subRecord('office', { find: ctx.persons.findOffice, item: ctx.persons.office, view: officeView });

  route(persons.addOffice, 'manager', async (request, reply) => {
    const owner = loadLive(request.params.id);
    checkOrganizations([{ field: 'organizationId', id: request.body.organizationId }]);
    return office.add(request, reply, owner.id, () => ctx.persons.createOffice(owner.id, request.body));
  });

  route(persons.updateOffice, 'manager', async (request, reply) =>
    office.update(request, reply, request.params.id, request.params.officeId, {
      check: (before) => checkDatedChange(before, request.body),
      write: (before, version) => ctx.persons.updateOffice(before.id, version, request.body),
    }),
  );

  route(persons.deleteOffice, 'manager', async (request, reply) =>
    office.remove(request, reply, request.params.id, request.params.officeId, (before, version) =>
      ctx.persons.deleteOffice(before.id, version),
    ),
  );

  // Additional e-mail addresses and phone numbers

  const contactPoint = subRecord('contact_point', {
    find: ctx.persons.findContactPoint,
    item: ctx.persons.contactPoint,
    view: contactPointView,
  });
  const checkNewValue = (personId: number, kind: ContactPointRow['kind'], value: string, exceptId?: number) => {
    if (ctx.persons.hasContactValue(personId, kind, value, exceptId))
      throw fieldError('value', 'ist schon eingetragen');
  };

  route(persons.addContactPoint, 'manager', async (request, reply) => {
    const owner = loadLive(request.params.id);
    checkNewValue(owner.id, request.body.kind, request.body.value);
    return contactPoint.add(request, reply, owner.id, () => ctx.persons.createContactPoint(owner.id, request.body));
  });

  route(persons.updateContactPoint, 'manager', async (request, reply) => {
    const { id, contactPointId } = request.params;
    const values = { ...request.body };
    return contactPoint.update(request, reply, id, contactPointId, {
      check: (before) => {
        if (values.value === undefined) return;
        const parsed = contactPointInput.safeParse({ kind: before.kind, value: values.value });
        if (!parsed.success)
          throw fieldError('value', before.kind === 'email' ? 'keine gültige E-Mail-Adresse' : 'höchstens 60 Zeichen');
        values.value = parsed.data.value;
        checkNewValue(id, before.kind, values.value, before.id);
      },
      write: (before, version) => ctx.persons.updateContactPoint(before.id, version, values),
    });
  });

  route(persons.deleteContactPoint, 'manager', async (request, reply) =>
    contactPoint.remove(request, reply, request.params.id, request.params.contactPointId, (before, version) =>
      ctx.persons.deleteContactPoint(before.id, version),
    ),
  );
}
