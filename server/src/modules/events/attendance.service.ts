import type { AttendanceRow, EventRow, PersonRow } from '@anett/db/schema';
import { normalizePersonName } from '@anett/shared/normalize';
import {
  type Attendance,
  type AttendanceBatchResult,
  type ImportOptions,
  type ImportReport,
  type ImportRowReport,
  type PromotedRef,
  SEAT_STATUSES,
  STATUS_TRANSITIONS,
} from '@anett/shared/schemas/attendance';
import type { AttendanceRole, AttendanceStatus } from '@anett/shared/vocab/enums';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { versionConflict } from '../../lib/concurrency.ts';
import { AppError, fieldError, notFound, orNotFound } from '../../lib/errors.ts';
import { formatDate } from '../../lib/pdf.ts';
import { berlinToday, nowIso } from '../../lib/time.ts';
import type { Actor } from '../audit/audit.repository.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { notifyPromotion } from '../registrations/promotion-mail.ts';
import { personName, toAttendance } from './attendance.repository.ts';
import { parseName, type SourceRow } from './attendance-import.ts';

const takesSeat = (status: string) => (SEAT_STATUSES as readonly string[]).includes(status);
const emailSchema = z.email();

type NewPerson = Pick<PersonRow, 'salutation' | 'title' | 'firstName' | 'lastName' | 'email'>;
type ImportPlan = { kind: 'existing'; personId: number } | { kind: 'create'; person: NewPerson } | null;
type ResolvedRow = { report: ImportRowReport; plan: ImportPlan };
/** Rows already seen in this list: person id or new person's key → line. */
type Seen = { persons: Map<number, number>; newKeys: Map<string, number> };

/**
 * Attendance rules: capacity and waiting list, status transitions, check-in, session hours and list import.
 * Every change runs in one transaction (committed with concurrent writes), so counting seats and taking one cannot
 * interleave; the promise settles after the commit.
 */
