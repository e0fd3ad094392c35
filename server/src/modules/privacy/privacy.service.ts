import type { PersonRow } from '@anett/db/schema';
import type { Actor, AuditEntry } from '../audit/audit.repository.ts';
import type { SuppressionsRepository } from '../consents/suppressions.repository.ts';
import type { PersonsRepository } from '../persons/persons.repository.ts';
import { excerpt, type Identity, type Matchers, matchersFor, mentionsIn, scrub } from './identifiers.ts';
import type { PrivacyLedger } from './ledger.ts';
import type { PrivacyRepository } from './privacy.repository.ts';

const MAX_MENTIONS = 500;
const isStrong = (kinds: string[]) => kinds.some((k) => k !== 'lastName');

/** The audit entry of an erasure, filed under the person asked for. */
export const erasureEntry = (
  result: { erasedIds: number[]; scrubbedInteractions: number },
  action: 'erase' | 'erase_reapplied' = 'erase',
): AuditEntry => ({
  entity: 'person',
  entityId: result.erasedIds[0] ?? null,
  action,
  diff: { erased: true, erasedIds: result.erasedIds, scrubbedInteractions: result.scrubbedInteractions },
});

/**
 * Art. 15 (information) and Art. 17 (erasure) across everything that can hold a person: their rows, the texts that
 * name them (contact log, audit payloads, segments) and the search indexes.
 */
