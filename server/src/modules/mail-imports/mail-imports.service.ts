import type {
  MailAddress,
  MailCommitResult,
  MailDropTarget,
  MailPreview,
  MailPreviewItem,
} from '@anett/shared/schemas/mail-import';
import type { EntityRef } from '@anett/shared/schemas/network';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { berlinToday, nowIso } from '../../lib/time.ts';
import type { UserActor as Actor } from '../audit/audit.repository.ts';
import { diffRecords } from '../audit/audit.repository.ts';
import { SCRUBBED } from '../privacy/identifiers.ts';
import { createMailImportsRepository } from './mail-imports.repository.ts';
import type { ParsedMail, RawAddress } from './mail-parse.ts';

export type UploadedMail = { index: number; fileName: string; mail: ParsedMail };

const SUBJECT_MAX = 300;
const SUMMARY_MAX = 20_000;
const clip = (s: string, max: number, tail = '…') => (s.length > max ? s.slice(0, max - tail.length) + tail : s);

/** "Anna Müller <anna@…>" for the lines on top of the stored text; suppressed addresses are not written down. */
const line = (a: MailAddress) => (a.suppressed ? SCRUBBED : a.name ? `${a.name} <${a.address}>` : a.address);

/**
 * Mails dropped onto a person, an organisation or the contact log become `email` entries of the contact log. Matching
 * is by address (main e-mail or a further contact point, case-insensitive); suppressed addresses (objection, erasure)
 * are never linked nor offered to create. A mail sent from a user's address is outgoing, any other incoming.
 */
