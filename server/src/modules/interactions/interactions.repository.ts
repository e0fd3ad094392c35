import { type Db, immediate } from '@anett/db/client';
import {
  affiliations,
  events,
  interactionOrganizations,
  interactionPersons,
  interactions,
  interactionTopics,
  nodes,
  organizations,
  persons,
  topics,
  users,
} from '@anett/db/schema';
import type { FollowUp, Interaction, interactionCreate, interactionPatch } from '@anett/shared/schemas/interaction';
import type { InteractionKind } from '@anett/shared/vocab/enums';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { FieldError } from '../../lib/errors.ts';
import { countWhere, ftsQuery, inIds, paged } from '../../lib/listing.ts';
import { atVersion, bumped } from '../../lib/rows.ts';
import { nowIso } from '../../lib/time.ts';

type InteractionCreateValues = z.output<typeof interactionCreate>;
export type InteractionChanges = z.output<typeof interactionPatch>;
type LinkSets = { personIds?: number[]; organizationIds?: number[]; topicIds?: number[] };

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Display name of a person: 'Dr. Anna Müller'. */
export const personNameSql = (p: typeof persons = persons) =>
  sql<string>`trim(coalesce(${p.title} || ' ', '') || ${p.firstName} || ' ' || ${p.lastName})`;

export type InteractionFilter = {
  q?: string;
  personId?: number;
  organizationId?: number;
  nodeId?: number;
  kind?: InteractionKind[];
  topic?: number[];
  authorId?: number;
  from?: string;
  to?: string;
  followUp?: 'due' | 'open' | 'done';
};

const openFollowUp = () =>
  and(isNull(interactions.deletedAt), isNotNull(interactions.followUpOn), isNull(interactions.followUpDoneAt)) as SQL;

/** The one definition of "which interactions match" (deleted ones never do). */
export function interactionWhere(filter: InteractionFilter, today: string): SQL {
  const i = interactions;
  const conditions: (SQL | undefined)[] = [isNull(i.deletedAt)];
  // Every word (as a prefix, accent-insensitive) in subject or summary.
  const match = ftsQuery(filter.q);
  if (match)
    conditions.push(sql`${i.id} IN (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ${match})`);
  if (filter.personId) {
    conditions.push(
      sql`${i.id} IN (SELECT ${interactionPersons.interactionId} FROM ${interactionPersons} WHERE ${interactionPersons.personId} = ${filter.personId})`,
    );
  }
  if (filter.organizationId) {
    conditions.push(
      sql`${i.id} IN (SELECT ${interactionOrganizations.interactionId} FROM ${interactionOrganizations} WHERE ${interactionOrganizations.organizationId} = ${filter.organizationId})`,
    );
  }
  if (filter.nodeId) conditions.push(eq(i.nodeId, filter.nodeId));
  if (filter.kind?.length) conditions.push(inArray(i.kind, filter.kind));
  if (filter.topic?.length) {
    conditions.push(
      sql`${i.id} IN (SELECT ${interactionTopics.interactionId} FROM ${interactionTopics} WHERE ${inArray(interactionTopics.topicId, filter.topic)})`,
    );
  }
  if (filter.authorId) conditions.push(eq(i.authorId, filter.authorId));
  if (filter.from) conditions.push(sql`${i.occurredAt} >= ${filter.from}`);
  if (filter.to) conditions.push(lt(i.occurredAt, nextDay(filter.to)));
  if (filter.followUp === 'open') conditions.push(openFollowUp());
  if (filter.followUp === 'due') conditions.push(openFollowUp(), lte(i.followUpOn, today));
  if (filter.followUp === 'done') conditions.push(isNotNull(i.followUpDoneAt));
  return and(...conditions) as SQL;
}

const baseColumns = {
  id: interactions.id,
  version: interactions.version,
  createdAt: interactions.createdAt,
  updatedAt: interactions.updatedAt,
  occurredAt: interactions.occurredAt,
  kind: interactions.kind,
  subject: interactions.subject,
  summary: interactions.summary,
  direction: interactions.direction,
  nodeId: interactions.nodeId,
  nodeName: nodes.name,
  eventId: interactions.eventId,
  eventTitle: events.title,
  followUpOn: interactions.followUpOn,
  followUpDoneAt: interactions.followUpDoneAt,
  authorId: interactions.authorId,
  authorName: users.name,
  deletedAt: interactions.deletedAt,
};

function selectBase(db: Db) {
  return db
    .select(baseColumns)
    .from(interactions)
    .leftJoin(nodes, eq(nodes.id, interactions.nodeId))
    .leftJoin(events, eq(events.id, interactions.eventId))
    .leftJoin(users, eq(users.id, interactions.authorId))
    .$dynamic();
}
type BaseRow = Awaited<ReturnType<ReturnType<typeof selectBase>['all']>>[number];

