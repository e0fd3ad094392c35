import { ErrorCode as E } from '../error-codes.ts';
import { recordRoutes } from './define.ts';

/**
 * The records more than one domain hangs routes below (a person's consents and privacy routes, an event's
 * registrations and attendances, an organisation's relations): each stated once, with the code of one not there.
 */
export const personRecord = recordRoutes('/api/persons/:id', { missing: [E.PERSON_NOT_FOUND] });
export const eventRecord = recordRoutes('/api/events/:id', { missing: [E.EVENT_NOT_FOUND] });
export const organizationRecord = recordRoutes('/api/organizations/:id', { missing: [E.ORGANIZATION_NOT_FOUND] });
