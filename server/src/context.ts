import type { Db } from '@anett/db/client';
import { createWriteQueue } from '@anett/db/write-queue';
import type { Config } from './config.ts';
import { type Actor, type AuditEntry, createAuditRepository } from './modules/audit/audit.repository.ts';
import { createFactorsRepository } from './modules/auth/factors.repository.ts';
import { createLoginAttemptsRepository } from './modules/auth/login-attempts.repository.ts';
import { createLoginThrottle } from './modules/auth/login-throttle.ts';
import { createConsentsRepository } from './modules/consents/consents.repository.ts';
import { createSuppressionsRepository } from './modules/consents/suppressions.repository.ts';
import { createDashboardRepository } from './modules/dashboard/dashboard.repository.ts';
import { createAttendanceRepository } from './modules/events/attendance.repository.ts';
import { createEventsRepository } from './modules/events/events.repository.ts';
import { createExportsRepository } from './modules/exports/exports.repository.ts';
import { createGraphRepository } from './modules/graph/graph.repository.ts';
import { createImportsRepository } from './modules/imports/imports.repository.ts';
import { createInteractionsRepository } from './modules/interactions/interactions.repository.ts';
import { createTimelineRepository } from './modules/interactions/timeline.repository.ts';
import { createMailRepository } from './modules/mail/mail.repository.ts';
import { createNetworkRepository } from './modules/network/network.repository.ts';
import { createOrganizationsRepository } from './modules/organizations/organizations.repository.ts';
import { createPersonsRepository } from './modules/persons/persons.repository.ts';
import { createPrivacyLedger } from './modules/privacy/ledger.ts';
import { createPrivacyRepository } from './modules/privacy/privacy.repository.ts';
import { createPrivacyService } from './modules/privacy/privacy.service.ts';
import { createRegistrationsRepository } from './modules/registrations/registrations.repository.ts';
import { createReportsRepository } from './modules/reports/reports.repository.ts';
import { createSegmentsRepository } from './modules/segments/segments.repository.ts';
import { createTagsRepository } from './modules/tags/tags.repository.ts';
import { createUsersRepository } from './modules/users/users.repository.ts';
import { createReadLanes, type ReadPool } from './read-pool.ts';

/**
 * Everything a route module needs, built once per app (and so once per test). The read threads start at the first
 * read; a `readPool` handed in is shared (a test file's apps) and stays open when the context closes.
 */
export function createContext(db: Db, config: Config, readPool?: ReadPool) {
  const write = createWriteQueue(db);
  const audit = createAuditRepository(db);
  const lanes = createReadLanes(db, config, readPool);
  const persons = createPersonsRepository(db);
  const privacy = createPrivacyRepository(db);
  const suppressions = createSuppressionsRepository(db);
  const privacyLedger = createPrivacyLedger(db, config.privacyLedgerPath);
  type Entries<T> = (result: T) => AuditEntry | AuditEntry[];
  const apply = <T>(who: Actor, work: () => T, entries: Entries<T>): T => {
    const result = work();
    for (const entry of [entries(result)].flat()) audit.record({ ...who, ...entry });
    return result;
  };
  const change = <T>(who: Actor, work: () => T, entries: Entries<T>): Promise<T> =>
    write(() => apply(who, work, entries));
  /** `change` committed at once, outside the queue: for start-up repairs, before any request is served. */
  const changeNow = <T>(who: Actor, work: () => T, entries: Entries<T>): T =>
    db.$client.transaction(() => apply(who, work, entries)).immediate();
  return {
    db,
    config,
    /** Short reads (lists, search, detail, timelines, history, dashboard, graph) on a read worker. */
    read: lanes.read,
    /** Heavy reads (reports, rendered files) in their own lane: never on a thread a short read waits for. */
    jobs: lanes.jobs,
    /** A file streamed from the heavy lane in chunks, as fast as the client takes them. */
    stream: lanes.stream,
    /** Starts the read workers and waits until they have loaded (the app's onReady). */
    warm: lanes.warm,
    /** Ends the read workers (the app's onClose). */
    close: lanes.close,
    /**
     * The raw group-commit queue, for writes that have no audit entry (login throttle, mail delivery state). A change
     * a user makes goes through `change`/`audited`. The work must be synchronous.
     */
    write,
    /**
     * The only way a change and its audit entries are written: `work`, then the entries `entries(result)` describes,
     * in one transaction (never one without the other), committed together with the writes of concurrent requests;
     * resolves after the commit. The work must be synchronous.
     */
    change,
    /** `change` for the common case: one row written, its entry filed under the row's id and described by `diff(row)`. */
    audited: <T extends { id: number }>(
      who: Actor,
      entity: string,
      action: string,
      work: () => T,
      diff: (row: T) => unknown,
    ): Promise<T> => change(who, work, (row) => ({ entity, entityId: row.id, action, diff: diff(row) })),
    audit,
    users: createUsersRepository(db),
    factors: createFactorsRepository(db, config.secondFactorRoles ?? ['admin']),
    loginThrottle: createLoginThrottle(createLoginAttemptsRepository(db)),
    interactions: createInteractionsRepository(db),
    timeline: createTimelineRepository(db),
    organizations: createOrganizationsRepository(db),
    persons,
    network: createNetworkRepository(db),
    tags: createTagsRepository(db),
    events: createEventsRepository(db),
    attendances: createAttendanceRepository(db),
    consents: createConsentsRepository(db),
    suppressions,
    segments: createSegmentsRepository(db),
    exports: createExportsRepository(db),
    imports: createImportsRepository(db),
    privacy,
    privacyLedger,
    privacyService: createPrivacyService({ privacy, persons, suppressions, ledger: privacyLedger, changeNow }),
    reports: createReportsRepository(db),
    dashboard: createDashboardRepository(db),
    graph: createGraphRepository(db),
    mail: createMailRepository(db),
    registrations: createRegistrationsRepository(db),
  };
}
export type AppContext = ReturnType<typeof createContext>;