export function createAttendanceService(ctx: AppContext) {
  const { events, attendances: repo, audit } = ctx;

  const liveEvent = (id: number): EventRow => {
    const row = events.findRow(id);
    if (!row || row.deletedAt) throw notFound('event');
    return row;
  };
  const load = (eventId: number, personId: number): AttendanceRow =>
    orNotFound(repo.find(eventId, personId), 'attendance');
  const shaped = (row: AttendanceRow): Attendance => repo.get(row.eventId, row.personId) as Attendance;
  /** A row just inserted, as the API returns it, without reading it back: no session hours yet. */
  const fresh = (row: AttendanceRow, { id, salutation, title, firstName, lastName, email }: PersonRow): Attendance =>
    toAttendance({
      attendance: row,
      person: { id, salutation, title, firstName, lastName, email },
      hours: 0,
      sessionIds: null,
    });
  const seatFree = (event: EventRow) => event.capacity === null || repo.seatsTaken(event.id) < event.capacity;

  const record = (who: Actor, row: AttendanceRow, action: string, diff: unknown) =>
    audit.record({ ...who, entity: 'attendance', entityId: row.id, action, diff });

  /** Checking in before the day something starts (Berlin time) needs `confirm`: 409 CHECK_IN_BEFORE_EVENT. */
  const assertStarted = (startsAt: string, confirm: boolean | undefined) => {
    if (confirm || berlinToday(new Date(startsAt)) <= berlinToday()) return;
    const day = formatDate(startsAt);
    throw AppError.of('CHECK_IN_BEFORE_EVENT', `It starts on ${day}; send confirm: true to check in anyway`, {
      errors: [{ field: 'confirm', message: `beginnt erst am ${day} – nur mit Bestätigung (confirm)` }],
      data: { startsAt },
    });
  };

  /** Gives free seats to the waiting list, earliest first; each promotion is audited. Call inside a transaction. */
  function fillSeats(event: EventRow, who: Actor): PromotedRef[] {
    const promoted: PromotedRef[] = [];
    while (seatFree(event)) {
      const next = repo.firstWaitlisted(event.id);
      if (!next) break;
      const row = repo.update(next.id, undefined, { status: 'registered', waitlistedAt: null }) as AttendanceRow;
      record(who, row, 'promoted', { eventId: event.id, personId: row.personId, status: ['waitlisted', 'registered'] });
      const person = repo.person(row.personId);
      promoted.push({ attendanceId: row.id, personId: row.personId, name: person ? personName(person) : '' });
      // Who registered on the public page hears it by mail (committed with the promotion).
      notifyPromotion(ctx, event, row.personId);
    }
    return promoted;
  }

  /** A new attendance; a registration beyond the capacity goes to the waiting list. */
  function insert(
    event: EventRow,
    personId: number,
    wanted: AttendanceStatus,
    extra: { role: AttendanceRole; note?: string | null; organizationName?: string | null },
    who: Actor,
    action = 'create',
  ): AttendanceRow {
    const status: AttendanceStatus = wanted === 'registered' && !seatFree(event) ? 'waitlisted' : wanted;
    const now = nowIso();
    const organization =
      repo.currentOrganization(personId) ??
      (extra.organizationName ? { id: null, name: extra.organizationName } : undefined);
    const row = repo.insert({
      eventId: event.id,
      personId,
      status,
      role: extra.role,
      note: extra.note ?? null,
      organizationId: organization?.id ?? null,
      organizationName: organization?.name ?? null,
      waitlistedAt: status === 'waitlisted' ? now : null,
      checkedInAt: status === 'attended' ? now : null,
      checkedInFrom: status === 'attended' ? 'new' : null,
    });
    record(who, row, action, diffRecords(null, row));
    return row;
  }

  /** Marks the person attended (from any status), creating the attendance if there is none. */
  function markAttended(
    event: EventRow,
    personId: number,
    who: Actor,
    organizationName?: string | null,
  ): AttendanceRow {
    const before = repo.find(event.id, personId);
    if (!before) return insert(event, personId, 'attended', { role: 'guest', organizationName }, who, 'check_in');
    if (before.status === 'attended') return before;
    const after = repo.update(before.id, undefined, {
      status: 'attended',
      checkedInAt: before.checkedInAt ?? nowIso(),
      checkedInFrom: before.status,
      waitlistedAt: null,
    }) as AttendanceRow;
    record(who, after, 'check_in', diffRecords(before, after));
    return after;
  }

  function createPerson(values: NewPerson, organizationName: string | null | undefined, who: Actor): PersonRow {
    const organization = organizationName ? repo.organizationByName(organizationName) : undefined;
    const person = repo.createPerson(values, organization?.id);
    audit.record({
      ...who,
      entity: 'person',
      entityId: person.id,
      action: 'create',
      diff: diffRecords(null, { ...values, organizationId: organization?.id ?? null }),
    });
    return person;
  }

  /** What one row of a list means: a known person, a new one, a duplicate to decide on, a skip or an error. */
  function resolveRow(event: EventRow, { line, row }: SourceRow, opts: ImportOptions, seen: Seen): ResolvedRow {
    const name = parseName(row);
    const email = row.email?.trim().toLowerCase() || null;
    const report: ImportRowReport = {
      line,
      status: 'error',
      name: [name.title, name.firstName, name.lastName].filter(Boolean).join(' '),
      email,
      organization: row.organization?.trim() || null,
    };
    const done = (extra: Partial<ImportRowReport>, plan: ImportPlan = null): ResolvedRow => {
      Object.assign(report, extra);
      return { report, plan };
    };
    const fail = (field: string, message: string) => done({ status: 'error', field, message });

    const decision = opts.decisions[String(line)];
    if (decision === 'skip') return done({ status: 'skipped', message: 'übersprungen' });
    if (email && !emailSchema.safeParse(email).success) return fail('email', 'keine gültige E-Mail-Adresse');
    if (!email && !name.lastName) return fail('name', 'Name oder E-Mail fehlt');

    let match: PersonRow | undefined;
    if (typeof decision === 'number') {
      match = repo.person(decision);
      if (!match) return fail('decisions', `Person ${decision} gibt es nicht`);
    } else if (email) {
      match = repo.personsByEmails([email]).get(email);
    }
    if (match) {
      const earlier = seen.persons.get(match.id);
      if (earlier !== undefined)
        return done({ status: 'skipped', personId: match.id, message: `doppelt (wie Zeile ${earlier})` });
      seen.persons.set(match.id, line);
      const attendance = repo.find(event.id, match.id) ? 'existing' : 'new';
      return done({ status: 'matched', personId: match.id, attendance }, { kind: 'existing', personId: match.id });
    }

    if (!name.firstName) return fail('firstName', 'Vorname fehlt, die Person ist unbekannt');
    if (!name.lastName) return fail('lastName', 'Nachname fehlt, die Person ist unbekannt');
    const nameKey = normalizePersonName(name.firstName, name.lastName);
    const key = email ?? nameKey;
    const earlier = seen.newKeys.get(key);
    if (earlier !== undefined) return done({ status: 'skipped', message: `doppelt (wie Zeile ${earlier})` });
    seen.newKeys.set(key, line);
    const candidates = repo.personsByNameKey(nameKey);
    if (candidates.length && decision !== 'create') {
      return done({
        status: 'duplicate_candidate',
        message: 'Person mit gleichem Namen vorhanden: anlegen, überspringen oder zuordnen',
        candidates: candidates.map((p) => ({
          id: p.id,
          name: personName(p),
          email: p.email,
          organization: repo.currentOrganization(p.id)?.name ?? null,
        })),
      });
    }
    const { salutation, title, firstName, lastName } = name;
    return done(
      {
        status: 'new',
        ...(opts.createUnknown || decision === 'create'
          ? {}
          : { message: 'unbekannt: wird nur mit createUnknown angelegt' }),
      },
      { kind: 'create', person: { salutation, title, firstName, lastName, email } },
    );
  }

  /** Committing needs every row resolved: an open duplicate, or an unknown person not to be created, is an error. */
  function requireResolved(report: ImportRowReport, opts: ImportOptions) {
    if (report.status === 'duplicate_candidate') {
      Object.assign(report, {
        status: 'error',
        field: 'decisions',
        message: 'Entscheidung fehlt: create, skip oder eine Personen-ID',
      });
    } else if (report.status === 'new' && !opts.createUnknown && opts.decisions[String(report.line)] !== 'create') {
      Object.assign(report, {
        status: 'error',
        field: 'createUnknown',
        message: 'unbekannte Person: createUnknown oder Entscheidung create nötig',
      });
    }
  }

  return {
    /** One person (409 when already there) or a batch (existing ones are skipped and reported). */
    add(
      eventId: number,
      body: {
        personId?: number;
        personIds?: number[];
        emails?: string[];
        status: AttendanceStatus;
        role: AttendanceRole;
        note: string | null;
      },
      who: Actor,
    ) {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        let personIds: number[];
        let unknownEmails: string[] = [];
        if (body.emails) {
          const found = repo.personsByEmails(body.emails);
          unknownEmails = [...new Set(body.emails.filter((e) => !found.has(e)))];
          personIds = body.emails.flatMap((e) => found.get(e)?.id ?? []);
        } else {
          personIds = body.personIds ?? [body.personId as number];
        }
        personIds = [...new Set(personIds)];
        const known = repo.personsByIds(personIds);
        const missing = personIds.findIndex((id) => !known.has(id));
        if (missing >= 0) {
          const field =
            body.personId !== undefined
              ? 'personId'
              : `personIds.${body.personIds?.indexOf(personIds[missing] as number)}`;
          throw AppError.of('PERSON_NOT_FOUND', 'person not found', {
            errors: [{ field, message: 'unbekannte Person' }],
          });
        }
        const created: AttendanceRow[] = [];
        const skipped: AttendanceBatchResult['skipped'] = [];
        for (const personId of personIds) {
          if (repo.find(eventId, personId)) {
            if (body.personId !== undefined) {
              throw AppError.of('ATTENDANCE_EXISTS', 'The person is already on the list of this event', {
                errors: [{ field: 'personId', message: 'ist bereits eingetragen' }],
              });
            }
            skipped.push({ personId, reason: 'already_attending' });
            continue;
          }
          created.push(insert(event, personId, body.status, { role: body.role, note: body.note }, who));
        }
        const items = created.map((row) => ({
          ...fresh(row, known.get(row.personId) as PersonRow),
          waitlisted: row.status === 'waitlisted',
        }));
        return { items, skipped, unknownEmails };
      });
    },

    update(
      eventId: number,
      personId: number,
      version: number,
      patch: { status?: AttendanceStatus; role?: AttendanceRole; note?: string | null; confirm?: boolean },
      who: Actor,
    ) {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        const before = load(eventId, personId);
        if (before.version !== version) throw versionConflict(shaped(before));
        const values: Partial<AttendanceRow> = {};
        if (patch.role !== undefined) values.role = patch.role;
        if (patch.note !== undefined) values.note = patch.note;
        const from = before.status as AttendanceStatus;
        if (patch.status !== undefined && patch.status !== from) {
          if (!STATUS_TRANSITIONS[from].includes(patch.status)) {
            throw AppError.of('INVALID_STATUS_TRANSITION', `Status ${from} cannot change to ${patch.status}`, {
              errors: [{ field: 'status', message: `${from} → ${patch.status} ist nicht erlaubt` }],
            });
          }
          let next = patch.status;
          if (next === 'registered' && !seatFree(event)) {
            if (from === 'waitlisted') {
              throw AppError.of('EVENT_FULL', 'No seat is free', {
                errors: [{ field: 'status', message: 'alle Plätze sind vergeben' }],
              });
            }
            next = 'waitlisted';
          }
          if (next === 'attended') {
            assertStarted(event.startsAt, patch.confirm);
            values.checkedInFrom = from;
            if (!before.checkedInAt) values.checkedInAt = nowIso();
          }
          values.status = next;
          values.waitlistedAt = next === 'waitlisted' ? nowIso() : null;
        }
        const after = repo.update(before.id, version, values) as AttendanceRow;
        record(who, after, 'update', diffRecords(before, after));
        const promoted = takesSeat(before.status) && after.status === 'cancelled' ? fillSeats(event, who) : [];
        return { ...shaped(after), promoted };
      });
    },

    remove(eventId: number, personId: number, version: number, who: Actor) {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        const before = load(eventId, personId);
        if (before.version !== version || !repo.delete(before, version)) throw versionConflict(shaped(before));
        record(who, before, 'delete', diffRecords(before, null));
        const promoted = takesSeat(before.status) ? fillSeats(event, who) : [];
        return { ok: true as const, promoted };
      });
    },

    /**
     * Self-registration (call inside a write): a new attendance, or a cancelled/interested one taken up again —
     * registered while a seat is free, else waitlisted; an existing registration is left as it is.
     */
    registerWithin(
      eventId: number,
      personId: number,
      extra: { organizationName: string | null; note: string | null },
      who: Actor,
    ): AttendanceRow {
      const event = liveEvent(eventId);
      const before = repo.find(eventId, personId);
      if (!before) return insert(event, personId, 'registered', { role: 'guest', ...extra }, who, 'self_register');
      if (before.status !== 'cancelled' && before.status !== 'interested') return before;
      const status: AttendanceStatus = seatFree(event) ? 'registered' : 'waitlisted';
      const after = repo.update(before.id, undefined, {
        status,
        waitlistedAt: status === 'waitlisted' ? nowIso() : null,
      }) as AttendanceRow;
      record(who, after, 'self_register', diffRecords(before, after));
      return after;
    },

    /** Cancellation by the person (call inside a write); a freed seat goes to the waiting list. */
    cancelWithin(eventId: number, personId: number, who: Actor): { row: AttendanceRow; promoted: PromotedRef[] } {
      const event = liveEvent(eventId);
      const before = load(eventId, personId);
      if (before.status !== 'registered' && before.status !== 'waitlisted') {
        throw AppError.of('CANNOT_CANCEL', `The attendance is ${before.status}`, {
          errors: [{ field: 'token', message: `Status ${before.status}: nicht mehr abzusagen` }],
        });
      }
      const after = repo.update(before.id, undefined, { status: 'cancelled', waitlistedAt: null }) as AttendanceRow;
      record(who, after, 'self_cancel', diffRecords(before, after));
      return { row: after, promoted: takesSeat(before.status) ? fillSeats(event, who) : [] };
    },

    /** After a capacity change (inside its `ctx.change`): free seats go to the waiting list. */
    fillSeats(eventId: number, who: Actor): PromotedRef[] {
      return fillSeats(liveEvent(eventId), who);
    },

    checkIn(eventId: number, personId: number, confirm: boolean, who: Actor): Promise<Attendance> {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        if (!repo.person(personId)) {
          throw AppError.of('PERSON_NOT_FOUND', 'person not found', {
            errors: [{ field: 'personId', message: 'unbekannte Person' }],
          });
        }
        if (repo.find(eventId, personId)?.status !== 'attended') assertStarted(event.startsAt, confirm);
        return shaped(markAttended(event, personId, who));
      });
    },

    /**
     * Undoes a check-in: the status before it comes back (a waitlisted person goes to the end of the waiting list), or
     * the attendance goes when the check-in had put the person on the list. A freed seat goes to the waiting list.
     */
    undoCheckIn(eventId: number, personId: number, version: number | undefined, who: Actor) {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        const before = load(eventId, personId);
        if (version !== undefined && version !== before.version) throw versionConflict(shaped(before));
        if (before.status !== 'attended') {
          throw AppError.of('NOT_CHECKED_IN', 'The person is not checked in', {
            errors: [{ field: 'personId', message: 'ist nicht eingecheckt' }],
          });
        }
        if (repo.hasSessionAttendance(eventId, personId)) {
          throw AppError.of('CHECK_IN_HAS_SESSIONS', 'Attendance of sessions is recorded; remove it there first', {
            errors: [{ field: 'personId', message: 'ist bei Terminen als anwesend erfasst – dort zuerst austragen' }],
          });
        }
        const previous = (before.checkedInFrom ?? 'registered') as AttendanceStatus | 'new';
        let attendance: Attendance | null = null;
        if (previous === 'new') {
          if (!repo.delete(before, before.version)) throw versionConflict(shaped(before));
          record(who, before, 'check_in_undone', diffRecords(before, null));
        } else {
          const after = repo.update(before.id, before.version, {
            status: previous,
            checkedInAt: null,
            checkedInFrom: null,
            waitlistedAt: previous === 'waitlisted' ? nowIso() : null,
          }) as AttendanceRow;
          record(who, after, 'check_in_undone', diffRecords(before, after));
          attendance = shaped(after);
        }
        const promoted = takesSeat(previous) ? [] : fillSeats(event, who);
        // A promotion may have been this very person (seat free again): return the row as it is now.
        if (attendance && promoted.some((p) => p.personId === personId)) attendance = shaped(load(eventId, personId));
        return { attendance, promoted };
      });
    },

    /** Someone not on the list: found by e-mail, otherwise created, and checked in. */
    walkIn(
      eventId: number,
      body: {
        salutation: 'frau' | 'herr' | null;
        title: string | null;
        firstName: string;
        lastName: string;
        email: string | null;
        organizationName: string | null;
        confirm?: boolean;
      },
      who: Actor,
    ) {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        let person = body.email ? repo.personsByEmails([body.email]).get(body.email) : undefined;
        if (!person || repo.find(eventId, person.id)?.status !== 'attended')
          assertStarted(event.startsAt, body.confirm);
        const personCreated = !person;
        if (!person) {
          const { organizationName, confirm: _, ...values } = body;
          person = createPerson(values, organizationName, who);
        }
        const row = markAttended(event, person.id, who, body.organizationName);
        return { attendance: shaped(row), personCreated };
      });
    },

    counters(eventId: number) {
      const event = liveEvent(eventId);
      const counts = repo.countsByStatus(eventId);
      const registered = counts.registered ?? 0;
      const attended = counts.attended ?? 0;
      return {
        registered: registered + attended,
        attended,
        open: registered,
        waitlisted: counts.waitlisted ?? 0,
        capacity: event.capacity,
      };
    },

    /** Who attended a session: replaces the set, credits the session's hours and marks them attended. */
    setSessionAttendance(eventId: number, sessionId: number, personIds: number[], confirm: boolean, who: Actor) {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        const session = orNotFound(events.findSession(eventId, sessionId), 'session');
        if (personIds.length) assertStarted(session.startsAt, confirm);
        const ids = [...new Set(personIds)].sort((a, b) => a - b);
        const rows = ids.map((id) => {
          const row = repo.find(eventId, id);
          const field = `personIds.${personIds.indexOf(id)}`;
          if (!row) throw fieldError(field, 'ist nicht zu dieser Veranstaltung angemeldet', 'ATTENDANCE_NOT_FOUND');
          if (row.status === 'cancelled') {
            throw AppError.of('INVALID_STATUS_TRANSITION', 'A cancelled registration cannot attend a session', {
              errors: [{ field, message: 'hat abgesagt' }],
            });
          }
          return row;
        });
        for (const row of rows) markAttended(event, row.personId, who);
        const before = repo.sessionAttendees(sessionId);
        repo.replaceSessionAttendees(sessionId, ids, session.hours);
        audit.record({
          ...who,
          entity: 'event_session',
          entityId: sessionId,
          action: 'attendance',
          diff: { personIds: [before, ids] },
        });
        return { sessionId, hours: session.hours, personIds: ids };
      });
    },

    /**
     * Checks every row of a sign-in list and, with `commit`, writes them all in one transaction — or nothing when a
     * row has an error (then `committed` is false).
     */
    import(eventId: number, source: SourceRow[], opts: ImportOptions, who: Actor): Promise<ImportReport> {
      return ctx.write(() => {
        const event = liveEvent(eventId);
        const seen: Seen = { persons: new Map(), newKeys: new Map() };
        const resolved = source.map((item) => resolveRow(event, item, opts, seen));
        const reports = resolved.map((r) => r.report);
        if (opts.commit) for (const report of reports) requireResolved(report, opts);

        const tally = (s: ImportRowReport['status']) => reports.filter((r) => r.status === s).length;
        const summary: ImportReport['summary'] = {
          total: reports.length,
          matched: tally('matched'),
          new: tally('new'),
          duplicateCandidates: tally('duplicate_candidate'),
          skipped: tally('skipped'),
          errors: tally('error'),
          committed: false,
          personsCreated: 0,
          attendancesWritten: 0,
        };
        if (!opts.commit || summary.errors > 0) return { rows: reports, summary };

        resolved.forEach(({ report, plan }, i) => {
          if (!plan) return;
          const organizationName = source[i]?.row.organization?.trim() || null;
          let personId: number;
          if (plan.kind === 'create') {
            personId = createPerson(plan.person, organizationName, who).id;
            report.personId = personId;
            summary.personsCreated++;
          } else {
            personId = plan.personId;
          }
          const existing = repo.find(event.id, personId);
          if (!existing) {
            insert(event, personId, opts.status, { role: opts.role, organizationName }, who, 'import');
            summary.attendancesWritten++;
          } else if (opts.status === 'attended' && existing.status !== 'attended') {
            markAttended(event, personId, who);
            summary.attendancesWritten++;
          }
        });
        summary.committed = true;
        audit.record({
          ...who,
          entity: 'event',
          entityId: event.id,
          action: 'import_attendances',
          diff: { ...summary },
        });
        return { rows: reports, summary };
      });
    },
  };
}
export type AttendanceService = ReturnType<typeof createAttendanceService>;
