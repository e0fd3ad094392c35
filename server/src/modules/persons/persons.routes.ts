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
/** What the persons repository offers for each kind of sub-record (`ctx.persons.offices`, …). */
type SubRecords<Row, Item, Values, Patch> = {
  find: (personId: number, id: number) => Row | undefined;
  item: (id: number) => Item | undefined;
  create: (personId: number, values: Values) => Row;
  update: (id: number, version: number, patch: Patch) => Row | undefined;
  remove: (id: number, version: number) => Row | undefined;
};
/** A request as a sub-record route reads it. */
type Request<Params, Body> = FastifyRequest & { params: Params; body: Body };
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
   * person's history, answered as the client shows the row. `check` holds what differs: the rules of an addition and
   * those of a change, which answers the patch to write.
   */
  const subRecord = <
    Row extends { id: number; version: number },
    Item extends { version: number },
    Values,
    Patch,
    Param extends string,
  >(
    kind: keyof typeof subRecords,
    param: Param,
    records: SubRecords<Row, Item, Values, Patch>,
    view: (row: Row) => Record<string, unknown>,
    check: {
      add: (personId: number, values: NoInfer<Values>) => void;
      update: (before: NoInfer<Row>, patch: NoInfer<Patch>) => NoInfer<Patch>;
    },
  ) => {
    type Params = { id: number } & Record<Param, number>;
    const itemOf = (id: number) => orNotFound(records.item(id), kind);
    const change = (request: Request<Params, unknown>, spec: SubChange<Row>) =>
      versionedChange(ctx, request, {
        load: () => orNotFound(records.find(loadLive(request.params.id).id, request.params[param]), kind),
        current: (before) => itemOf(before.id),
        check: spec.check,
        write: spec.write,
        audit: (before, after) =>
          subEntry(
            request.params.id,
            kind,
            spec.action,
            after.id,
            spec.action === 'delete' ? diffRecords(view(after), null) : diffRecords(view(before), view(after)),
          ),
      });
    return {
      add: async (request: Request<{ id: number }, Values>, reply: FastifyReply) => {
        const owner = loadLive(request.params.id);
        check.add(owner.id, request.body);
        const row = await ctx.change(
          actor(request),
          () => records.create(owner.id, request.body),
          (c) => subEntry(owner.id, kind, 'create', c.id, diffRecords(null, view(c))),
        );
        return created(reply, itemOf(row.id));
      },
      update: async (request: Request<Params, Patch>, reply: FastifyReply) => {
        let patch = request.body;
        const after = await change(request, {
          action: 'update',
          check: (before) => {
            patch = check.update(before, request.body);
          },
          write: (before, version) => records.update(before.id, version, patch),
        });
        return withEtag(reply, itemOf(after.id));
      },
      remove: async (request: Request<Params, unknown>, reply: FastifyReply) => {
        await change(request, { action: 'delete', write: (before, version) => records.remove(before.id, version) });
        return reply.code(204).send(null);
      },
    };
  };
  /** A new or changed affiliation or office names an existing organisation; a change keeps its dates in order. */
  const dated = {
    add: (_: number, values: { organizationId: number | null }) =>
      checkOrganizations([{ field: 'organizationId', id: values.organizationId }]),
    update: <P extends Partial<DateRange> & { organizationId?: number | null }>(before: DateRange, patch: P) => {
      const issue = dateRangeIssue({ ...before, ...patch });
      if (issue) throw fieldError(issue.field, issue.message);
      checkOrganizations([{ field: 'organizationId', id: patch.organizationId }]);
      return patch;
    },
  };

  const affiliation = subRecord('affiliation', 'affiliationId', ctx.persons.affiliations, affiliationView, dated);
  route(persons.addAffiliation, 'manager', affiliation.add);
  route(persons.updateAffiliation, 'manager', affiliation.update);
  route(persons.deleteAffiliation, 'manager', affiliation.remove);

  const office = subRecord('office', 'officeId', ctx.persons.offices, officeView, dated);
  route(persons.addOffice, 'manager', office.add);
  route(persons.updateOffice, 'manager', office.update);
  route(persons.deleteOffice, 'manager', office.remove);

  // Additional e-mail addresses and phone numbers: a value is there once per person (main or additional).
  const checkNewValue = (personId: number, kind: ContactPointRow['kind'], value: string, exceptId?: number) => {
    if (ctx.persons.hasContactValue(personId, kind, value, exceptId))
      throw fieldError('value', 'ist schon eingetragen');
  };
  const contactPoint = subRecord('contact_point', 'contactPointId', ctx.persons.contactPoints, contactPointView, {
    add: (personId, values) => checkNewValue(personId, values.kind, values.value),
    update: (before, patch) => {
      if (patch.value === undefined) return patch;
      const parsed = contactPointInput.safeParse({ kind: before.kind, value: patch.value });
      if (!parsed.success)
        throw fieldError('value', before.kind === 'email' ? 'keine gültige E-Mail-Adresse' : 'höchstens 60 Zeichen');
      checkNewValue(before.personId, before.kind, parsed.data.value, before.id);
      return { ...patch, value: parsed.data.value };
    },
  });
  route(persons.addContactPoint, 'manager', contactPoint.add);
  route(persons.updateContactPoint, 'manager', contactPoint.update);
  route(persons.deleteContactPoint, 'manager', contactPoint.remove);
}
