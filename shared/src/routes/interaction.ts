import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
import { idParams } from '../schemas/common.ts';
import {
  followUpPage,
  followUpQuery,
  interaction,
  interactionCreate,
  interactionListQuery,
  interactionPage,
  interactionPatch,
  timelinePage,
  timelineQuery,
} from '../schemas/interaction.ts';
import { defineRoute } from './define.ts';

const tag = 'interactions';

/** Timelines live under the persons', organisations' and nodes' URLs but are built from the contact log. */
const timeline = (prefix: string, subject: string) =>
  defineRoute({
    method: 'GET',
    path: `/api/${prefix}/:id/timeline`,
    tag,
    summary: `Interactions and attendances of the ${subject}, newest first`,
    params: idParams,
    query: timelineQuery,
    responses: { 200: timelinePage },
    errors: [400, 401, 403, 404],
  });

export const interactions = {
  list: defineRoute({
    method: 'GET',
    path: '/api/interactions',
    tag,
    summary: 'The contact log, newest first',
    query: interactionListQuery,
    responses: { 200: interactionPage },
    errors: [400, 401, 403],
  }),
  followUps: defineRoute({
    method: 'GET',
    path: '/api/interactions/follow-ups',
    tag,
    summary: '"Meine Wiedervorlagen": open follow-ups, overdue first, then by date',
    query: followUpQuery,
    responses: { 200: followUpPage },
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/interactions',
    tag,
    summary: 'Log a contact; with persons only, their current organisations are linked too',
    body: interactionCreate,
    responses: { 201: interaction },
    errors: [400, 401, 403],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/interactions/:id',
    tag,
    params: idParams,
    responses: { 200: interaction },
    errors: [400, 401, 403, 404],
    codes: [E.INTERACTION_NOT_FOUND],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/interactions/:id',
    tag,
    summary: 'Change an entry (its author or an admin); a new follow-up date reopens the follow-up',
    params: idParams,
    body: interactionPatch,
    responses: { 200: interaction },
    errors: [400, 401, 403, 404, 412, 428],
    codes: [E.INTERACTION_NOT_FOUND, E.NOT_AUTHOR, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED],
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/interactions/:id',
    tag,
    summary: 'Delete an entry (its author or an admin); soft: the row stays for the audit trail',
    params: idParams,
    responses: { 204: z.null() },
    errors: [400, 401, 403, 404, 412, 428],
    codes: [E.INTERACTION_NOT_FOUND, E.NOT_AUTHOR, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED],
  }),
  followUpDone: defineRoute({
    method: 'POST',
    path: '/api/interactions/:id/follow-up-done',
    tag,
    summary: 'Mark the follow-up as done (any manager may; repeating it changes nothing)',
    params: idParams,
    responses: { 200: interaction },
    errors: [400, 401, 403, 404, 409],
    codes: [E.INTERACTION_NOT_FOUND, E.NO_FOLLOW_UP],
  }),
  personTimeline: timeline('persons', 'person'),
  organizationTimeline: timeline('organizations', 'organization'),
  nodeTimeline: timeline('nodes', 'node'),
};
