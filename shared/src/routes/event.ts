import { z } from 'zod';
import { idParams } from '../schemas/common.ts';
import {
  eventDetail,
  eventInput,
  eventListQuery,
  eventPage,
  eventPatch,
  eventSession,
  eventUpdated,
  sessionInput,
  sessionParams,
  sessionPatch,
} from '../schemas/event.ts';
import { defineRoute } from './define.ts';

const tag = 'events';

export const events = {
  list: defineRoute({
    method: 'GET',
    path: '/api/events',
    tag,
    summary: 'Events: upcoming or past, by node, kind, topic, year or date range (for calendar views)',
    query: eventListQuery,
    responses: { 200: eventPage },
    errors: [400, 401, 403],
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/events',
    tag,
    body: eventInput,
    responses: { 201: eventDetail },
    errors: [400, 401, 403, 409],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/events/:id',
    tag,
    params: idParams,
    responses: { 200: eventDetail },
    errors: [400, 401, 403, 404],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/events/:id',
    tag,
    summary:
      'Change an event; more capacity promotes waitlisted persons (listed in `promoted`), a capacity below the ' +
      'seats taken answers 409 CAPACITY_BELOW_BOOKINGS unless confirm is true',
    params: idParams,
    body: eventPatch,
    responses: { 200: eventUpdated },
    errors: [400, 401, 403, 404, 409, 412, 428],
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/events/:id',
    tag,
    summary: 'Delete an event (soft: attendances are kept)',
    params: idParams,
    responses: { 204: z.null() },
    errors: [400, 401, 403, 404, 412, 428],
  }),
  createSession: defineRoute({
    method: 'POST',
    path: '/api/events/:id/sessions',
    tag,
    summary: 'Add a session; one overlapping another session of the course answers 409 SESSION_OVERLAP',
    params: idParams,
    body: sessionInput,
    responses: { 201: eventSession },
    errors: [400, 401, 403, 404, 409],
  }),
  updateSession: defineRoute({
    method: 'PATCH',
    path: '/api/events/:id/sessions/:sessionId',
    tag,
    summary: 'Change a session; changed hours are credited anew to its attendees; no overlap with another session',
    params: sessionParams,
    body: sessionPatch,
    responses: { 200: eventSession },
    errors: [400, 401, 403, 404, 409, 412, 428],
  }),
  deleteSession: defineRoute({
    method: 'DELETE',
    path: '/api/events/:id/sessions/:sessionId',
    tag,
    summary: 'Delete a session and who attended it',
    params: sessionParams,
    responses: { 204: z.null() },
    errors: [400, 401, 403, 404, 412, 428],
  }),
};
