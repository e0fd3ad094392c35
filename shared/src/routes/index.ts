import { attendances } from './attendance.ts';
import { auth } from './auth.ts';
import { consents } from './consent.ts';
import { dashboard } from './dashboard.ts';
import type { RouteDescriptor } from './define.ts';
import { events } from './event.ts';
import { exports } from './export.ts';
import { graphs } from './graph.ts';
import { imports } from './import.ts';
import { interactions } from './interaction.ts';
import { mail } from './mail.ts';
import { mailImports } from './mail-import.ts';
import { networks } from './network.ts';
import { organizations } from './organization.ts';
import { persons } from './person.ts';
import { privacy } from './privacy.ts';
import { registrations } from './registration.ts';
import { reports } from './report.ts';
import { segments } from './segment.ts';
import { tags } from './tag.ts';
import { users } from './user.ts';

/** Every described route (domains move here one by one as their server routes are built from descriptors). */
export const allRoutes: RouteDescriptor[] = [
  ...Object.values(persons),
  ...Object.values(organizations),
  ...Object.values(networks),
  ...Object.values(interactions),
  ...Object.values(segments),
  ...Object.values(users),
  ...Object.values(events),
  ...Object.values(attendances),
  ...Object.values(auth),
  ...Object.values(registrations),
  ...Object.values(mail),
  ...Object.values(mailImports),
  ...Object.values(graphs),
  ...Object.values(dashboard),
  ...Object.values(consents),
  ...Object.values(privacy),
  ...Object.values(exports),
  ...Object.values(imports),
  ...Object.values(reports),
  ...Object.values(tags),
];
