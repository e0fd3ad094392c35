import { attendances } from './attendance.ts';
import type { RouteDescriptor } from './define.ts';
import { events } from './event.ts';
import { persons } from './person.ts';

/** Every described route (domains move here one by one as their server routes are built from descriptors). */
export const allRoutes: RouteDescriptor[] = [
  ...Object.values(persons),
  ...Object.values(events),
  ...Object.values(attendances),
];
