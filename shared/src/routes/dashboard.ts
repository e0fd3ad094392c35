import { dashboard as dashboardSchema } from '../schemas/dashboard.ts';
import { domainRoutes } from './define.ts';

/** The start page's figures. */
export const dashboard = domainRoutes('dashboard', {
  get: {
    method: 'GET',
    path: '/api/dashboard',
    summary:
      'Übersicht: key figures of this year and last year, upcoming events, my due follow-ups, recent activity, ' +
      'attendances per month, reach per node',
    responses: { 200: dashboardSchema },
  },
});