export function createMailImportsService(ctx: AppContext) {
  const repo = createMailImportsRepository(ctx.db);

  function preview(uploads: UploadedMail[], target: MailDropTarget): MailPreview {
    const contextPerson = target.personId ? requirePerson(target.personId) : null;
    if (target.organizationId) requireOrganization(target.organizationId);
    const all = uploads.flatMap(({ mail }) => [...(mail.from ? [mail.from] : []), ...mail.to, ...mail.cc]);
    const addresses = [...new Set(all.map((a) => a.address))];
    const byAddress = repo.personsByAddress(addresses);
    const staff = repo.staffAmong(addresses);
    const suppressed = ctx.suppressions.suppressedAmong(addresses);
    const logged = ctx.interactions.byMailKeys([...new Set(uploads.map((u) => u.mail.mailKey))]);
    const describe = (a: RawAddress): MailAddress => {
      const isSuppressed = suppressed.has(a.address);
      return {
        address: isSuppressed ? SCRUBBED : a.address,
        name: isSuppressed ? null : a.name,
        person: isSuppressed ? null : (byAddress.get(a.address)?.[0] ?? null),
        staff: staff.has(a.address),
        suppressed: isSuppressed,
      };
    };
    const firstOfKey = new Map<string, number>();
    const mails = uploads.map(({ index, fileName, mail }): MailPreviewItem => {
      const from = mail.from ? describe(mail.from) : null;
      const to = mail.to.map(describe);
      const cc = mail.cc.map(describe);
      const persons = new Map<number, EntityRef>();
      if (contextPerson) persons.set(contextPerson.id, contextPerson);
      for (const a of [from, ...to, ...cc]) if (a?.person) persons.set(a.person.id, a.person);
      const earlier = firstOfKey.get(mail.mailKey);
      if (earlier === undefined) firstOfKey.set(mail.mailKey, index);
      const existing = logged.get(mail.mailKey);
      return {
        index,
        fileName,
        format: mail.format,
        subject: mail.subject,
        date: mail.date,
        text: mail.text,
        direction: mail.from && staff.has(mail.from.address) ? 'out' : 'in',
        from,
        to,
        cc,
        alreadyLogged: existing === undefined ? null : { interactionId: existing },
        duplicateOf: earlier ?? null,
        persons: [...persons.values()],
        linkable: persons.size > 0 || target.organizationId !== undefined,
      };
    });
    const unknown = new Map<string, string | null>();
    for (const a of all) {
      if (byAddress.has(a.address) || staff.has(a.address) || suppressed.has(a.address)) continue;
      if (!unknown.get(a.address)) unknown.set(a.address, a.name);
    }
    return { mails, unknown: [...unknown].map(([address, name]) => ({ address, name })) };
  }

  function requirePerson(id: number): EntityRef {
    const person = ctx.persons.findRow(id);
    if (!person || person.deletedAt || person.erasedAt) throw AppError.of('PERSON_NOT_FOUND', 'person not found');
    return { id: person.id, name: [person.title, person.firstName, person.lastName].filter(Boolean).join(' ') };
  }
  function requireOrganization(id: number) {
    const organization = ctx.organizations.findById(id);
    if (!organization || organization.deletedAt) throw AppError.of('ORGANIZATION_NOT_FOUND', 'organization not found');
  }

  /** Logs every new mail in one transaction; refuses (422, nothing written) when one would concern nobody. */
  async function commit(uploads: UploadedMail[], target: MailDropTarget, who: Actor): Promise<MailCommitResult> {
    const { mails } = preview(uploads, target);
    const nobody = mails.filter((m) => !m.linkable && m.alreadyLogged === null && m.duplicateOf === null);
    if (nobody.length) {
      throw AppError.of(
        'MAIL_CONCERNS_NOBODY',
        'Keine bekannte Person unter den Adressen: Person anlegen oder auf eine Person/Organisation ziehen',
        {
          errors: nobody.map((m) => ({
            field: `files.${m.index}`,
            message: `${m.fileName}: keine bekannte Person unter den Adressen`,
          })),
          data: { files: nobody.map((m) => ({ index: m.index, reason: 'nobody' })) },
        },
      );
    }
    const today = berlinToday();
    const byIndex = new Map(uploads.map((u) => [u.index, u.mail]));
    // All mails in one write job: either every new one is logged with its audit entry, or none is.
    return ctx.write(() => {
      const result: MailCommitResult = { logged: [], duplicates: [] };
      for (const m of mails) {
        const mail = byIndex.get(m.index) as ParsedMail;
        // Checked again inside the write: the same mail may have been dropped by someone else meanwhile.
        const existing =
          m.alreadyLogged?.interactionId ??
          ctx.interactions.byMailKeys([mail.mailKey]).get(mail.mailKey) ??
          (m.duplicateOf === null ? undefined : result.logged.find((l) => l.index === m.duplicateOf)?.interactionId);
        if (existing !== undefined || m.duplicateOf !== null) {
          result.duplicates.push({ index: m.index, interactionId: existing ?? null });
          continue;
        }
        const personIds = m.persons.map((p) => p.id);
        const organizationIds = target.organizationId
          ? [target.organizationId]
          : ctx.interactions.currentOrganizationIds(personIds, today);
        const header = [
          m.from ? `Von: ${line(m.from)}` : null,
          m.to.length ? `An: ${m.to.map(line).join(', ')}` : null,
          m.cc.length ? `Cc: ${m.cc.map(line).join(', ')}` : null,
        ].filter(Boolean);
        const id = ctx.interactions.create({
          occurredAt: m.date ?? nowIso(),
          kind: 'email',
          subject: clip(m.subject || '(ohne Betreff)', SUBJECT_MAX),
          summary: clip([...header, '', m.text].join('\n').trim(), SUMMARY_MAX, '\n… (gekürzt)'),
          personIds,
          organizationIds,
          topicIds: [],
          nodeId: null,
          eventId: null,
          followUpOn: null,
          authorId: who.userId,
          mailKey: mail.mailKey,
          direction: m.direction,
        });
        const after = ctx.interactions.get(id) ?? null;
        ctx.audit.record({
          ...who,
          entity: 'interaction',
          entityId: id,
          action: 'create',
          diff: diffRecords(null, after),
        });
        result.logged.push({ index: m.index, interactionId: id });
      }
      return result;
    });
  }

  return { preview, commit };
}
