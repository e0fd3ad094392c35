import { ErrorCode as E } from '../error-codes.ts';
import {
  resetPasswordBody,
  user,
  userCreate,
  userListQuery,
  userPage,
  userPatch,
  userWithPassword,
} from '../schemas/user.ts';
import { collectionRoutes, domainRoutes, recordRoutes } from './define.ts';

const all = collectionRoutes('/api/users');
const one = recordRoutes('/api/users/:id', { missing: [E.USER_NOT_FOUND] });

export const users = domainRoutes('users', {
  list: all.list({ query: userListQuery, response: userPage }),
  create: all.create({ body: userCreate, response: userWithPassword, codes: [E.USER_EMAIL_TAKEN] }),
  get: one.get({ response: user }),
  update: one.update({
    summary: 'Change name, role or active flag; role change and deactivation end the user’s sessions',
    body: userPatch,
    response: user,
    codes: [E.CANNOT_DEMOTE_SELF],
  }),
  deactivate: one.delete({
    summary: 'Deactivate a user (users are never deleted: the audit log refers to them)',
    responses: { 200: user },
    codes: [E.CANNOT_DEMOTE_SELF],
  }),
  resetPassword: one.post({
    at: '/reset-password',
    summary: 'Set a new password (generated when none is given) and end the user’s sessions',
    body: resetPasswordBody,
    response: userWithPassword,
  }),
  resetFactors: one.post({
    at: '/reset-factors',
    summary: 'Remove the user’s second factors and recovery codes (lost phone) and end their sessions',
    response: user,
  }),
});
