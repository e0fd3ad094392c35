import type { OutboxRow } from '@anett/db/schema';
import type { FastifyBaseLogger } from 'fastify';
import { createTransport } from 'nodemailer';
import type { MailSenderTiming } from '../../config.ts';
import type { AppContext } from '../../context.ts';

export const DEFAULT_SENDER_TIMING: MailSenderTiming = {
  pollMs: 2_000,
  backoffMs: 30_000,
  maxBackoffMs: 6 * 60 * 60_000,
  maxAttempts: 12,
  // Longer than any SMTP timeout below: a mail this process is still sending is never claimed twice.
  claimTimeoutMs: 10 * 60_000,
};
/** How long a stop waits for the mail in flight. */
const STOP_WAIT_MS = 5_000;
/** Per SMTP step; keeps one stuck server from holding the loop beyond the claim timeout. */
const SMTP_TIMEOUT_MS = 60_000;

/** Backoff after the given (1-based) failed attempt: base · 2^(attempt−1), capped. */
export const backoffAfter = (attempt: number, t: Pick<MailSenderTiming, 'backoffMs' | 'maxBackoffMs'>) =>
  Math.min(t.maxBackoffMs, t.backoffMs * 2 ** Math.max(0, attempt - 1));

/** One Message-ID per outbox row, the same on every attempt: a mail retried after a crash can be recognised. */
export const outboxMessageId = (row: Pick<OutboxRow, 'id' | 'createdAt'>, from: string) => {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'anett.local';
  return `<outbox-${row.id}-${Date.parse(row.createdAt)}@${domain}>`;
};

/**
 * Sends the outbox: claim one due mail (committed as `sending` with the attempt), send it, then mark it sent or
 * schedule the next attempt with exponential backoff. See docs/decisions/020-selfservice-outbox.md for why a crash
 * mid-send means a retry after the claim timeout (at least once) rather than a lost mail.
 */
export function createMailSender(ctx: AppContext, log: FastifyBaseLogger) {
  const { config } = ctx;
  const timing = { ...DEFAULT_SENDER_TIMING, ...config.mailSender };
  const from = config.mailFrom ?? 'ANeTT <noreply@anett.local>';
  const transport = config.smtpUrl
    ? createTransport({
        url: config.smtpUrl,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      })
    : undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  async function sendOne(row: OutboxRow): Promise<void> {
    if (!transport) return;
    const messageId = outboxMessageId(row, from);
    try {
      const info = await transport.sendMail({
        from,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        messageId,
        headers: row.headers,
        attachments: row.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      });
      await ctx.write(() => ctx.mail.markSent(row.id, info.messageId ?? messageId));
      log.info({ mailId: row.id, attempt: row.attempts }, 'mail sent');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const next =
        row.attempts >= timing.maxAttempts
          ? null
          : new Date(Date.now() + backoffAfter(row.attempts, timing)).toISOString();
      await ctx.write(() => ctx.mail.markAttemptFailed(row.id, message, next));
      log.warn({ mailId: row.id, attempt: row.attempts, retryAt: next, err: message }, 'mail not sent');
    }
  }

  /** Sends every mail that is due now, one after another. */
  async function drain(): Promise<number> {
    let sent = 0;
    while (!stopped) {
      const now = new Date();
      const staleBefore = new Date(now.getTime() - timing.claimTimeoutMs).toISOString();
      const row = await ctx.write(() => ctx.mail.claimNext(now.toISOString(), staleBefore));
      if (!row) break;
      await sendOne(row);
      sent++;
    }
    return sent;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .then(() => undefined)
        .catch((err: unknown) => log.error({ err }, 'mail sender failed'))
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, timing.pollMs);
    timer.unref();
  }

  return {
    configured: transport !== undefined,
    from,
    /** Starts the loop (only with an SMTP server; without one mails stay in the outbox). */
    start() {
      if (!transport || !stopped) return;
      stopped = false;
      schedule();
    },
    /**
     * Stops the loop; waits for the mail being sent now (at most STOP_WAIT_MS: a hanging server must not hold a
     * shutdown — that mail stays `sending` and is tried again after the claim timeout).
     */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((resolve) => (wait = setTimeout(resolve, STOP_WAIT_MS)))]);
      clearTimeout(wait);
      transport?.close();
    },
  };
}
export type MailSender = ReturnType<typeof createMailSender>;