export function createPrivacyService(deps: {
  privacy: PrivacyRepository;
  persons: PersonsRepository;
  suppressions: SuppressionsRepository;
  ledger: PrivacyLedger;
  /** `ctx.changeNow`: the ledger is applied at start, before the write queue serves anyone. */
  changeNow: <T>(who: Actor, work: () => T, entries: (result: T) => AuditEntry) => T;
}) {
  const { privacy, persons, suppressions, ledger, changeNow } = deps;

  /** The person and everyone merged into them, not yet erased. */
  const rowsOf = (id: number): PersonRow[] =>
    privacy
      .mergeChain(id)
      .map((i) => persons.findRow(i))
      .filter((r): r is PersonRow => r !== undefined && r.erasedAt === null);

  /**
   * The persons as they are, with each additional e-mail address and phone number, and as they were before changes the
   * audit log recorded (a former e-mail or phone).
   */
  const identities = (rows: PersonRow[]): Identity[] => {
    const former: Identity[] = [];
    for (const c of privacy.contactPoints(rows.map((r) => r.id))) {
      const row = rows.find((r) => r.id === c.personId) as PersonRow;
      former.push({
        ...row,
        email: c.kind === 'email' ? c.value : null,
        phone: c.kind === 'phone' ? c.value : null,
        mobile: c.kind === 'mobile' ? c.value : null,
      });
    }
    const fields = ['title', 'firstName', 'lastName', 'email', 'phone', 'mobile'] as const;
    for (const diff of privacy.ownChanges(rows.map((r) => r.id))) {
      if (!diff || typeof diff !== 'object') continue;
      const before: Partial<Record<(typeof fields)[number], string>> = {};
      for (const f of fields) {
        const change = (diff as Record<string, unknown>)[f];
        if (Array.isArray(change) && typeof change[0] === 'string' && change[0].trim()) before[f] = change[0];
      }
      if (Object.keys(before).length === 0) continue;
      const row = rows[0] as PersonRow;
      former.push({
        title: before.title ?? row.title,
        firstName: before.firstName ?? row.firstName,
        lastName: before.lastName ?? row.lastName,
        email: before.email ?? null,
        phone: before.phone ?? null,
        mobile: before.mobile ?? null,
      });
    }
    return [...rows, ...former];
  };

  /** A last name no one else carries identifies the person on its own; a common one does not. */
  const distinctiveLastName = (rows: PersonRow[]) =>
    rows.every(
      (r) =>
        r.lastName.trim().length >= 3 &&
        !privacy.nameInUseElsewhere(
          r.lastName.trim(),
          rows.map((x) => x.id),
        ),
    );

  const textOf = (i: { subject: string; summary: string | null }) => `${i.subject}\n${i.summary ?? ''}`;

  function unlinkedMentions(rows: PersonRow[], m: Matchers) {
    return privacy
      .unlinkedCandidates(
        rows.map((r) => r.id),
        m.probes,
      )
      .map((i) => ({ ...i, matches: mentionsIn(textOf(i), m) }))
      .filter((i) => i.matches.length > 0);
  }

  /** Audit payloads and segments outside the person's own records that name them. */
  function elsewhere(rows: PersonRow[], m: Matchers) {
    const lastName = distinctiveLastName(rows);
    const named = (text: string) => {
      const kinds = mentionsIn(text, m);
      return isStrong(kinds) || (lastName && kinds.includes('lastName'));
    };
    return {
      lastName,
      audit: privacy.auditCandidates(m.probes).filter((a) => named(a.diff)),
      segments: privacy.segmentCandidates(m.probes).filter((s) => named(`${s.name}\n${s.filter}`)),
    };
  }

  return {
    rowsOf,

    /** Everything stored about the person (Art. 15), including the entries, audit payloads and segments naming them. */
    dataOf(id: number): Record<string, Record<string, unknown>[]> {
      const data = privacy.dataOf(id);
      const rows = privacy
        .mergeChain(id)
        .map((i) => persons.findRow(i))
        .filter((r): r is PersonRow => r !== undefined);
      const m = matchersFor(identities(rows));
      // Only mentions that identify the person: an entry naming "Müller" alone may be about someone else.
      const mentions = unlinkedMentions(rows, m).filter((i) => isStrong(i.matches));
      const { audit: auditRows, segments } = elsewhere(rows, m);
      const own = new Set(data.audit_entries?.map((a) => a.id));
      return {
        ...data,
        interaction_mentions: mentions.map(({ matches, ...i }) => ({ ...i, interactionId: i.id, matches })),
        audit_mentions: auditRows
          .filter((a) => !own.has(a.id))
          .map((a) => ({ id: a.id, entity: a.entity, entityId: a.entityId, diff: JSON.parse(a.diff) as unknown })),
        segment_mentions: segments.map((s) => ({ id: s.id, name: s.name, filter: JSON.parse(s.filter) as unknown })),
      };
    },

    /** What an erasure will touch, and the unlinked contact-log entries that mention the person for the admin to pick. */
    preview(id: number) {
      const rows = rowsOf(id);
      const m = matchersFor(identities(rows));
      const mentions = unlinkedMentions(rows, m);
      const { lastName, audit: auditRows, segments } = elsewhere(rows, m);
      return {
        erasedIds: rows.map((r) => r.id),
        linkedInteractions: privacy.linkedInteractionIds(rows.map((r) => r.id)).length,
        auditMentions: auditRows.length,
        segmentMentions: segments.length,
        lastNameIsDistinctive: lastName,
        mentions: mentions.slice(0, MAX_MENTIONS).map((i) => ({
          interactionId: i.id,
          occurredAt: i.occurredAt,
          subject: i.subject,
          excerpt: excerpt(textOf(i), m),
          matches: i.matches,
          deleted: i.deletedAt !== null,
          // Pre-selected when it identifies the person; a bare last name may be a namesake.
          suggested: isStrong(i.matches),
        })),
        mentionsTotal: mentions.length,
      };
    },

    /**
     * Erases the rows (call inside one transaction): the linked contact-log entries lose every name, e-mail and phone
     * of the person, the confirmed unlinked ones (`scrubInteractionIds`) too; audit payloads about them are replaced
     * and all others, segments and export filters lose full name, e-mail and phone (and the last name when no one else
     * carries it). The e-mails go on the suppression list, the erasure into the ledger a restore cannot undo.
     */
    erase(rows: PersonRow[], at: string, opts: { scrubInteractionIds?: number[] }) {
      const ids = rows.map((r) => r.id);
      const m = matchersFor(identities(rows));
      const linked = new Set(privacy.linkedInteractionIds(ids));
      const confirmed = new Set((opts.scrubInteractionIds ?? []).filter((i) => !linked.has(i)));
      const lastName = distinctiveLastName(rows);
      const namesFor = (interactionId: number | null) =>
        interactionId !== null && linked.has(interactionId)
          ? { lastName: true, firstName: true }
          : interactionId !== null && confirmed.has(interactionId)
            ? { lastName: true }
            : { lastName };

      for (const i of privacy.interactionTexts([...linked, ...confirmed])) {
        const names = namesFor(i.id);
        const subject = scrub(i.subject, m, names);
        const summary = i.summary === null ? null : scrub(i.summary, m, names);
        if (subject !== i.subject || summary !== i.summary) privacy.setInteractionText(i.id, subject, summary);
      }
      privacy.blankAuditAbout(ids);
      for (const a of privacy.auditCandidates(m.probes)) {
        const diff = scrub(a.diff, m, namesFor(a.entity === 'interaction' ? a.entityId : null));
        if (diff !== a.diff) privacy.setAuditDiff(a.id, diff);
      }
      for (const s of privacy.segmentCandidates(m.probes)) {
        const name = scrub(s.name, m, { lastName });
        const filter = scrub(s.filter, m, { lastName });
        if (name !== s.name || filter !== s.filter) privacy.setSegment(s.id, name, filter);
      }
      // Additional addresses are suppressed like the main one.
      const additional = privacy.contactPoints(ids).flatMap((c) => (c.kind === 'email' ? [c.value] : []));
      privacy.anonymise(ids, at);
      const emails = [
        ...new Set([...rows.flatMap((r) => (r.email ? [r.email] : [])), ...additional].map((e) => e.toLowerCase())),
      ];
      for (const email of emails) suppressions.add(email, 'erasure');
      ledger.recordErasures(rows, at, [...confirmed]);
      return { erasedIds: ids, suppressedEmails: emails.length, scrubbedInteractions: confirmed.size };
    },

    purgeRemnants: () => privacy.purgeRemnants(),

    /**
     * Applies the ledger (at start and after a restore): rows it lists as erased that are not (an older backup was
     * restored) are erased again; the ledger file gets what it lacks. Returns how many rows were erased again.
     */
    reapplyLedger(at: string): number {
      const pending = ledger.merge();
      if (pending.length > 0) {
        for (const { personId, scrubbedInteractionIds } of pending) {
          const row = persons.findRow(personId);
          // Entries created after the backup are not in it; the others are scrubbed again.
          const scrub = scrubbedInteractionIds.filter((i) => !privacy.missingInteractionIds([i]).length);
          if (row && row.erasedAt === null)
            changeNow(
              { userId: null },
              () => this.erase([row], at, { scrubInteractionIds: scrub }),
              (result) => erasureEntry(result, 'erase_reapplied'),
            );
        }
        privacy.purgeRemnants();
      }
      ledger.mirror();
      return pending.length;
    },
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
