import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
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
import { domainRoutes } from './define.ts';

/** An If-Match guarded change of an event: a stale version answers 412, a missing one 428. */
const guarded = [E.EVENT_NOT_FOUND, E.VERSION_CONFLICT, E.PRECONDITION_REQUIRED];

export const events = domainRoutes('events', {
  list: {
    method: 'GET',
    path: '/api/events',
    summary: 'Events: upcoming or past, by node, kind, topic, year or date range (for calendar views)',
    query: eventListQuery,
    responses: { 200: eventPage },
  },
  create: {
    method: 'POST',
    path: '/api/events',
    body: eventInput,
    responses: { 201: eventDetail },
    codes: [E.EVENT_SLUG_TAKEN],
  },
  get: {
    method: 'GET',
    path: '/api/events/:id',
    params: idParams,
    responses: { 200: eventDetail },
    codes: [E.EVENT_NOT_FOUND],
  },
  update: {
    method: 'PATCH',
    path: '/api/events/:id',
    summary:
      'Change an event; more capacity promotes waitlisted persons (listed in `promoted`), a capacity below the ' +
      'seats taken answers 409 CAPACITY_BELOW_BOOKINGS unless confirm is true',
    params: idParams,
    body: eventPatch,
    responses: { 200: eventUpdated },
    codes: [...guarded, E.EVENT_SLUG_TAKEN, E.CAPACITY_BELOW_BOOKINGS],
  },
  delete: {
    method: 'DELETE',
    path: '/api/events/:id',
    summary: 'Delete an event (soft: attendances are kept)',
    params: idParams,
    responses: { 204: z.null() },
    codes: guarded,
  },
  createSession: {
    method: 'POST',
    path: '/api/events/:id/sessions',
    summary: 'Add a session; one overlapping another session of the course answers 409 SESSION_OVERLAP',
    params: idParams,
    body: sessionInput,
    responses: { 201: eventSession },
    codes: [E.EVENT_NOT_FOUND, E.SESSION_OVERLAP],
  },
  updateSession: {
    method: 'PATCH',
    path: '/api/events/:id/sessions/:sessionId',
    summary: 'Change a session; changed hours are credited anew to its attendees; no overlap with another session',
    params: sessionParams,
    body: sessionPatch,
    responses: { 200: eventSession },
    codes: [...guarded, E.SESSION_NOT_FOUND, E.SESSION_OVERLAP],
  },
  deleteSession: {
    method: 'DELETE',
    path: '/api/events/:id/sessions/:sessionId',
    summary: 'Delete a session and who attended it',
    params: sessionParams,
    responses: { 204: z.null() },
    codes: [...guarded, E.SESSION_NOT_FOUND],
  },
});
