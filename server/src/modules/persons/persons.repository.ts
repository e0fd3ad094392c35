import type { Db } from '@anett/db/client';
import {
  type AffiliationRow,
  affiliations,
  attendances,
  consents,
  interactionPersons,
  offices,
  organizations,
  type PersonRow,
  personContactPoints,
  persons,
  personTags,
  sessionAttendances,
} from '@anett/db/schema';
import { normalizePersonName } from '@anett/shared/normalize';
import { letterSalutation } from '@anett/shared/salutation';
import type { HistoryEntry } from '@anett/shared/schemas/history';
import type {
  Affiliation,
  AffiliationPatch,
  affiliationInput,
  ConsentState,
  ContactPoint,
  ContactPointKind,
  Office,
  OfficePatch,
  officeInput,
  PERSON_SORT_FIELDS,
  Person,
  PersonDuplicateCandidate,
  PersonDuplicateGroup,
  PersonFilter,
  PersonListItem,
  personInput,
} from '@anett/shared/schemas/person';
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteInsertValue } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { countWhere, limitOffset, paged, pageOfTable } from '../../lib/listing.ts';
import { bumped, deleteAtVersion, mergeMoves, missingIds, replaceLinks, updateAtVersion } from '../../lib/rows.ts';
import { berlinToday, nowIso } from '../../lib/time.ts';
import { readHistory } from '../audit/audit.repository.ts';
import { tagRefsOf } from '../tags/tags.repository.ts';
import { hasPersonCriteria, isCurrent, personWhere } from './person-filter.ts';

type PersonCreate = z.output<typeof personInput>;
export type PersonFields = Omit<PersonCreate, 'tagIds' | 'affiliations' | 'offices' | 'confirmDuplicate'>;
type AffiliationValues = z.output<typeof affiliationInput>;
type OfficeValues = z.output<typeof officeInput>;
export type PersonSort = { field: (typeof PERSON_SORT_FIELDS)[number]; desc: boolean };

/** A person's own fields, in the order the detail shows them and the audit log compares them. */
export const personFields = (row: PersonRow) => ({
  salutation: row.salutation,
  title: row.title,
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  phone: row.phone,
  mobile: row.mobile,
  notes: row.notes,
});

/** The current organisation shown for a person: primary first, then the latest start. */
const currentAffiliationOrder = [
  desc(affiliations.isPrimary),
  desc(sql`coalesce(${affiliations.fromDate}, '')`),
  desc(affiliations.id),
];

