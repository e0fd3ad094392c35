import { createHash } from 'node:crypto';

/** A small vCard 3.0 writer (RFC 2426): escaping, structured values and UTF-8-safe folding at 75 octets. */

export type VCardContact = {
  /** Stable across exports, so an address book updates the contact instead of adding it again. */
  uid: string;
  /** ISO instant of the last change. */
  revision: string;
  salutation?: string | null;
  title?: string | null;
  firstName: string;
  lastName: string;
  formattedName: string;
  organization?: string | null;
  /** Job title or function. */
  function?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** More addresses and numbers after the main ones (the main e-mail is marked preferred). */
  additionalEmails?: string[] | undefined;
  additionalPhones?: string[] | undefined;
  additionalMobiles?: string[] | undefined;
};

/**
 * A UUID (version 5 layout, SHA-1 over the person's id and creation instant) that stays the same for every export of
 * the person and differs between two CRM installations whose ids collide.
 */
export function personUid(id: number, createdAt: string): string {
  const hash = createHash('sha1').update(`anett:person:${id}:${createdAt}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** '2024-11-15T10:00:00.123Z' → '20241115T100000Z' (RFC 2426 REV, basic format). */
const revisionOf = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

const CRLF = '\r\n';
const MAX_OCTETS = 75;

const SPECIAL = /[\\,;\r\n]/;

/** TEXT value escaping: backslash, comma, semicolon and line breaks. */
export function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A structured value (N, ADR, ORG): components escaped one by one and joined with ';'. */
const structured = (parts: (string | null | undefined)[]) => parts.map((p) => escapeText(p ?? '')).join(';');

/**
 * Folds a content line so that no physical line exceeds 75 octets (continuations start with one space, which counts).
 * Splits only between characters, never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** One contact as a complete BEGIN:VCARD … END:VCARD block with CRLF line ends. */
export function vcard(c: VCardContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0'];
  const prefix = [c.salutation, c.title].filter(Boolean).join(' ');
  lines.push(`N:${structured([c.lastName, c.firstName, '', prefix, ''])}`);
  lines.push(`FN:${escapeText(c.formattedName)}`);
  if (c.organization) lines.push(`ORG:${structured([c.organization])}`);
  if (c.function) lines.push(`TITLE:${escapeText(c.function)}`);
  const more = (c.additionalEmails?.length ?? 0) > 0;
  if (c.email) lines.push(`EMAIL;TYPE=INTERNET,WORK${more ? ',PREF' : ''}:${escapeText(c.email)}`);
  for (const e of c.additionalEmails ?? []) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(e)}`);
  if (c.phone) lines.push(`TEL;TYPE=WORK,VOICE:${escapeText(c.phone)}`);
  if (c.mobile) lines.push(`TEL;TYPE=CELL:${escapeText(c.mobile)}`);
  for (const p of c.additionalPhones ?? []) lines.push(`TEL;TYPE=VOICE:${escapeText(p)}`);
  for (const p of c.additionalMobiles ?? []) lines.push(`TEL;TYPE=CELL:${escapeText(p)}`);
  if (c.street || c.postalCode || c.city) {
    lines.push(`ADR;TYPE=WORK:${structured(['', '', c.street, c.city, '', c.postalCode, ''])}`);
  }
  lines.push(`UID:${c.uid}`);
  if (c.revision) lines.push(`REV:${revisionOf(c.revision)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
