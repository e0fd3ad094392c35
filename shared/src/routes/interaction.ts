import { z } from 'zod';
import { ErrorCode as E, type ErrorCode } from '../error-codes.ts';
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
import { collectionRoutes, domainRoutes, type RouteSpec, recordRoutes } from './define.ts';

/** Timelines live under the persons', organisations' and nodes' URLs but are built from the contact log. */
const timeline = (prefix: string, subject: string, notFound: Extract<ErrorCode, `${string}_NOT_FOUND`>) =>
  ({
    method: 'GET',
    path: `/api/${prefix}/:id/timeline`,
    summary: `Interactions and attendances of the ${subject}, newest first`,
    params: idParams,
    query: timelineQuery,
    responses: { 200: timelinePage },
    codes: [notFound],
  }) satisfies RouteSpec;

const all = collectionRoutes('/api/interactions');
const entry = recordRoutes('/api/interactions/:id', { missing: [E.INTERACTION_NOT_FOUND] });

export const interactions = domainRoutes('interactions', {
  list: all.list({ summary: 'The contact log, newest first', query: interactionListQuery, response: interactionPage }),
  followUps: all.get({
    at: '/follow-ups',
    summary: '"Meine Wiedervorlagen": open follow-ups, overdue first, then by date',
    query: followUpQuery,
    response: followUpPage,
  }),
  create: all.create({
    summary: 'Log a contact; with persons only, their current organisations are linked too',
    body: interactionCreate,
    response: interaction,
  }),
  get: entry.get({ response: interaction }),
  update: entry.update({
    summary: 'Change an entry (its author or an admin); a new follow-up date reopens the follow-up',
    body: interactionPatch,
    response: interaction,
    codes: [E.NOT_AUTHOR],
  }),
  delete: entry.delete({
    summary: 'Delete an entry (its author or an admin); soft: the row stays for the audit trail',
    responses: { 204: z.null() },
    codes: [E.NOT_AUTHOR],
  }),
  followUpDone: entry.post({
    at: '/follow-up-done',
    summary: 'Mark the follow-up as done (any manager may; repeating it changes nothing)',
    response: interaction,
    codes: [E.NO_FOLLOW_UP],
  }),
  personTimeline: timeline('persons', 'person', E.PERSON_NOT_FOUND),
  organizationTimeline: timeline('organizations', 'organization', E.ORGANIZATION_NOT_FOUND),
  nodeTimeline: timeline('nodes', 'node', E.NODE_NOT_FOUND),
});
