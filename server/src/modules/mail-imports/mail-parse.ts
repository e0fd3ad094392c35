import { createHash } from 'node:crypto';
import { normalizeEmail } from '@anett/shared/normalize';
import MsgReaderModule from '@kenjiuno/msgreader';
import { htmlToText } from 'html-to-text';
import { type AddressObject, type EmailAddress, simpleParser } from 'mailparser';

/** A mail as read from a dropped file, before anyone is matched. */
export type ParsedMail = {
  format: 'eml' | 'msg';
  subject: string;
  /** ISO 8601 UTC, or null. */
  date: string | null;
  text: string;
  from: RawAddress | null;
  to: RawAddress[];
  cc: RawAddress[];
  /** SHA-256 of the Message-ID, or (without one) of sender, date and subject: equal for the same mail. */
  mailKey: string;
};
export type RawAddress = { address: string; name: string | null };

/** Why a file could not be read: the message is shown next to the file. */
export class UnreadableMail extends Error {}

// The CommonJS module's default export under Node's ESM interop.
const MsgReader = ((MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ??
  MsgReaderModule) as typeof MsgReaderModule;

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const HTML_OPTIONS = { wordwrap: false as const, limits: { maxDepth: 200 } };

/** Control characters (but tab and line breaks) and bidi overrides garble the log: the API refuses them too. */
export function cleanText(s: string, multiline: boolean): string {
  let out = '';
  for (const ch of s.replace(/\r\n?/g, '\n')) {
    const c = ch.charCodeAt(0);
    const control = c < 0x20 || c === 0x7f;
    if (multiline && (ch === '\n' || ch === '\t')) out += ch;
    else if (control) out += multiline ? '' : ' ';
    else if (!BIDI.test(ch)) out += ch;
  }
  return out.trim();
}
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

const isAddress = (a: string) => /^[^\s@<>]+@[^\s@<>]+$/.test(a);

function rawAddress(address: string | undefined | null, name: string | undefined | null): RawAddress | null {
  const normalised = normalizeEmail(address ?? '');
  if (!isAddress(normalised)) return null;
  const display = cleanText(name ?? '', false);
  return { address: normalised, name: display && normalizeEmail(display) !== normalised ? display : null };
}

function flatten(list: EmailAddress[]): EmailAddress[] {
  return list.flatMap((a) => (a.group ? flatten(a.group) : [a]));
}

function addresses(field: AddressObject | AddressObject[] | undefined): RawAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return unique(flatten(objects.flatMap((o) => o.value)).map((a) => rawAddress(a.address, a.name)));
}

function unique(list: (RawAddress | null)[]): RawAddress[] {
  const seen = new Map<string, RawAddress>();
  for (const a of list) if (a && !seen.has(a.address)) seen.set(a.address, a);
  return [...seen.values()];
}

const isoOrNull = (value: Date | string | undefined | null) => {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

function keyOf(messageId: string | null | undefined, from: RawAddress | null, date: string | null, subject: string) {
  const id = messageId?.trim().replace(/^<|>$/g, '').trim();
  const basis = id ? `id:${id}` : `hdr:${from?.address ?? ''}|${date ?? ''}|${subject}`;
  return createHash('sha256').update(basis).digest('hex');
}

async function parseEml(buffer: Buffer): Promise<Omit<ParsedMail, 'mailKey'> & { messageId: string | null }> {
  // A mail is text: NUL bytes mean someone dropped a binary file named .eml.
  if (buffer.subarray(0, 4096).includes(0)) throw new UnreadableMail('keine E-Mail im Format .eml (Binärdatei)');
  const mail = await simpleParser(buffer, { skipImageLinks: true, skipTextLinks: true });
  const from = addresses(mail.from)[0] ?? null;
  if (!from && !mail.messageId && !mail.date && !mail.subject)
    throw new UnreadableMail('keine E-Mail im Format .eml (kein Absender, Datum, Betreff oder Message-ID)');
  const text = mail.text ?? (typeof mail.html === 'string' ? htmlToText(mail.html, HTML_OPTIONS) : '');
  return {
    format: 'eml',
    subject: mail.subject ?? '',
    date: isoOrNull(mail.date),
    text,
    from,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    messageId: mail.messageId ?? null,
  };
}

/** A header's value from the transport headers an Outlook .msg keeps of a received mail. */
const headerValue = (headers: string | undefined, name: string) =>
  headers
    ? new RegExp(`^${name}:[ \\t]*(.+(?:\\r?\\n[ \\t].+)*)`, 'im').exec(headers)?.[1]?.replace(/\s+/g, ' ')
    : undefined;

function parseMsg(buffer: Buffer): Omit<ParsedMail, 'mailKey'> & { messageId: string | null } {
  if (!buffer.subarray(0, 8).equals(CFB_SIGNATURE)) throw new UnreadableMail('keine Outlook-Nachricht (.msg)');
  let data: ReturnType<InstanceType<typeof MsgReader>['getFileData']>;
  try {
    data = new MsgReader(new Uint8Array(buffer).buffer).getFileData();
  } catch {
    throw new UnreadableMail('Outlook-Nachricht (.msg) ist beschädigt');
  }
  if (data.error || (data.messageClass && !/^IPM\.Note/i.test(data.messageClass)))
    throw new UnreadableMail('keine E-Mail (Outlook-Termin, -Kontakt oder andere Datei)');
  const smtp = (...candidates: (string | undefined)[]) => candidates.find((c) => c && isAddress(c.trim()));
  const from = rawAddress(
    smtp(data.senderSmtpAddress, data.sentRepresentingSmtpAddress, data.senderEmail),
    data.senderName,
  );
  const recipients = data.recipients ?? [];
  const byType = (type: 'to' | 'cc') =>
    unique(
      recipients
        .filter((r) => (r.recipType ?? 'to') === type)
        .map((r) => rawAddress(smtp(r.smtpAddress, r.email), r.name)),
    );
  const html = data.bodyHtml ?? (data.html ? Buffer.from(data.html).toString('utf8') : undefined);
  const text = data.body ?? (html ? htmlToText(html, HTML_OPTIONS) : '');
  return {
    format: 'msg',
    subject: data.subject ?? '',
    date: isoOrNull(data.clientSubmitTime ?? data.messageDeliveryTime ?? headerValue(data.headers, 'Date')),
    text,
    from,
    to: byType('to'),
    cc: byType('cc'),
    messageId: data.messageId ?? headerValue(data.headers, 'Message-ID') ?? null,
  };
}

/** Reads an .eml (RFC 5322) or Outlook .msg file; throws {@link UnreadableMail} for anything else. */
export async function parseMailFile(fileName: string, buffer: Buffer): Promise<ParsedMail> {
  const extension = /\.(eml|msg)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) throw new UnreadableMail('nur .eml- und .msg-Dateien');
  if (buffer.length === 0) throw new UnreadableMail('die Datei ist leer');
  let raw: Awaited<ReturnType<typeof parseEml>>;
  try {
    raw = extension === 'msg' ? parseMsg(buffer) : await parseEml(buffer);
  } catch (error) {
    if (error instanceof UnreadableMail) throw error;
    throw new UnreadableMail(`die Datei ist keine lesbare E-Mail (.${extension})`);
  }
  const { messageId, ...mail } = raw;
  const subject = cleanText(mail.subject, false);
  return {
    ...mail,
    subject,
    text: cleanText(mail.text, true),
    mailKey: keyOf(messageId, mail.from, mail.date, subject),
  };
}
