import { foldText } from '@anett/shared/normalize';
import { tags } from '@anett/shared/routes/tag';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { created, versionedChange, withEtag } from '../../lib/concurrency.ts';
import { AppError, fieldError, orNotFound } from '../../lib/errors.ts';
import { actor } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { diffRecords } from '../audit/audit.repository.ts';

const tagNameTaken = () =>
  AppError.of('TAG_NAME_TAKEN', 'A tag with this name exists', {
    errors: [{ field: 'name', message: 'ist bereits vergeben' }],
  });

/** 'E-Mobilität' → 'e-mobilitaet', 'Industrie 4.0' → 'industrie-4-0'. */
const slugify = (label: string) =>
  foldText(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

const withoutMeta = <T extends { id: number; version: number; createdAt: string; updatedAt: string }>(r: T) => {
  const { id: _, version: __, createdAt: ___, updatedAt: ____, ...rest } = r;
  return rest;
};

export async function tagsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);

  // Tags

  route(tags.list, 'viewer', async () => {
    const items = ctx.tags.listTags();
    return { items, total: items.length };
  });

  route(tags.create, 'manager', async (request, reply) => {
    if (ctx.tags.findTagByName(request.body.name)) throw tagNameTaken();
    const row = await ctx.audited(
      actor(request),
      'tag',
      'create',
      () => ctx.tags.createTag(request.body),
      (row) => diffRecords(null, { name: row.name, color: row.color }),
    );
    return created(reply, row);
  });

  route(tags.update, 'manager', async (request, reply) => {
    const after = await versionedChange(ctx, request, {
      load: () => orNotFound(ctx.tags.getTag(request.params.id), 'tag'),
      check: (before) => {
        const other = request.body.name === undefined ? undefined : ctx.tags.findTagByName(request.body.name);
        if (other && other.id !== before.id) throw tagNameTaken();
      },
      write: (before, version) => ctx.tags.updateTag(before.id, version, request.body),
      audit: {
        entity: 'tag',
        action: 'update',
        diff: (b, a) => diffRecords({ name: b.name, color: b.color }, { name: a.name, color: a.color }),
      },
    });
    return withEtag(reply, after);
  });

  // Topics

  route(tags.topics, 'viewer', async () => {
    const items = ctx.tags.listTopics();
    return { items, total: items.length };
  });

  route(tags.createTopic, 'admin', async (request, reply) => {
    const slug = request.body.slug ?? slugify(request.body.label);
    if (!slug) throw fieldError('slug', 'kann aus dem Namen nicht gebildet werden; bitte angeben');
    if (ctx.tags.findTopicBySlug(slug)) {
      throw AppError.of('TOPIC_SLUG_TAKEN', 'A topic with this slug exists', {
        errors: [{ field: 'slug', message: `„${slug}“ ist bereits vergeben` }],
      });
    }
    const row = await ctx.audited(
      actor(request),
      'topic',
      'create',
      () => ctx.tags.createTopic({ ...request.body, slug }),
      (row) => diffRecords(null, withoutMeta(row)),
    );
    return created(reply, row);
  });

  route(tags.updateTopic, 'admin', async (request, reply) => {
    const after = await versionedChange(ctx, request, {
      load: () => orNotFound(ctx.tags.findTopic(request.params.id), 'topic'),
      write: (before, version) => ctx.tags.updateTopic(before.id, version, request.body),
      audit: { entity: 'topic', action: 'update', diff: (b, a) => diffRecords(withoutMeta(b), withoutMeta(a)) },
    });
    return withEtag(reply, after);
  });
}
