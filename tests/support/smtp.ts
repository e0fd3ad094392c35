import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach } from 'vitest';

export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  /** Header value (unfolded, first occurrence) by lower-case name. */
  header(name: string): string | undefined;
  subject: string;
  /** The text/plain part, decoded (quoted-printable or base64). */
  text: string;
  /** Attachments by file name, decoded. */
  attachments: Map<string, string>;
};

// Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
const decodeWords = (s: string) =>
  s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );

function decodeBody(body: string, encoding: string | undefined): string {
  if (/base64/i.test(encoding ?? '')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding ?? '')) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function parseHeaders(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      const name = line.slice(0, i).trim().toLowerCase();
      if (!map.has(name)) map.set(name, line.slice(i + 1).trim());
    }
  }
  return map;
}

type Part = { headers: Map<string, string>; body: string };
function parts(raw: string): Part[] {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) return [{ headers, body }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .flatMap((p) => parts(p.replace(/^\r?\n/, '')));
}

function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const top = parseHeaders(raw.slice(0, split));
  const all = parts(raw);
  const textPart = all.find(
    (p) =>
      /text\/plain/i.test(p.headers.get('content-type') ?? 'text/plain') &&
      !/attachment/i.test(p.headers.get('content-disposition') ?? ''),
  );
  const attachments = new Map<string, string>();
  for (const p of all) {
    const name = /filename="?([^";]+)"?/i.exec(p.headers.get('content-disposition') ?? '')?.[1];
    if (name) attachments.set(name, decodeBody(p.body, p.headers.get('content-transfer-encoding')));
  }
  return {
    from,
    to,
    raw,
    header: (name) => {
      const v = top.get(name.toLowerCase());
      return v === undefined ? undefined : decodeWords(v);
    },
    subject: decodeWords(top.get('subject') ?? ''),
    text: textPart ? decodeBody(textPart.body, textPart.headers.get('content-transfer-encoding')) : '',
    attachments,
  };
}

export type TestSmtp = {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Resolves when `count` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

const running: TestSmtp[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
});

/** A port that was free a moment ago (for "the mail server is down"). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A real SMTP server on loopback that keeps every mail it accepts; closed after the test. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            from,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as { port: number }).port;
  const smtp: TestSmtp = {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    mails,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mail(s), got ${mails.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  running.push(smtp);
  return smtp;
}