const groupBy = <T extends { interactionId: number }>(rows: T[]) => {
  const map = new Map<number, Omit<T, 'interactionId'>[]>();
  for (const { interactionId, ...rest } of rows) {
    const list = map.get(interactionId) ?? [];
    list.push(rest);
    map.set(interactionId, list);
  }
  return map;
};

/**
 * Interactions as API items, with persons, organisations and topics loaded in one query each for all rows. The
 * statements are prepared once: building drizzle queries anew cost more than running them.
 */
export function createInteractionReader(db: Db) {
  const base = selectBase(db).where(inIds(interactions.id)).prepare();
  /** Per interaction, the persons or organisations it names (id and display name), in list order. */
  const namedOf = (
    link: typeof interactionPersons | typeof interactionOrganizations,
    ref: SQLiteColumn,
    target: typeof persons | typeof organizations,
    name: SQL<string> | typeof organizations.name,
  ) =>
    db
      .select({ interactionId: link.interactionId, id: target.id, name })
      .from(link)
      .innerJoin(target, eq(target.id, ref))
      .where(inIds(link.interactionId))
      .orderBy(asc(target.sortKey), asc(target.id))
      .prepare();
  const personsOf = namedOf(interactionPersons, interactionPersons.personId, persons, personNameSql());
  const organizationsOf = namedOf(
    interactionOrganizations,
    interactionOrganizations.organizationId,
    organizations,
    organizations.name,
  );
  const topicsOf = db
    .select({
      interactionId: interactionTopics.interactionId,
      id: topics.id,
      slug: topics.slug,
      label: topics.label,
      labelEn: topics.labelEn,
    })
    .from(interactionTopics)
    .innerJoin(topics, eq(topics.id, interactionTopics.topicId))
    .where(inIds(interactionTopics.interactionId))
    .orderBy(asc(topics.label))
    .prepare();

  function withLinks(rows: BaseRow[]): Interaction[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const personRows = groupBy(personsOf.all({ ids }));
    const organizationRows = groupBy(organizationsOf.all({ ids }));
    const topicRows = groupBy(topicsOf.all({ ids }));
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      occurredAt: r.occurredAt,
      kind: r.kind as InteractionKind,
      subject: r.subject,
      summary: r.summary,
      direction: r.direction,
      persons: personRows.get(r.id) ?? [],
      organizations: organizationRows.get(r.id) ?? [],
      node: r.nodeId !== null && r.nodeName !== null ? { id: r.nodeId, name: r.nodeName } : null,
      event: r.eventId !== null && r.eventTitle !== null ? { id: r.eventId, title: r.eventTitle } : null,
      topics: topicRows.get(r.id) ?? [],
      followUpOn: r.followUpOn,
      followUpDoneAt: r.followUpDoneAt,
      author: r.authorId !== null && r.authorName !== null ? { id: r.authorId, name: r.authorName } : null,
      deletedAt: r.deletedAt,
    }));
  }

  return {
    withLinks,
    /** Interactions by id (deleted ones too) as API items, in the order of `ids` (unknown ones left out). */
    byIds(ids: number[]): Interaction[] {
      if (ids.length === 0) return [];
      const byId = new Map(withLinks(base.all({ ids: JSON.stringify(ids) })).map((i) => [i.id, i]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}

const sortOrder = (field: string | undefined, descending: boolean, textSearch: boolean): SQL[] => {
  const dir = descending ? desc : asc;
  switch (field) {
    case 'subject':
      return [dir(sql`${interactions.subject} COLLATE NOCASE`), dir(interactions.id)];
    case 'kind':
      return [dir(interactions.kind), desc(interactions.occurredAt), desc(interactions.id)];
    case 'followUpOn':
      // Interactions without a follow-up come last either way.
      return [sql`${interactions.followUpOn} IS NULL`, dir(interactions.followUpOn), dir(interactions.id)];
    default:
      // A text search matches few rows: scanning the table and sorting them beats walking the date index (3×).
      return [dir(textSearch ? sql`+${interactions.occurredAt}` : interactions.occurredAt), dir(interactions.id)];
  }
};

export function createInteractionsRepository(db: Db) {
  const reader = createInteractionReader(db);
  const link = (
    table: typeof interactionPersons | typeof interactionOrganizations | typeof interactionTopics,
    column: string,
  ) => ({
    clear: db
      .delete(table)
      .where(eq(table.interactionId, sql.placeholder('id')))
      .prepare(),
    insert: db
      .insert(table)
      .values({ interactionId: sql.placeholder('id'), [column]: sql.placeholder('ref') } as never)
      .prepare(),
  });
  const links = {
    personIds: link(interactionPersons, 'personId'),
    organizationIds: link(interactionOrganizations, 'organizationId'),
    topicIds: link(interactionTopics, 'topicId'),
  };
  /** Replaces the given link sets (a set left undefined stays as it is); `fresh` rows have none to clear. */
  function setLinks(id: number, sets: LinkSets, fresh = false) {
    for (const key of Object.keys(links) as (keyof LinkSets)[]) {
      const refs = sets[key];
      if (!refs) continue;
      if (!fresh) links[key].clear.run({ id });
      for (const ref of new Set(refs)) links[key].insert.run({ id, ref });
    }
  }
  const insert = db
    .insert(interactions)
    .values({
      occurredAt: sql.placeholder('occurredAt'),
      kind: sql.placeholder('kind'),
      subject: sql.placeholder('subject'),
      summary: sql.placeholder('summary'),
      nodeId: sql.placeholder('nodeId'),
      eventId: sql.placeholder('eventId'),
      followUpOn: sql.placeholder('followUpOn'),
      authorId: sql.placeholder('authorId'),
      mailKey: sql.placeholder('mailKey'),
      direction: sql.placeholder('direction'),
    })
    .returning({ id: interactions.id })
    .prepare();
  const liveIds = (table: typeof persons | typeof organizations | typeof events) =>
    db
      .select({ id: table.id })
      .from(table)
      .where(and(inIds(table.id), isNull(table.deletedAt)))
      .prepare();
  const live = { persons: liveIds(persons), organizations: liveIds(organizations), events: liveIds(events) };
  const knownNodes = db.select({ id: nodes.id }).from(nodes).where(inIds(nodes.id)).prepare();
  const knownTopics = db.select({ id: topics.id }).from(topics).where(inIds(topics.id)).prepare();
  const currentAffiliations = db
    .select({
      personId: affiliations.personId,
      organizationId: affiliations.organizationId,
      isPrimary: affiliations.isPrimary,
    })
    .from(affiliations)
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(
      and(
        inIds(affiliations.personId),
        isNull(organizations.deletedAt),
        or(isNull(affiliations.toDate), sql`${affiliations.toDate} >= ${sql.placeholder('today')}`),
        or(isNull(affiliations.fromDate), lte(affiliations.fromDate, sql.placeholder('today'))),
      ),
    )
    .orderBy(asc(affiliations.id))
    .prepare();

  const missing = (wanted: number[], found: { id: number }[]) => {
    const have = new Set(found.map((r) => r.id));
    return [...new Set(wanted)].filter((id) => !have.has(id));
  };

  return {
    /** The interaction as an API item, or undefined when unknown or deleted. */
    get(id: number): Interaction | undefined {
      const item = reader.byIds([id])[0];
      return item && item.deletedAt === null ? item : undefined;
    },

    authorOf(id: number): number | null {
      return (
        db.select({ authorId: interactions.authorId }).from(interactions).where(eq(interactions.id, id)).get()
          ?.authorId ?? null
      );
    },

    list(
      query: InteractionFilter & { page: number; pageSize: number; sort?: { field: string; desc: boolean } },
      today: string,
    ) {
      const where = interactionWhere(query, today);
      const order = sortOrder(query.sort?.field, query.sort ? query.sort.desc : true, Boolean(query.q?.trim()));
      const rows = paged(
        selectBase(db)
          .where(where)
          .orderBy(...order),
        query,
      ).all();
      return { items: reader.withLinks(rows), total: countWhere(db, interactions, where) };
    },

    /** Field errors for referenced records that do not exist (or are deleted); empty when all are known. */
    unknownReferences(refs: {
      personIds?: number[];
      organizationIds?: number[];
      nodeId?: number | null;
      eventId?: number | null;
      topicIds?: number[];
    }): FieldError[] {
      const errors: FieldError[] = [];
      const check = (
        field: string,
        wanted: number[] | undefined,
        known: { all(p: { ids: string }): { id: number }[] },
      ) => {
        if (!wanted?.length) return;
        const unknown = missing(wanted, known.all({ ids: JSON.stringify(wanted) }));
        if (unknown.length) errors.push({ field, message: `unbekannt: ${unknown.join(', ')}` });
      };
      check('personIds', refs.personIds, live.persons);
      check('organizationIds', refs.organizationIds, live.organizations);
      check('nodeId', refs.nodeId ? [refs.nodeId] : undefined, knownNodes);
      check('eventId', refs.eventId ? [refs.eventId] : undefined, live.events);
      check('topicIds', refs.topicIds, knownTopics);
      return errors;
    },

    /**
     * The organisations the persons currently work for (affiliation not ended, organisation not deleted): per person
     * the primary ones when marked, else all current ones.
     */
    currentOrganizationIds(personIds: number[], today: string): number[] {
      if (personIds.length === 0) return [];
      const rows = currentAffiliations.all({ ids: JSON.stringify(personIds), today });
      const chosen = personIds.flatMap((personId) => {
        const own = rows.filter((r) => r.personId === personId);
        const primary = own.filter((r) => r.isPrimary);
        return (primary.length ? primary : own).map((r) => r.organizationId);
      });
      return [...new Set(chosen)];
    },

    nodeOfEvent(eventId: number): number | null {
      return db.select({ nodeId: events.nodeId }).from(events).where(eq(events.id, eventId)).get()?.nodeId ?? null;
    },

    /** The live entries logged from the e-mails with these keys (see `mailKey`), by key. */
    byMailKeys(keys: string[]): Map<string, number> {
      if (keys.length === 0) return new Map();
      const rows = db
        .select({ id: interactions.id, mailKey: interactions.mailKey })
        .from(interactions)
        .where(and(inArray(interactions.mailKey, keys), isNull(interactions.deletedAt)))
        .all();
      return new Map(rows.map((r) => [r.mailKey as string, r.id]));
    },

    create(
      values: Omit<InteractionCreateValues, 'linkOrganizations'> & {
        occurredAt: string;
        authorId: number;
        mailKey?: string | null;
        direction?: 'in' | 'out' | null;
      },
    ): number {
      const { personIds, organizationIds, topicIds, ...scalars } = values;
      return immediate(db, () => {
        const row = insert.get({
          ...scalars,
          mailKey: scalars.mailKey ?? null,
          direction: scalars.direction ?? null,
          summary: scalars.summary ?? null,
          nodeId: scalars.nodeId ?? null,
          eventId: scalars.eventId ?? null,
          followUpOn: scalars.followUpOn ?? null,
        });
        if (!row) throw new Error('insert returned no row');
        setLinks(row.id, { personIds, organizationIds, topicIds }, true);
        return row.id;
      });
    },

    /** Optimistic update: false when the version no longer matches (nothing is written then). */
    update(id: number, version: number, changes: InteractionChanges & { followUpDoneAt?: string | null }): boolean {
      const { personIds, organizationIds, topicIds, ...scalars } = changes;
      return immediate(db, () => {
        const row = db
          .update(interactions)
          .set({ ...scalars, ...bumped() })
          .where(and(atVersion(interactions, id, version), isNull(interactions.deletedAt)))
          .returning({ id: interactions.id })
          .get();
        if (!row) return false;
        setLinks(id, { personIds, organizationIds, topicIds });
        return true;
      });
    },

    softDelete(id: number, version: number): boolean {
      const at = nowIso();
      const row = db
        .update(interactions)
        .set({ deletedAt: at, ...bumped() })
        .where(and(atVersion(interactions, id, version), isNull(interactions.deletedAt)))
        .returning({ id: interactions.id })
        .get();
      return row !== undefined;
    },

    markFollowUpDone(id: number): void {
      db.update(interactions)
        .set({ followUpDoneAt: nowIso(), ...bumped() })
        .where(and(eq(interactions.id, id), isNull(interactions.followUpDoneAt)))
        .run();
    },

    /** Open follow-ups (set, not done), overdue first, then by date; `authorId` limits them to one user's. */
    followUps(query: { authorId?: number; page: number; pageSize: number }, today: string) {
      const where = and(
        openFollowUp(),
        query.authorId === undefined ? undefined : eq(interactions.authorId, query.authorId),
      );
      const rows = paged(
        selectBase(db).where(where).orderBy(asc(interactions.followUpOn), asc(interactions.id)),
        query,
      ).all();
      const counts = db
        .select({
          total: count(),
          overdue: sql<number>`coalesce(sum(${interactions.followUpOn} < ${today}), 0)`,
          dueToday: sql<number>`coalesce(sum(${interactions.followUpOn} = ${today}), 0)`,
        })
        .from(interactions)
        .where(where)
        .get() ?? { total: 0, overdue: 0, dueToday: 0 };
      const items: FollowUp[] = reader.withLinks(rows).map((i) => ({
        ...i,
        overdue: (i.followUpOn ?? '') < today,
        dueToday: i.followUpOn === today,
      }));
      return { items, total: counts.total, overdueCount: counts.overdue, dueTodayCount: counts.dueToday };
    },
  };
}
export type InteractionsRepository = ReturnType<typeof createInteractionsRepository>;