/** Name as people read it: 'Dr. Anna Müller'. */
export const displayName = (p: Pick<PersonRow, 'title' | 'firstName' | 'lastName'>) =>
  [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');

/** A person as lists of other things name them: id, display name, e-mail. */
export const personRef = <P extends Pick<PersonRow, 'id' | 'title' | 'firstName' | 'lastName' | 'email'>>(
  p: P,
): { id: number; name: string; email: P['email'] } => ({
  id: p.id,
  name: displayName(p),
  email: p.email,
});

export function createPersonsRepository(db: Db) {
  const byId = db.query.persons.findFirst({ where: (p, { eq }) => eq(p.id, sql.placeholder('id')) }).prepare();

  const tagsOf = (ids: number[]) => tagRefsOf(db, 'person', ids);

  /** Per person: the organisation of its primary (else latest) current affiliation. */
  function currentOrganizationsOf(ids: number[]) {
    const out = new Map<
      number,
      { organization: { id: number; name: string }; function: string | null; district: string | null }
    >();
    if (!ids.length) return out;
    const rows = db
      .select({
        personId: affiliations.personId,
        id: organizations.id,
        name: organizations.name,
        district: organizations.district,
        function: affiliations.function,
      })
      .from(affiliations)
      .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
      .where(
        and(
          inArray(affiliations.personId, ids),
          isCurrent(affiliations.toDate, berlinToday()),
          isNull(organizations.deletedAt),
        ),
      )
      .orderBy(...currentAffiliationOrder)
      .all();
    for (const r of rows) {
      if (!out.has(r.personId)) {
        out.set(r.personId, { organization: { id: r.id, name: r.name }, function: r.function, district: r.district });
      }
    }
    return out;
  }

  /** The name of the organisation a person is listed with (same choice as currentOrganizationsOf), for sorting. */
  const organizationSortKey = () => sql`(SELECT ${organizations.sortKey} FROM ${affiliations}
    INNER JOIN ${organizations} ON ${organizations.id} = ${affiliations.organizationId}
    WHERE ${affiliations.personId} = ${persons.id} AND ${isCurrent(affiliations.toDate, berlinToday())}
      AND ${organizations.deletedAt} IS NULL
    ORDER BY ${affiliations.isPrimary} DESC, coalesce(${affiliations.fromDate}, '') DESC, ${affiliations.id} DESC LIMIT 1)`;

  function orderBy(sort: PersonSort | undefined): SQL[] {
    const dir = sort?.desc ? desc : asc;
    switch (sort?.field ?? 'lastName') {
      case 'lastName':
        return [dir(persons.sortKey), dir(persons.id)];
      case 'firstName':
        return [dir(sql`${persons.firstName} COLLATE NOCASE`), dir(persons.sortKey), dir(persons.id)];
      case 'email':
        return [dir(persons.email), dir(persons.id)];
      case 'createdAt':
        return [dir(persons.createdAt), dir(persons.id)];
      case 'updatedAt':
        return [dir(persons.updatedAt), dir(persons.id)];
      case 'organization': {
        const key = organizationSortKey();
        // Persons without a current organisation come last in both directions.
        return [sql`${key} IS NULL`, dir(key), asc(persons.sortKey), asc(persons.id)];
      }
    }
  }

  function listItems(rows: PersonRow[]): PersonListItem[] {
    const ids = rows.map((r) => r.id);
    const tagMap = tagsOf(ids);
    const orgMap = currentOrganizationsOf(ids);
    return rows.map((r) => {
      const org = orgMap.get(r.id);
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        salutation: r.salutation,
        title: r.title,
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        phone: r.phone,
        mobile: r.mobile,
        tags: tagMap.get(r.id) ?? [],
        deletedAt: r.deletedAt,
        organization: org?.organization ?? null,
        function: org?.function ?? null,
        district: org?.district ?? null,
      };
    });
  }

  /** The tables of rows a person owns (affiliations, offices, contact points): looked up and added the same way. */
  type PersonPart = typeof affiliations | typeof offices | typeof personContactPoints;

  /** The part `id` if it belongs to the person (a route's person id and part id must match). */
  function ownRow<T extends PersonPart>(table: T, personId: number, id: number) {
    return db
      .select()
      .from(table)
      .where(and(eq(table.id, id), eq(table.personId, personId)))
      .get();
  }

  /** Adds a part row and returns it as stored (with its id and version). */
  function addRow<T extends PersonPart>(table: T, row: SQLiteInsertValue<T>) {
    return db.insert(table).values(row).returning().get();
  }

  function affiliationsOf(where: SQL): Affiliation[] {
    const today = berlinToday();
    return db
      .select({ a: affiliations, orgName: organizations.name })
      .from(affiliations)
      .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
      .where(where)
      .orderBy(desc(isCurrent(affiliations.toDate, today)), ...currentAffiliationOrder)
      .all()
      .map(({ a, orgName }) => ({
        id: a.id,
        version: a.version,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        organization: { id: a.organizationId, name: orgName },
        function: a.function,
        isPrimary: a.isPrimary,
        fromDate: a.fromDate,
        toDate: a.toDate,
        current: a.toDate === null || a.toDate >= today,
      }));
  }

  function officesOf(where: SQL): Office[] {
    const today = berlinToday();
    return db
      .select({ o: offices, orgName: organizations.name })
      .from(offices)
      .leftJoin(organizations, eq(organizations.id, offices.organizationId))
      .where(where)
      .orderBy(desc(isCurrent(offices.toDate, today)), desc(sql`coalesce(${offices.fromDate}, '')`), desc(offices.id))
      .all()
      .map(({ o, orgName }) => ({
        id: o.id,
        version: o.version,
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
        title: o.title,
        jurisdiction: o.jurisdiction,
        organization: o.organizationId !== null && orgName !== null ? { id: o.organizationId, name: orgName } : null,
        fromDate: o.fromDate,
        toDate: o.toDate,
        current: (o.toDate === null || o.toDate >= today) && (o.fromDate === null || o.fromDate <= today),
      }));
  }

  /** Latest ledger entry per channel (by recording time: merged-in entries keep their original time). */
  function consentStateOf(personId: number): ConsentState[] {
    const rows = db
      .select()
      .from(consents)
      .where(eq(consents.personId, personId))
      .orderBy(desc(consents.recordedAt), desc(consents.id))
      .all();
    const latest = new Map<string, ConsentState>();
    for (const c of rows) {
      if (latest.has(c.channel)) continue;
      latest.set(c.channel, {
        channel: c.channel as ConsentState['channel'],
        status: c.status,
        source: c.source,
        legalBasis: c.legalBasis,
        recordedAt: c.recordedAt,
      });
    }
    return [...latest.values()].sort((a, b) => a.channel.localeCompare(b.channel));
  }

  function contactPointsOf(personId: number): ContactPoint[] {
    return db
      .select()
      .from(personContactPoints)
      .where(eq(personContactPoints.personId, personId))
      .orderBy(asc(personContactPoints.kind), asc(personContactPoints.id))
      .all()
      .map(({ personId: _, ...c }) => c);
  }

  function detail(id: number): Person | undefined {
    const row = byId.get({ id });
    if (!row) return undefined;
    const officeList = officesOf(eq(offices.personId, id));
    const currentOffice = officeList.find((o) => o.current);
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      ...personFields(row),
      tags: tagsOf([id]).get(id) ?? [],
      deletedAt: row.deletedAt,
      mergedIntoId: row.mergedIntoId,
      erasedAt: row.erasedAt,
      affiliations: affiliationsOf(eq(affiliations.personId, id)),
      offices: officeList,
      consents: consentStateOf(id),
      contactPoints: contactPointsOf(id),
      letterSalutation: letterSalutation({ ...row, office: currentOffice?.title }),
    };
  }

  function candidatesFrom(
    rows: Pick<PersonRow, 'id' | 'title' | 'firstName' | 'lastName' | 'email'>[],
    reasonOf: (r: (typeof rows)[number]) => 'email' | 'name',
  ): PersonDuplicateCandidate[] {
    const orgMap = currentOrganizationsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...personRef(r),
      organization: orgMap.get(r.id)?.organization ?? null,
      reason: reasonOf(r),
    }));
  }

  const live = () => and(isNull(persons.deletedAt), isNull(persons.erasedAt));
  const lowerEmail = sql<string>`lower(${persons.email})`;
  /** Persons with one of the (lower-case) addresses as an additional e-mail. */
  const withAdditionalEmail = (emails: string[]) =>
    inArray(
      persons.id,
      db
        .select({ id: personContactPoints.personId })
        .from(personContactPoints)
        .where(and(eq(personContactPoints.kind, 'email'), inArray(sql`lower(${personContactPoints.value})`, emails))),
    );
  /** Live persons with one of the (lower-case) e-mails, main or additional, or one of the normalised names. */
  const sharingKeys = (emails: string[], nameKeys: string[]) =>
    and(
      live(),
      or(
        emails.length ? inArray(lowerEmail, emails) : undefined,
        emails.length ? withAdditionalEmail(emails) : undefined,
        nameKeys.length ? inArray(persons.nameKey, nameKeys) : undefined,
      ),
    );
  /** Per person of `rows`, all its e-mail addresses in lower case (main and additional): which one it shares. */
  function emailsOf(rows: Pick<PersonRow, 'id' | 'email'>[]): (row: Pick<PersonRow, 'id' | 'email'>) => string[] {
    const additional = new Map<number, string[]>();
    const ids = rows.map((r) => r.id);
    const found = ids.length
      ? db
          .select({ personId: personContactPoints.personId, value: personContactPoints.value })
          .from(personContactPoints)
          .where(and(eq(personContactPoints.kind, 'email'), inArray(personContactPoints.personId, ids)))
          .all()
      : [];
    for (const r of found) additional.set(r.personId, [...(additional.get(r.personId) ?? []), r.value.toLowerCase()]);
    return (row) => [...(row.email ? [row.email.toLowerCase()] : []), ...(additional.get(row.id) ?? [])];
  }

  /** Unsets the primary flag of the person's other affiliations (one primary at a time). */
  function demoteOtherPrimaries(personId: number, keepId: number) {
    db.update(affiliations)
      .set({ isPrimary: false, ...bumped() })
      .where(and(eq(affiliations.personId, personId), eq(affiliations.isPrimary, true), ne(affiliations.id, keepId)))
      .run();
  }

  const replaceTags = (personId: number, tagIds: number[]) =>
    replaceLinks(db, personTags, personTags.personId, personId, tagIds, (tagId) => ({ personId, tagId }));

  return {
    findRow(id: number): PersonRow | undefined {
      return byId.get({ id });
    },

    detail,

    tagIdsOf(id: number): number[] {
      return db
        .select({ id: personTags.tagId })
        .from(personTags)
        .where(eq(personTags.personId, id))
        .orderBy(asc(personTags.tagId))
        .all()
        .map((r) => r.id);
    },

    list(query: PersonFilter & { page: number; pageSize: number; sort?: PersonSort }) {
      const where = personWhere(query);
      const order = orderBy(query.sort);
      if (!hasPersonCriteria(query)) {
        const { rows, total } = pageOfTable(db, persons, where, order, query);
        return { items: listItems(rows), total };
      }
      // Filter subqueries are costly: evaluate them once for both the page and the total.
      const page = paged(
        db
          .select({ id: persons.id, total: sql<number>`count(*) OVER ()` })
          .from(persons)
          .where(where)
          .orderBy(...order)
          .$dynamic(),
        query,
      ).all();
      const total = page[0]?.total ?? (query.page > 1 ? countWhere(db, persons, where) : 0);
      const ids = page.map((r) => r.id);
      const rowsById = new Map(
        (ids.length ? db.select().from(persons).where(inArray(persons.id, ids)).all() : []).map((r) => [r.id, r]),
      );
      return { items: listItems(ids.map((id) => rowsById.get(id) as PersonRow)), total };
    },

    /** Ids among `ids` that are not live organisations. */
    missingOrganizations(ids: number[]): number[] {
      return missingIds(db, organizations.id, [...new Set(ids)], isNull(organizations.deletedAt));
    },

    /**
     * Live persons with the same e-mail (case-insensitive; main or additional, on either side) or the same normalised
     * name.
     */
    duplicateCandidates(
      values: { firstName: string; lastName: string; email: string | null; additionalEmails?: string[] },
      excludeId?: number,
    ) {
      const nameKey = normalizePersonName(values.firstName, values.lastName);
      const emails = [
        ...new Set([values.email, ...(values.additionalEmails ?? [])].flatMap((e) => e?.trim().toLowerCase() || [])),
      ];
      const rows = db
        .select()
        .from(persons)
        .where(
          and(
            sharingKeys(emails, nameKey ? [nameKey] : []),
            excludeId === undefined ? undefined : ne(persons.id, excludeId),
          ),
        )
        .orderBy(asc(persons.sortKey), asc(persons.id))
        .limit(20)
        .all();
      const emailsOfRow = emailsOf(rows);
      return candidatesFrom(rows, (r) => (emailsOfRow(r).some((e) => emails.includes(e)) ? 'email' : 'name'));
    },

    /** Groups of live persons sharing an e-mail (main or additional) or a normalised name, e-mail groups first. */
    duplicateGroups(paging: { page: number; pageSize: number }): { items: PersonDuplicateGroup[]; total: number } {
      const addresses = sql`SELECT ${persons.id} AS person_id, lower(${persons.email}) AS key FROM ${persons}
          WHERE ${live()} AND ${persons.email} IS NOT NULL AND ${persons.email} <> ''
        UNION
        SELECT c.person_id, lower(c.value) FROM ${personContactPoints} c JOIN ${persons} ON ${persons.id} = c.person_id
          WHERE c.kind = 'email' AND ${live()}`;
      const groups = sql`SELECT 'email' AS reason, key FROM (${addresses})
          GROUP BY key HAVING count(DISTINCT person_id) > 1
        UNION ALL
        SELECT 'name' AS reason, ${persons.nameKey} AS key FROM ${persons}
          WHERE ${live()} AND ${persons.nameKey} <> ''
          GROUP BY ${persons.nameKey} HAVING count(*) > 1`;
      const { limit, offset } = limitOffset(paging);
      const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${groups})`)?.n ?? 0;
      const page = db.all<{ reason: 'email' | 'name'; key: string }>(
        sql`SELECT reason, key FROM (${groups}) ORDER BY reason, key LIMIT ${limit} OFFSET ${offset}`,
      );
      if (!page.length) return { items: [], total };
      const emails = page.filter((g) => g.reason === 'email').map((g) => g.key);
      const names = page.filter((g) => g.reason === 'name').map((g) => g.key);
      const members = db
        .select()
        .from(persons)
        .where(sharingKeys(emails, names))
        .orderBy(asc(persons.createdAt), asc(persons.id))
        .all();
      const emailsOfMember = emailsOf(members);
      const items = page.map((g) => {
        const inGroup = members.filter((m) =>
          g.reason === 'email' ? emailsOfMember(m).includes(g.key) : m.nameKey === g.key,
        );
        return { reason: g.reason, key: g.key, persons: candidatesFrom(inGroup, () => g.reason) };
      });
      return { items, total };
    },

    create(
      values: PersonFields,
      links: { tagIds: number[]; affiliations: AffiliationValues[]; offices: OfficeValues[] },
    ) {
      return db.transaction(
        () => {
          const row = db
            .insert(persons)
            .values({ ...values, nameKey: normalizePersonName(values.firstName, values.lastName) })
            .returning()
            .get();
          replaceTags(row.id, links.tagIds);
          for (const a of links.affiliations)
            db.insert(affiliations)
              .values({ ...a, personId: row.id })
              .run();
          for (const o of links.offices)
            db.insert(offices)
              .values({ ...o, personId: row.id })
              .run();
          return row;
        },
        { behavior: 'immediate' },
      );
    },

    /** Optimistic update: undefined when the version no longer matches. Given `tagIds` replace the tag set. */
    update(id: number, version: number, values: Partial<PersonFields>, tagIds?: number[]): PersonRow | undefined {
      return db.transaction(
        () => {
          const before = byId.get({ id });
          if (!before || before.version !== version) return undefined;
          const names = {
            firstName: values.firstName ?? before.firstName,
            lastName: values.lastName ?? before.lastName,
          };
          const row = db
            .update(persons)
            .set({ ...values, nameKey: normalizePersonName(names.firstName, names.lastName), ...bumped() })
            .where(and(eq(persons.id, id), eq(persons.version, version)))
            .returning()
            .get();
          if (row && tagIds) replaceTags(id, tagIds);
          return row;
        },
        { behavior: 'immediate' },
      );
    },

    /** Soft delete (a timestamp) or restore (null); with a version, only if it still matches. */
    setDeleted(id: number, deletedAt: string | null, version?: number): PersonRow | undefined {
      return db
        .update(persons)
        .set({ deletedAt, ...bumped() })
        .where(and(eq(persons.id, id), version === undefined ? undefined : eq(persons.version, version)))
        .returning()
        .get();
    },

    /** Audit entries of the person and of everyone merged into it (transitively), newest first. */
    history(id: number): HistoryEntry[] {
      return readHistory(db, 'person', persons, id);
    },

    // Sub-records, each with the same five calls: the routes change all three kinds alike.

    affiliations: {
      find: (personId: number, affiliationId: number) => ownRow(affiliations, personId, affiliationId),
      item: (id: number): Affiliation | undefined => affiliationsOf(eq(affiliations.id, id))[0],
      create(personId: number, values: AffiliationValues): AffiliationRow {
        return db.transaction(
          () => {
            const row = addRow(affiliations, { ...values, personId });
            if (row.isPrimary) demoteOtherPrimaries(personId, row.id);
            return row;
          },
          { behavior: 'immediate' },
        );
      },
      update(id: number, version: number, values: AffiliationPatch): AffiliationRow | undefined {
        return db.transaction(
          () => {
            const row = updateAtVersion(db, affiliations, id, version, values);
            if (row?.isPrimary && values.isPrimary) demoteOtherPrimaries(row.personId, row.id);
            return row;
          },
          { behavior: 'immediate' },
        );
      },
      remove: (id: number, version: number) => deleteAtVersion(db, affiliations, id, version),
    },

    offices: {
      find: (personId: number, officeId: number) => ownRow(offices, personId, officeId),
      item: (id: number): Office | undefined => officesOf(eq(offices.id, id))[0],
      create: (personId: number, values: OfficeValues) => addRow(offices, { ...values, personId }),
      update: (id: number, version: number, values: OfficePatch) => updateAtVersion(db, offices, id, version, values),
      remove: (id: number, version: number) => deleteAtVersion(db, offices, id, version),
    },

    /** Additional e-mail addresses and phone numbers. */
    contactPoints: {
      find: (personId: number, contactPointId: number) => ownRow(personContactPoints, personId, contactPointId),
      item(id: number): ContactPoint | undefined {
        const row = db.select().from(personContactPoints).where(eq(personContactPoints.id, id)).get();
        if (!row) return undefined;
        const { personId: _, ...c } = row;
        return c;
      },
      create: (personId: number, values: { kind: ContactPointKind; value: string; label: string | null }) =>
        addRow(personContactPoints, { ...values, personId }),
      update: (id: number, version: number, values: { value?: string; label?: string | null }) =>
        updateAtVersion(db, personContactPoints, id, version, values),
      remove: (id: number, version: number) => deleteAtVersion(db, personContactPoints, id, version),
    },

    /** Whether the person already has this value (main field of that kind or an additional one; e-mails ignore case). */
    hasContactValue(personId: number, kind: ContactPointKind, value: string, exceptId?: number): boolean {
      const person = byId.get({ id: personId });
      const same = (v: string | null | undefined) =>
        v != null && (kind === 'email' ? v.toLowerCase() === value.toLowerCase() : v.trim() === value.trim());
      if (person && (kind === 'email' ? same(person.email) : same(person.phone) || same(person.mobile))) return true;
      return db
        .select()
        .from(personContactPoints)
        .where(
          and(
            eq(personContactPoints.personId, personId),
            kind === 'email' ? eq(personContactPoints.kind, 'email') : ne(personContactPoints.kind, 'email'),
            exceptId === undefined ? undefined : ne(personContactPoints.id, exceptId),
          ),
        )
        .all()
        .some((c) => same(c.value));
    },

    /** Removes additional values that repeat the person's main ones or each other (after a merge); returns them. */
    dedupeContactPoints(personId: number): { kind: ContactPointKind; value: string }[] {
      const person = byId.get({ id: personId });
      const seen = new Set(
        [person?.email?.toLowerCase(), person?.phone?.trim(), person?.mobile?.trim()].filter((v) => v),
      );
      const dropped: { kind: ContactPointKind; value: string }[] = [];
      const rows = db
        .select()
        .from(personContactPoints)
        .where(eq(personContactPoints.personId, personId))
        .orderBy(asc(personContactPoints.id))
        .all();
      for (const c of rows) {
        const key = c.kind === 'email' ? c.value.toLowerCase() : c.value.trim();
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        db.delete(personContactPoints).where(eq(personContactPoints.id, c.id)).run();
        dropped.push({ kind: c.kind, value: c.value });
      }
      return dropped;
    },

    // Merge

    /**
     * Moves everything linked to `sourceId` onto `targetId` (call inside `transaction`). Where both attended the same
     * event (or session) the target's row stays and the source's is returned as `dropped`; consents are copied, since
     * the ledger is append-only, keeping their recording time; the source keeps its own consent rows.
     */
    moveLinks(sourceId: number, targetId: number) {
      const at = nowIso();
      const { reassign, links } = mergeMoves(db, sourceId, targetId, at);
      const targetHasPrimary =
        db
          .select({ id: affiliations.id })
          .from(affiliations)
          .where(
            and(
              eq(affiliations.personId, targetId),
              eq(affiliations.isPrimary, true),
              isCurrent(affiliations.toDate, berlinToday()),
            ),
          )
          .get() !== undefined;
      const movedAffiliations = db
        .update(affiliations)
        .set({
          personId: targetId,
          ...(targetHasPrimary ? { isPrimary: false } : {}),
          version: sql`version + 1`,
          updatedAt: at,
        })
        .where(eq(affiliations.personId, sourceId))
        .run().changes;
      const movedOffices = reassign(offices.personId);

      const movedTags = links(personTags.personId, personTags.tagId);

      // Where both attended the same event (or session), the source's row goes and the target's stays.
      const dropShared = <T extends typeof attendances | typeof sessionAttendances>(table: T, key: SQLiteColumn) =>
        db
          .delete(table)
          .where(
            and(
              eq(table.personId, sourceId),
              inArray(key, db.select({ key }).from(table).where(eq(table.personId, targetId))),
            ),
          )
          .returning()
          .all() as T['$inferSelect'][];
      const droppedAttendances = dropShared(attendances, attendances.eventId);
      const movedAttendances = reassign(attendances.personId);
      const droppedSessions = dropShared(sessionAttendances, sessionAttendances.sessionId);
      const movedSessions = db
        .update(sessionAttendances)
        .set({ personId: targetId })
        .where(eq(sessionAttendances.personId, sourceId))
        .run().changes;

      const movedInteractions = links(interactionPersons.personId, interactionPersons.interactionId);

      const movedContactPoints = reassign(personContactPoints.personId);

      const copiedConsents = db.run(
        sql`INSERT INTO ${consents} (person_id, channel, status, legal_basis, source, evidence, recorded_at, recorded_by_id)
            SELECT ${targetId}, channel, status, legal_basis, source, evidence, recorded_at, recorded_by_id
            FROM ${consents} WHERE person_id = ${sourceId} ORDER BY id`,
      ).changes;

      return {
        moved: {
          affiliations: movedAffiliations,
          offices: movedOffices,
          tags: movedTags,
          attendances: movedAttendances,
          sessionAttendances: movedSessions,
          interactions: movedInteractions,
          consents: copiedConsents,
          contactPoints: movedContactPoints,
        },
        droppedAttendances,
        droppedSessionAttendances: droppedSessions,
      };
    },

    markMerged(sourceId: number, targetId: number): PersonRow | undefined {
      return db
        .update(persons)
        .set({ deletedAt: nowIso(), mergedIntoId: targetId, ...bumped() })
        .where(eq(persons.id, sourceId))
        .returning()
        .get();
    },
  };
}
export type PersonsRepository = ReturnType<typeof createPersonsRepository>;
