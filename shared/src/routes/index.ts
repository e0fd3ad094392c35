import type { RouteDescriptor } from './define.ts';
import { networks } from './network.ts';
import { organizations } from './organization.ts';
import { persons } from './person.ts';

/** Every described route (domains move here one by one as their server routes are built from descriptors). */
export const allRoutes: RouteDescriptor[] = [
  ...Object.values(persons),
  ...Object.values(organizations),
  ...Object.values(networks),
];
