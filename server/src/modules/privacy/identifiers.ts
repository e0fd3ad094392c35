/**
 * Finding a person in free text: their full name (in the usual orders and spellings), last and first name as whole
 * words, e-mail addresses and phone numbers (with any separators, +49 or 0). Pure functions; the erasure and the
 * information export use them on contact-log entries, audit payloads and segments.
 */

export const SCRUBBED = '[gelöscht]';

export type Identity = {
  title: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
};

/** What a text was found to contain. */
export type MentionKind = 'fullName' | 'lastName' | 'firstName' | 'email' | 'phone';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const UMLAUTS: Record<string, [string, string]> = {
  ä: ['ae', 'a'],
  ö: ['oe', 'o'],
  ü: ['ue', 'u'],
  Ä: ['Ae', 'A'],
  Ö: ['Oe', 'O'],
  Ü: ['Ue', 'U'],
  ß: ['ss', 'ss'],
};

/** 'Quendelbrück' → Quendelbrück, Quendelbrueck, Quendelbruck: how people type a name without umlauts. */
export function spellings(name: string): string[] {
  const expanded = name.replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c]?.[0] ?? c);
  const stripped = name.replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c]?.[1] ?? c);
  return [...new Set([name, expanded, stripped].map((s) => s.normalize('NFC')))];
}

/** A name as a pattern: any spelling, any whitespace between its parts. */
const namePattern = (name: string) =>
  `(?:${spellings(name.trim())
    .map((s) => s.split(/\s+/).map(escapeRegex).join('\\s+'))
    .join('|')})`;

/** Digits of a phone number as a pattern with optional separators; a German 0 prefix also as +49 / 0049. */
export function phonePattern(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) digits = digits.replace(/^49/, '0');
  else digits = digits.replace(/^0049/, '0');
  if (digits.length < 6) return null;
  const sep = '[\\s\\-/.()]*';
  const national = digits.startsWith('0') ? digits.slice(1) : digits;
  const body = national.split('').join(sep);
  const prefix = digits.startsWith('0') ? `(?:(?:\\+|00)49${sep}(?:\\(0\\)${sep})?|0)` : '';
  return `(?<!\\d)${prefix}${body}(?!\\d)`;
}

export type Matchers = {
  /** Full names, e-mails and phone numbers: these identify the person anywhere. */
  strong: { kind: MentionKind; re: RegExp }[];
  lastName: RegExp | null;
  firstName: RegExp | null;
  /** Plain strings for a cheap SQL pre-filter (LIKE '%…%'); every match of any pattern contains one of them. */
  probes: string[];
};

export function matchersFor(people: Identity[]): Matchers {
  const strong: Matchers['strong'] = [];
  const lastNames = new Set<string>();
  const firstNames = new Set<string>();
  const probes = new Set<string>();
  for (const p of people) {
    const first = p.firstName.trim();
    const last = p.lastName.trim();
    if (last.length >= 2) {
      lastNames.add(last);
      for (const s of spellings(last)) for (const v of [s, s.toLowerCase(), s.toUpperCase()]) probes.add(v);
    }
    if (first.length >= 3) firstNames.add(first);
    if (first && last) {
      const full = [`${namePattern(first)}\\s+${namePattern(last)}`, `${namePattern(last)},?\\s+${namePattern(first)}`];
      strong.push({ kind: 'fullName', re: new RegExp(`${LETTER_BEFORE}(?:${full.join('|')})${LETTER_AFTER}`, 'giu') });
    }
    if (p.email) {
      strong.push({ kind: 'email', re: new RegExp(escapeRegex(p.email.trim()), 'gi') });
      probes.add(p.email.trim().toLowerCase());
    }
    for (const phone of [p.phone, p.mobile]) {
      const pattern = phone ? phonePattern(phone) : null;
      if (!pattern || !phone) continue;
      strong.push({ kind: 'phone', re: new RegExp(pattern, 'g') });
      // The last four digits are written without separators in any format.
      probes.add(phone.replace(/\D/g, '').slice(-4));
    }
  }
  const words = (names: Set<string>) =>
    names.size === 0
      ? null
      : new RegExp(`${LETTER_BEFORE}(?:${[...names].map(namePattern).join('|')})${LETTER_AFTER}`, 'giu');
  return { strong, lastName: words(lastNames), firstName: words(firstNames), probes: [...probes] };
}

/** Which identifiers a text contains. */
export function mentionsIn(text: string, m: Matchers): MentionKind[] {
  const found = new Set<MentionKind>();
  for (const { kind, re } of m.strong) if (new RegExp(re).test(text)) found.add(kind);
  if (m.lastName && new RegExp(m.lastName).test(text)) found.add('lastName');
  return [...found];
}

/** The text with the identifiers replaced; `names` adds the last (and first) name as single words. */
export function scrub(text: string, m: Matchers, names: { lastName?: boolean; firstName?: boolean } = {}): string {
  let out = text;
  for (const { re } of m.strong) out = out.replace(re, SCRUBBED);
  if (names.lastName && m.lastName) out = out.replace(m.lastName, SCRUBBED);
  if (names.firstName && m.firstName) out = out.replace(m.firstName, SCRUBBED);
  return out;
}

/** A short piece of text around the first mention, for the admin to recognise the entry. */
export function excerpt(text: string, m: Matchers, width = 60): string {
  const patterns = [...m.strong.map((s) => s.re), ...(m.lastName ? [m.lastName] : [])];
  let at = -1;
  for (const re of patterns) {
    const hit = new RegExp(re).exec(text);
    if (hit && (at < 0 || hit.index < at)) at = hit.index;
  }
  if (at < 0) return text.slice(0, width * 2);
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + width);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}
