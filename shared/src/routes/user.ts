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
import { domainRoutes } from './define.ts';

const guarded = [E.USER_NOT_FOUND, E.CANNOT_DEMOTE_SELF, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED];

export const users = domainRoutes('users', {
  list: {
    method: 'GET',
    path: '/api/users',
    query: userListQuery,
    responses: { 200: userPage },
  },
  create: {
    method: 'POST',
    path: '/api/users',
    body: userCreate,
    responses: { 201: userWithPassword },
    codes: [E.USER_EMAIL_TAKEN],
  },
  get: {
    method: 'GET',
    path: '/api/users/:id',
    params: idParams,
    responses: { 200: user },
    codes: [E.USER_NOT_FOUND],
  },
  update: {
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change name, role or active flag; role change and deactivation end the user’s sessions',
    params: idParams,
    body: userPatch,
    responses: { 200: user },
    codes: guarded,
  },
  deactivate: {
    method: 'DELETE',
    path: '/api/users/:id',
    summary: 'Deactivate a user (users are never deleted: the audit log refers to them)',
    params: idParams,
    responses: { 200: user },
    codes: guarded,
  },
  resetPassword: {
    method: 'POST',
    path: '/api/users/:id/reset-password',
    summary: 'Set a new password (generated when none is given) and end the user’s sessions',
    params: idParams,
    body: resetPasswordBody,
    responses: { 200: userWithPassword },
    codes: [E.USER_NOT_FOUND],
  },
  resetFactors: {
    method: 'POST',
    path: '/api/users/:id/reset-factors',
    summary: 'Remove the user’s second factors and recovery codes (lost phone) and end their sessions',
    params: idParams,
    responses: { 200: user },
    codes: [E.USER_NOT_FOUND],
  },
});
