import { dashboard as dashboardSchema } from '../schemas/dashboard.ts';
import { defineRoute } from './define.ts';

/** The start page's figures. */
export const dashboard = {
  get: defineRoute({
    method: 'GET',
    path: '/api/dashboard',
    tag: 'dashboard',
    summary:
      'Übersicht: key figures of this year and last year, upcoming events, my due follow-ups, recent activity, ' +
      'attendances per month, reach per node',
    responses: { 200: dashboardSchema },
    errors: [401, 403],
  }),
};
