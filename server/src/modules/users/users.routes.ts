import type { UserRow } from '@anett/db/schema';
import { users } from '@anett/shared/routes/user';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { setEtag, type VersionedChange, versionedChange } from '../../lib/concurrency.ts';
import { AppError, orNotFound } from '../../lib/errors.ts';
import { pageOf } from '../../lib/listing.ts';
import { assertAcceptablePassword, generatePassword, hashPassword } from '../../lib/passwords.ts';
import { actor, requestLanguage } from '../../lib/request-context.ts';
import { describedRoutes } from '../../lib/route.ts';
import { diffRecords } from '../audit/audit.repository.ts';

/** The user as the audit log records it. */
const auditedUser = ({ passwordHash: _, tokenVersion: __, ...rest }: UserRow) => rest;

export async function usersRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const route = describedRoutes(fastify);
  const publicUser = (row: UserRow) => ({ ...auditedUser(row), hasSecondFactor: ctx.factors.hasSecondFactor(row.id) });
  /** A password an admin sets: the policy for a user without a second factor yet (12 characters). */
  const acceptable = (request: FastifyRequest, password: string, user: { name: string; email: string }, id?: number) =>
    assertAcceptablePassword(password, {
      ...user,
      hasSecondFactor: id !== undefined && ctx.factors.hasSecondFactor(id),
      field: 'password',
      language: requestLanguage(request),
    });
  const load = (id: number) => orNotFound(ctx.users.findById(id), 'user');

  route(users.list, 'admin', async (request) => {
    const { items, total } = ctx.users.list(request.query);
    return pageOf({ items: items.map(publicUser), total }, request.query);
  });

  route(users.create, 'admin', async (request, reply) => {
    const { password, ...values } = request.body;
    if (ctx.users.findByEmail(values.email)) {
      throw AppError.of('USER_EMAIL_TAKEN', 'A user with this e-mail exists', {
        errors: [{ field: 'email', message: 'is already in use' }],
      });
    }
    if (password) await acceptable(request, password, values);
    const plain = password ?? generatePassword();
    const passwordHash = await hashPassword(plain);
    const row = await ctx.audited(
      actor(request),
      'user',
      'create',
      () => ctx.users.create({ ...values, passwordHash }),
      (row) => diffRecords(null, auditedUser(row)),
    );
    setEtag(reply, row.version);
    return reply.code(201).send({ user: publicUser(row), ...(password ? {} : { password: plain }) });
  });

  route(users.get, 'admin', async (request, reply) => {
    const row = load(request.params.id);
    setEtag(reply, row.version);
    return publicUser(row);
  });

  /**
   * An admin's change of a user's account, answered as the user list shows it; refused with `lockout` on the admin's
   * own account. The change, the end of the sessions it requires and the audit entry commit together.
   */
  const changeUser = async (
    request: FastifyRequest & { params: { id: number } },
    reply: FastifyReply,
    lockout: string | undefined,
    spec: Pick<VersionedChange<UserRow, UserRow>, 'write' | 'audit'>,
  ) => {
    const after = await versionedChange(ctx, request, {
      load: () => {
        const before = load(request.params.id);
        if (lockout && before.id === request.user.id) throw AppError.of('CANNOT_DEMOTE_SELF', lockout);
        return before;
      },
      current: auditedUser,
      ...spec,
    });
    setEtag(reply, after.version);
    return publicUser(after);
  };

  route(users.update, 'admin', async (request, reply) => {
    const { role, active } = request.body;
    const demotesSelf = (role && role !== 'admin') || active === false;
    return changeUser(
      request,
      reply,
      demotesSelf ? 'You cannot remove your own admin role or deactivate yourself' : undefined,
      {
        write: (before, version) => {
          const after = ctx.users.update(before.id, version, request.body);
          if (after && (after.role !== before.role || after.active !== before.active))
            ctx.users.revokeSessions(after.id);
          return after;
        },
        audit: { entity: 'user', action: 'update', diff: (b, a) => diffRecords(auditedUser(b), auditedUser(a)) },
      },
    );
  });

  route(users.deactivate, 'admin', async (request, reply) =>
    changeUser(request, reply, 'You cannot deactivate yourself', {
      write: (before, version) => {
        const after = ctx.users.update(before.id, version, { active: false });
        if (after) ctx.users.revokeSessions(after.id);
        return after;
      },
      audit: { entity: 'user', action: 'deactivate', diff: () => undefined },
    }),
  );

  route(users.resetPassword, 'admin', async (request) => {
    const row = load(request.params.id);
    if (request.body.password) await acceptable(request, request.body.password, row, row.id);
    const plain = request.body.password ?? generatePassword();
    const passwordHash = await hashPassword(plain);
    await ctx.audited(
      actor(request),
      'user',
      'password_reset',
      () => {
        ctx.users.revokeSessions(row.id, { passwordHash });
        return row;
      },
      () => undefined,
    );
    return { user: publicUser(load(row.id)), ...(request.body.password ? {} : { password: plain }) };
  });

  route(
    users.resetFactors,
    {
      config: { access: 'admin' },
      schema: {
        description: 'A user whose role requires a second factor is led to set up a new one at the next login.',
      },
    },
    async (request) => {
      const row = load(request.params.id);
      await ctx.audited(
        actor(request),
        'user',
        'second_factors_reset',
        () => {
          ctx.factors.resetAll(row.id);
          ctx.users.revokeSessions(row.id);
          return row;
        },
        () => undefined,
      );
      return publicUser(load(row.id));
    },
  );
}
