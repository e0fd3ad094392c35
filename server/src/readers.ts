import type { Db } from '@anett/db/client';
import type { ReachParams, ReachReport } from '@anett/shared/schemas/report';
import { createSuppressionsRepository } from './modules/consents/suppressions.repository.ts';
import { createDashboardRepository } from './modules/dashboard/dashboard.repository.ts';
import { createDashboardService } from './modules/dashboard/dashboard.service.ts';
import { createAttendanceRepository } from './modules/events/attendance.repository.ts';
import { attendanceListPdf, certificatesPdf, contributionsPdf } from './modules/events/attendance-documents.ts';
import { createEventsRepository } from './modules/events/events.repository.ts';
import { createExportsRepository } from './modules/exports/exports.repository.ts';
import { createExportsService } from './modules/exports/exports.service.ts';
import { createGraphRepository } from './modules/graph/graph.repository.ts';
import { createGraphService } from './modules/graph/graph.service.ts';
import { createInteractionsRepository } from './modules/interactions/interactions.repository.ts';
import { createTimelineRepository } from './modules/interactions/timeline.repository.ts';
import { createMailRepository } from './modules/mail/mail.repository.ts';
import { createNetworkRepository } from './modules/network/network.repository.ts';
import { createOrganizationsRepository } from './modules/organizations/organizations.repository.ts';
import { createPersonsRepository } from './modules/persons/persons.repository.ts';
import { createPrivacyRepository } from './modules/privacy/privacy.repository.ts';
import { createReachService } from './modules/reports/reach.service.ts';
import { type ReportMeta, reachPdf, reachXlsx } from './modules/reports/reach-export.ts';
import { createReportsRepository } from './modules/reports/reports.repository.ts';

/**
 * The repositories and services whose reads may run on a read worker (`ctx.read`, `ctx.jobs`): built the same way
 * over the request thread's connection or over a worker's read-only one. Arguments and results cross threads, so
 * they are plain data (structured clone): no functions, no class instances but Date, Map, Set and typed arrays.
 */
export function createReaders(db: Db) {
  const reports = createReportsRepository(db);
  const interactions = createInteractionsRepository(db);
  const reach = createReachService(reports);
  const events = createEventsRepository(db);
  return {
    persons: createPersonsRepository(db),
    organizations: createOrganizationsRepository(db),
    network: createNetworkRepository(db),
    events,
    attendances: createAttendanceRepository(db),
    interactions,
    timeline: createTimelineRepository(db),
    dashboard: createDashboardService({
      dashboard: createDashboardRepository(db),
      events,
      interactions,
      reports,
    }),
    /** Event documents rendered from the data the request thread loaded. */
    documents: { attendanceList: attendanceListPdf, certificates: certificatesPdf, contributions: contributionsPdf },
    privacy: createPrivacyRepository(db),
    suppressions: createSuppressionsRepository(db),
    mail: createMailRepository(db),
    exports: createExportsService(createExportsRepository(db)),
    graph: createGraphService(createGraphRepository(db)),
    reach,
    reachFiles: {
      /** A reach report (computed here from `query`, or a frozen one) as the bytes of a PDF or XLSX file. */
      render(format: 'pdf' | 'xlsx', source: { query: ReachParams } | { report: ReachReport }, meta: ReportMeta) {
        const report = 'report' in source ? source.report : reach.report(source.query);
        return (format === 'pdf' ? reachPdf : reachXlsx)(report, meta);
      },
    },
  };
}
export type Readers = ReturnType<typeof createReaders>;
