import { z } from 'zod';
import { ErrorCode as E } from '../error-codes.ts';
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
import { collectionRoutes, domainRoutes, recordRoutes } from './define.ts';
import { eventRecord as event } from './records.ts';

const all = collectionRoutes('/api/events');
const session = recordRoutes('/api/events/:id/sessions/:sessionId', {
  params: sessionParams,
  missing: [E.EVENT_NOT_FOUND, E.SESSION_NOT_FOUND],
});

export const events = domainRoutes('events', {
  list: all.list({
    summary: 'Events: upcoming or past, by node, kind, topic, year or date range (for calendar views)',
    query: eventListQuery,
    response: eventPage,
  }),
  create: all.create({ body: eventInput, response: eventDetail, codes: [E.EVENT_SLUG_TAKEN] }),
  get: event.get({ response: eventDetail }),
  update: event.update({
    summary:
      'Change an event; more capacity promotes waitlisted persons (listed in `promoted`), a capacity below the ' +
      'seats taken answers 409 CAPACITY_BELOW_BOOKINGS unless confirm is true',
    body: eventPatch,
    response: eventUpdated,
    codes: [E.EVENT_SLUG_TAKEN, E.CAPACITY_BELOW_BOOKINGS],
  }),
  delete: event.delete({ summary: 'Delete an event (soft: attendances are kept)', responses: { 204: z.null() } }),
  createSession: event.create({
    at: '/sessions',
    summary: 'Add a session; one overlapping another session of the course answers 409 SESSION_OVERLAP',
    body: sessionInput,
    response: eventSession,
    codes: [E.SESSION_OVERLAP],
  }),
  updateSession: session.update({
    summary: 'Change a session; changed hours are credited anew to its attendees; no overlap with another session',
    body: sessionPatch,
    response: eventSession,
    codes: [E.SESSION_OVERLAP],
  }),
  deleteSession: session.delete({ summary: 'Delete a session and who attended it', responses: { 204: z.null() } }),
});
