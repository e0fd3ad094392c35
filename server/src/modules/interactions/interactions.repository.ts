import type { Db } from '@anett/db/client';
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
import type { z } from 'zod';
import type { FieldError } from '../../lib/errors.ts';
import { likeEscape, limitOffset } from '../../lib/listing.ts';
import { nowIso } from '../../lib/time.ts';

export type InteractionRow = typeof interactions.$inferSelect;
type InteractionCreateValues = z.output<typeof interactionCreate>;
export type InteractionChanges = z.output<typeof interactionPatch>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type LinkSets = { personIds?: number[]; organizationIds?: number[]; topicIds?: number[] };

/** Today's date where the network works: follow-ups fall due at local midnight, not at UTC midnight. */
export function berlinToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

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
  // Every word in subject or summary. Plain LIKE: folding 300 000 summaries per search in JS takes seconds.
  for (const word of filter.q?.split(/\s+/).filter(Boolean).slice(0, 8) ?? []) {
    const pattern = `%${likeEscape(word)}%`;
    conditions.push(sql`(${i.subject} LIKE ${pattern} ESCAPE '\\' OR ${i.summary} LIKE ${pattern} ESCAPE '\\')`);
  }
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
    .leftJoin(users, eq(users.id, interactions.authorId));
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

/** Rows → API items, with persons, organisations and topics loaded in one query each for all rows. */
function withLinks(db: Db, rows: BaseRow[]): Interaction[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const personRows = groupBy(
    db
      .select({ interactionId: interactionPersons.interactionId, id: persons.id, name: personNameSql() })
      .from(interactionPersons)
      .innerJoin(persons, eq(persons.id, interactionPersons.personId))
      .where(inArray(interactionPersons.interactionId, ids))
      .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
      .all(),
  );
  const organizationRows = groupBy(
    db
      .select({ interactionId: interactionOrganizations.interactionId, id: organizations.id, name: organizations.name })
      .from(interactionOrganizations)
      .innerJoin(organizations, eq(organizations.id, interactionOrganizations.organizationId))
      .where(inArray(interactionOrganizations.interactionId, ids))
      .orderBy(asc(organizations.name), asc(organizations.id))
      .all(),
  );
  const topicRows = groupBy(
    db
      .select({
        interactionId: interactionTopics.interactionId,
        id: topics.id,
        slug: topics.slug,
        label: topics.label,
        labelEn: topics.labelEn,
      })
      .from(interactionTopics)
      .innerJoin(topics, eq(topics.id, interactionTopics.topicId))
      .where(inArray(interactionTopics.interactionId, ids))
      .orderBy(asc(topics.label))
      .all(),
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    occurredAt: r.occurredAt,
    kind: r.kind as InteractionKind,
    subject: r.subject,
    summary: r.summary,
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

/** Interactions by id as API items, in the order of `ids` (missing ones left out). */
export function interactionsByIds(db: Db, ids: number[]): Interaction[] {
  if (ids.length === 0) return [];
  const byId = new Map(withLinks(db, selectBase(db).where(inArray(interactions.id, ids)).all()).map((i) => [i.id, i]));
  return ids.flatMap((id) => byId.get(id) ?? []);
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
  function setLinks(tx: Tx, id: number, links: LinkSets) {
    const replace = (ids: number[] | undefined, clear: () => void, insert: (unique: number[]) => void) => {
      if (!ids) return;
      clear();
      const unique = [...new Set(ids)];
      if (unique.length) insert(unique);
    };
    replace(
      links.personIds,
      () => tx.delete(interactionPersons).where(eq(interactionPersons.interactionId, id)).run(),
      (ids) =>
        tx
          .insert(interactionPersons)
          .values(ids.map((personId) => ({ interactionId: id, personId })))
          .run(),
    );
    replace(
      links.organizationIds,
      () => tx.delete(interactionOrganizations).where(eq(interactionOrganizations.interactionId, id)).run(),
      (ids) =>
        tx
          .insert(interactionOrganizations)
          .values(ids.map((organizationId) => ({ interactionId: id, organizationId })))
          .run(),
    );
    replace(
      links.topicIds,
      () => tx.delete(interactionTopics).where(eq(interactionTopics.interactionId, id)).run(),
      (ids) =>
        tx
          .insert(interactionTopics)
          .values(ids.map((topicId) => ({ interactionId: id, topicId })))
          .run(),
    );
  }

  const bumped = () => ({ version: sql`${interactions.version} + 1`, updatedAt: nowIso() });
  const versioned = (id: number, version: number) => and(eq(interactions.id, id), eq(interactions.version, version));
  const missing = (wanted: number[], found: { id: number }[]) => {
    const have = new Set(found.map((r) => r.id));
    return [...new Set(wanted)].filter((id) => !have.has(id));
  };

  return {
    /** The interaction as an API item, or undefined when unknown or deleted. */
    get(id: number): Interaction | undefined {
      const row = selectBase(db)
        .where(and(eq(interactions.id, id), isNull(interactions.deletedAt)))
        .get();
      return row ? withLinks(db, [row])[0] : undefined;
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
      const { limit, offset } = limitOffset(query);
      const rows = selectBase(db)
        .where(where)
        .orderBy(...sortOrder(query.sort?.field, query.sort ? query.sort.desc : true, Boolean(query.q?.trim())))
        .limit(limit)
        .offset(offset)
        .all();
      const total = db.select({ n: count() }).from(interactions).where(where).get()?.n ?? 0;
      return { items: withLinks(db, rows), total };
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
      const report = (field: string, ids: number[]) => {
        if (ids.length) errors.push({ field, message: `unbekannt: ${ids.join(', ')}` });
      };
      if (refs.personIds?.length) {
        const found = db
          .select({ id: persons.id })
          .from(persons)
          .where(and(inArray(persons.id, refs.personIds), isNull(persons.deletedAt)))
          .all();
        report('personIds', missing(refs.personIds, found));
      }
      if (refs.organizationIds?.length) {
        const found = db
          .select({ id: organizations.id })
          .from(organizations)
          .where(and(inArray(organizations.id, refs.organizationIds), isNull(organizations.deletedAt)))
          .all();
        report('organizationIds', missing(refs.organizationIds, found));
      }
      if (refs.nodeId) {
        const found = db.select({ id: nodes.id }).from(nodes).where(eq(nodes.id, refs.nodeId)).all();
        report('nodeId', missing([refs.nodeId], found));
      }
      if (refs.eventId) {
        const found = db
          .select({ id: events.id })
          .from(events)
          .where(and(eq(events.id, refs.eventId), isNull(events.deletedAt)))
          .all();
        report('eventId', missing([refs.eventId], found));
      }
      if (refs.topicIds?.length) {
        const found = db.select({ id: topics.id }).from(topics).where(inArray(topics.id, refs.topicIds)).all();
        report('topicIds', missing(refs.topicIds, found));
      }
      return errors;
    },

    /**
     * The organisations the persons currently work for (affiliation not ended, organisation not deleted): per person
     * the primary ones when marked, else all current ones.
     */
    currentOrganizationIds(personIds: number[], today: string): number[] {
      if (personIds.length === 0) return [];
      const rows = db
        .select({
          personId: affiliations.personId,
          organizationId: affiliations.organizationId,
          isPrimary: affiliations.isPrimary,
        })
        .from(affiliations)
        .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
        .where(
          and(
            inArray(affiliations.personId, personIds),
            isNull(organizations.deletedAt),
            or(isNull(affiliations.toDate), sql`${affiliations.toDate} >= ${today}`),
            or(isNull(affiliations.fromDate), lte(affiliations.fromDate, today)),
          ),
        )
        .orderBy(asc(affiliations.id))
        .all();
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

    create(
      values: Omit<InteractionCreateValues, 'linkOrganizations'> & { occurredAt: string; authorId: number },
    ): number {
      const { personIds, organizationIds, topicIds, ...scalars } = values;
      return db.transaction(
        (tx) => {
          const row = tx.insert(interactions).values(scalars).returning({ id: interactions.id }).get();
          setLinks(tx, row.id, { personIds, organizationIds, topicIds });
          return row.id;
        },
        { behavior: 'immediate' },
      );
    },

    /** Optimistic update: false when the version no longer matches (nothing is written then). */
    update(id: number, version: number, changes: InteractionChanges & { followUpDoneAt?: string | null }): boolean {
      const { personIds, organizationIds, topicIds, ...scalars } = changes;
      return db.transaction(
        (tx) => {
          const row = tx
            .update(interactions)
            .set({ ...scalars, ...bumped() })
            .where(and(versioned(id, version), isNull(interactions.deletedAt)))
            .returning({ id: interactions.id })
            .get();
          if (!row) return false;
          setLinks(tx, id, { personIds, organizationIds, topicIds });
          return true;
        },
        { behavior: 'immediate' },
      );
    },

    softDelete(id: number, version: number): boolean {
      const at = nowIso();
      const row = db
        .update(interactions)
        .set({ deletedAt: at, ...bumped() })
        .where(and(versioned(id, version), isNull(interactions.deletedAt)))
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
      const { limit, offset } = limitOffset(query);
      const rows = selectBase(db)
        .where(where)
        .orderBy(asc(interactions.followUpOn), asc(interactions.id))
        .limit(limit)
        .offset(offset)
        .all();
      const counts = db
        .select({
          total: count(),
          overdue: sql<number>`coalesce(sum(${interactions.followUpOn} < ${today}), 0)`,
          dueToday: sql<number>`coalesce(sum(${interactions.followUpOn} = ${today}), 0)`,
        })
        .from(interactions)
        .where(where)
        .get() ?? { total: 0, overdue: 0, dueToday: 0 };
      const items: FollowUp[] = withLinks(db, rows).map((i) => ({
        ...i,
        overdue: (i.followUpOn ?? '') < today,
        dueToday: i.followUpOn === today,
      }));
      return { items, total: counts.total, overdueCount: counts.overdue, dueTodayCount: counts.dueToday };
    },
  };
}
export type InteractionsRepository = ReturnType<typeof createInteractionsRepository>;
