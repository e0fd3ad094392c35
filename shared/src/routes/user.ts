import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import {
  resetPasswordBody,
  user,
  userCreate,
  userListQuery,
  userPage,
  userPatch,
  userWithPassword,
} from '../schemas/user.ts';
import { defineRoute } from './define.ts';

const tag = 'users';
const guarded = [E.USER_NOT_FOUND, E.CANNOT_DEMOTE_SELF, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED];

export const users = {
  list: defineRoute({
    method: 'GET',
    path: '/api/users',
    tag,
    query: userListQuery,
    responses: { 200: userPage },
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/users',
    tag,
    body: userCreate,
    responses: { 201: userWithPassword },
    errors: [400, 401, 403, 409],
    codes: [E.USER_EMAIL_TAKEN],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/users/:id',
    tag,
    params: idParams,
    responses: { 200: user },
    errors: [400, 401, 403, 404],
    codes: [E.USER_NOT_FOUND],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/users/:id',
    tag,
    summary: 'Change name, role or active flag; role change and deactivation end the user’s sessions',
    params: idParams,
    body: userPatch,
    responses: { 200: user },
    errors: [400, 401, 403, 404, 409, 412, 428],
    codes: guarded,
  }),
  deactivate: defineRoute({
    method: 'DELETE',
    path: '/api/users/:id',
    tag,
    summary: 'Deactivate a user (users are never deleted: the audit log refers to them)',
    params: idParams,
    responses: { 200: user },
    errors: [400, 401, 403, 404, 409, 412, 428],
    codes: guarded,
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    tag,
    summary: 'Set a new password (generated when none is given) and end the user’s sessions',
    params: idParams,
    body: resetPasswordBody,
    responses: { 200: userWithPassword },
    errors: [400, 401, 403, 404],
    codes: [E.USER_NOT_FOUND],
  }),
  resetFactors: defineRoute({
    method: 'POST',
    path: '/api/users/:id/reset-factors',
    tag,
    summary: 'Remove the user’s second factors and recovery codes (lost phone) and end their sessions',
    params: idParams,
    responses: { 200: user },
    errors: [400, 401, 403, 404],
    codes: [E.USER_NOT_FOUND],
  }),
};
