import type { Db } from '@anett/db/client';
import { mailOutbox, type OutboxRow } from '@anett/db/schema';
import type { OutboxListQuery, OutboxMail, OutboxMailDetail } from '@anett/shared/schemas/mail';
import { and, asc, desc, eq, lte, or, sql } from 'drizzle-orm';
import { pageOfTable } from '../../lib/listing.ts';
import { nowIso } from '../../lib/time.ts';

export type Attachment = { filename: string; contentType: string; content: string };
export type NewMail = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: Attachment[];
};

const summary = (r: OutboxRow): OutboxMail => ({
  id: r.id,
  createdAt: r.createdAt,
  kind: r.kind,
  to: r.toAddress,
  subject: r.subject,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.nextAttemptAt,
  sentAt: r.sentAt,
  lastError: r.lastError,
});

export function createMailRepository(db: Db) {
  return {
    /** Puts a mail into the outbox; call inside the write that causes it, so both commit or neither. */
    enqueue(mail: NewMail): OutboxRow {
      const now = nowIso();
      return db
        .insert(mailOutbox)
        .values({
          createdAt: now,
          kind: mail.kind,
          toAddress: mail.to,
          subject: mail.subject,
          textBody: mail.text,
          headers: mail.headers ?? {},
          attachments: mail.attachments ?? [],
          nextAttemptAt: now,
        })
        .returning()
        .get();
    },

    /**
     * Claims the next due mail for one attempt: a pending one whose backoff has passed, or one left `sending` longer
     * than the claim timeout (its sender died mid-send). Marks it `sending` with the attempt counted; synchronous, so
     * run it in a write transaction.
     */
    claimNext(now: string, staleBefore: string): OutboxRow | undefined {
      const due = db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          or(
            and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)),
            and(eq(mailOutbox.status, 'sending'), lte(mailOutbox.claimedAt, staleBefore)),
          ),
        )
        .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
        .limit(1)
        .get();
      if (!due) return undefined;
      return db
        .update(mailOutbox)
        .set({ status: 'sending', claimedAt: now, attempts: sql`${mailOutbox.attempts} + 1` })
        .where(eq(mailOutbox.id, due.id))
        .returning()
        .get();
    },

    markSent(id: number, messageId: string) {
      db.update(mailOutbox)
        .set({ status: 'sent', sentAt: nowIso(), messageId, lastError: null, claimedAt: null })
        .where(eq(mailOutbox.id, id))
        .run();
    },

    /** A failed attempt: tried again at `nextAttemptAt`, or given up (`failed`) when there is none. */
    markAttemptFailed(id: number, error: string, nextAttemptAt: string | null) {
      db.update(mailOutbox)
        .set({
          status: nextAttemptAt ? 'pending' : 'failed',
          lastError: error.slice(0, 1000),
          claimedAt: null,
          ...(nextAttemptAt ? { nextAttemptAt } : {}),
        })
        .where(eq(mailOutbox.id, id))
        .run();
    },

    /** A failed mail goes back into the queue with fresh attempts. */
    requeue(id: number): OutboxRow | undefined {
      return db
        .update(mailOutbox)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: nowIso(), claimedAt: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
        .returning()
        .get();
    },

    find(id: number): OutboxRow | undefined {
      return db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get();
    },

    detail(id: number): OutboxMailDetail | undefined {
      const r = this.find(id);
      if (!r) return undefined;
      return {
        ...summary(r),
        text: r.textBody,
        headers: r.headers,
        attachments: r.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: Buffer.byteLength(a.content, 'utf8'),
        })),
        messageId: r.messageId,
      };
    },

    list(query: Pick<OutboxListQuery, 'status'> & { page: number; pageSize: number; sort?: { desc: boolean } }) {
      const where = query.status ? eq(mailOutbox.status, query.status) : undefined;
      const dir = query.sort && !query.sort.desc ? asc : desc;
      const { rows, total } = pageOfTable(
        db,
        mailOutbox,
        where,
        [dir(mailOutbox.createdAt), dir(mailOutbox.id)],
        query,
      );
      return { items: rows.map(summary), total };
    },
  };
}
export type MailRepository = ReturnType<typeof createMailRepository>;
