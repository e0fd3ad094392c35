import type { Db } from '@anett/db/client';
import { organizationTags, personTags, type TagRow, tags, topics } from '@anett/db/schema';
import type { TagRef } from '@anett/shared/schemas/organization';
import type { Tag, Topic, topicInput, topicPatch } from '@anett/shared/schemas/tag';
import { DEFAULT_TOPICS } from '@anett/shared/vocab/topics';
import { asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { missingIds, updateAtVersion, viewedWrites } from '../../lib/rows.ts';

// Plain SQL: drizzle leaves column names unqualified in the select list of a single-table query.
const usage = {
  organizations:
    sql<number>`(SELECT count(*) FROM organization_tags ot JOIN organizations o ON o.id = ot.organization_id
    WHERE ot.tag_id = tags.id AND o.deleted_at IS NULL)`.mapWith(Number),
  persons: sql<number>`(SELECT count(*) FROM person_tags pt JOIN persons p ON p.id = pt.person_id
    WHERE pt.tag_id = tags.id AND p.deleted_at IS NULL)`.mapWith(Number),
};

/** The tags of many persons or organisations in one query, by owner id, each list by name. */
export function tagRefsOf(db: Db, owner: 'person' | 'organization', ids: number[]): Map<number, TagRef[]> {
  const out = new Map<number, TagRef[]>();
  if (!ids.length) return out;
  const link = owner === 'person' ? personTags : organizationTags;
  const ownerId = owner === 'person' ? personTags.personId : organizationTags.organizationId;
  const rows = db
    .select({ ownerId, id: tags.id, name: tags.name, color: tags.color })
    .from(link as typeof personTags)
    .innerJoin(tags, eq(tags.id, link.tagId))
    .where(inArray(ownerId, ids))
    .orderBy(asc(tags.name))
    .all();
  for (const { ownerId: id, ...tag } of rows) out.set(id, [...(out.get(id) ?? []), tag]);
  return out;
}

export function createTagsRepository(db: Db) {
  const selectTags = (where?: SQL) =>
    db
      .select({ tag: tags, usage })
      .from(tags)
      .where(where)
      .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id))
      .all()
      .map(({ tag, usage }): Tag => ({ ...tag, usage }));
  const getTag = (id: number): Tag | undefined => selectTags(eq(tags.id, id))[0];
  const tagWrites = viewedWrites(db, tags, getTag);

  return {
    // Tags

    listTags: () => selectTags(),
    getTag,

    /** Case-insensitive lookup, for the unique-name check. */
    findTagByName(name: string): TagRow | undefined {
      return db.select().from(tags).where(sql`lower(${tags.name}) = lower(${name})`).get();
    },

    /** Those of `ids` that are no tag. */
    unknownTagIds(ids: number[]): number[] {
      return missingIds(db, tags.id, ids);
    },

    createTag: tagWrites.create,
    updateTag: tagWrites.update,

    // Topics

    listTopics(): Topic[] {
      return db.select().from(topics).orderBy(asc(topics.label), asc(topics.id)).all();
    },

    findTopic(id: number): Topic | undefined {
      return db.select().from(topics).where(eq(topics.id, id)).get();
    },

    findTopicBySlug(slug: string): Topic | undefined {
      return db.select().from(topics).where(eq(topics.slug, slug)).get();
    },

    createTopic(values: z.output<typeof topicInput> & { slug: string }): Topic {
      return db.insert(topics).values(values).returning().get();
    },

    updateTopic(id: number, version: number, changes: z.output<typeof topicPatch>): Topic | undefined {
      return updateAtVersion(db, topics, id, version, changes);
    },

    /** Seeds the default topic vocabulary into an empty topics table (first start). */
    ensureDefaultTopics(): number {
      return db.transaction(
        (tx) => {
          if ((tx.select({ n: count() }).from(topics).get()?.n ?? 0) > 0) return 0;
          tx.insert(topics)
            .values(DEFAULT_TOPICS.map(({ slug, label, labelEn }) => ({ slug, label, labelEn })))
            .run();
          return DEFAULT_TOPICS.length;
        },
        { behavior: 'immediate' },
      );
    },
  };
}
export type TagsRepository = ReturnType<typeof createTagsRepository>;
