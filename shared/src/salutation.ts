/**
 * German letter salutations (Briefanrede) and formal names. One implementation shared by the UI preview and the
 * exports so that both always agree.
 */

export type Salutation = 'frau' | 'herr';

export interface SalutationInput {
  salutation: Salutation | null | undefined;
  /** As entered, e.g. 'Dr.', 'Prof. Dr.', 'Dr.-Ing.', 'Dipl.-Ing.', 'M.Sc.' */
  title?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  /** A current office, e.g. 'Landrätin', 'Mitglied des Landtags'; addressed by it when OFFICE_RULES know it. */
  office?: string | null | undefined;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** 'Frau' | 'Herr' | '' (unknown or no salutation). */
export function anredeLabel(salutation: string | null | undefined): 'Frau' | 'Herr' | '' {
  if (salutation === 'frau') return 'Frau';
  if (salutation === 'herr') return 'Herr';
  return '';
}

const PROFESSOR = /^(?:(?:jun|hon|vis)\.?-)?prof(?:\.|essor|essorin)?$/i;
/** 'Dr.', 'Dr', 'Dr.-Ing.', 'Dr.rer.nat.', but not 'Drs.' */
const DOCTOR = /^dr(?:\.|$)/i;

/**
 * The academic part of a title as used in a salutation: professorships and doctorates only, each doctorate reduced to
 * 'Dr.' (DIN 5008: the subject such as 'med.' or '-Ing.' is left out of the Anrede). Degrees like 'Dipl.-Ing.', 'M.Sc.',
 * 'B.A.' or 'MBA' are dropped. 'Prof. Dr.-Ing. habil.' → 'Prof. Dr.', 'Dr. med.' → 'Dr.', 'Dipl.-Ing.' → ''.
 */
export function salutationTitle(title: string | null | undefined): string {
  // Split glued titles such as 'Prof.Dr.' or 'M.Sc.' at a dot followed by a capital letter.
  const tokens = clean(title)
    .replace(/\.(?=\p{Lu})/gu, '. ')
    .split(' ')
    .filter(Boolean);
  const out: string[] = [];
  for (const token of tokens) {
    if (PROFESSOR.test(token)) {
      if (!out.includes('Prof.')) out.push('Prof.');
    } else if (DOCTOR.test(token)) {
      out.push('Dr.');
    }
  }
  return out.join(' ');
}

/** Strips a leading 'Frau'/'Herr' someone typed into the office field ('Frau Ministerin' → 'Ministerin'). */
const officeOf = (office: string | null | undefined) => clean(office).replace(/^(?:frau|herr)\s+/i, '');

/** Lower case with umlauts expanded, as the office rules are written: 'Landrätin' → 'landraetin'. */
const fold = (s: string) =>
  s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

/**
 * How an office is addressed in a letter, after the federal protocol's "Anschriften und Anreden" (Protokoll Inland der
 * Bundesregierung): the form for a man and for a woman, whatever the office field's own spelling, and whether the name
 * follows ("Sehr geehrte Frau Professorin Müller,") or the office stands alone ("Sehr geehrter Herr Landrat,").
 * First matching rule wins; an office that matches none (Geschäftsführerin, Vorsitzender, Kreistagsmitglied …) is no
 * form of address, and the letter falls back to the name.
 */
export const OFFICE_RULES: readonly { pattern: RegExp; herr: string; frau: string; withName?: true }[] = [
  { pattern: /\bbundespraesident(?:in)?\b/, herr: 'Bundespräsident', frau: 'Bundespräsidentin' },
  { pattern: /\bbundeskanzler(?:in)?\b/, herr: 'Bundeskanzler', frau: 'Bundeskanzlerin' },
  { pattern: /\bministerpraesident(?:in)?\b/, herr: 'Ministerpräsident', frau: 'Ministerpräsidentin' },
  { pattern: /\bbundesminister(?:in)?\b/, herr: 'Bundesminister', frau: 'Bundesministerin' },
  { pattern: /\bstaatsminister(?:in)?\b/, herr: 'Staatsminister', frau: 'Staatsministerin' },
  { pattern: /\bminister(?:in)?\b/, herr: 'Minister', frau: 'Ministerin' },
  { pattern: /\bstaatssekretaer(?:in)?\b/, herr: 'Staatssekretär', frau: 'Staatssekretärin' },
  // Members of parliament: MdB, MdL, MdEP, "Mitglied des (Thüringer) Landtags", "Abgeordnete des Bundestages".
  {
    pattern:
      /\b(?:md[bl]|mdep|(?:landtags|bundestags)?abgeordneter?|mitglied (?:des|im) (?:(?:deutschen|thueringer|saechsischen|bayerischen|hessischen) )?(?:bundestag|landtag)e?s?|mitglied des europaeischen parlaments)\b/,
    herr: 'Abgeordneter',
    frau: 'Abgeordnete',
  },
  { pattern: /\bvizepraesident(?:in)?\b/, herr: 'Vizepräsident', frau: 'Vizepräsidentin' },
  // Presidents of a parliament, an authority, a court, a chamber or a university; 'Landtagspräsidentin' too.
  { pattern: /praesident(?:in)?\b/, herr: 'Präsident', frau: 'Präsidentin' },
  { pattern: /\blandrat\b|\blandraetin\b/, herr: 'Landrat', frau: 'Landrätin' },
  { pattern: /\boberbuergermeister(?:in)?\b/, herr: 'Oberbürgermeister', frau: 'Oberbürgermeisterin' },
  { pattern: /\bbuergermeister(?:in)?\b/, herr: 'Bürgermeister', frau: 'Bürgermeisterin' },
  { pattern: /\bbotschafter(?:in)?\b/, herr: 'Botschafter', frau: 'Botschafterin' },
  // A professorship is addressed with the name ("Sehr geehrter Herr Professor Schmidt,").
  { pattern: /professor(?:in)?\b/, herr: 'Professor', frau: 'Professorin', withName: true },
];

const officeRule = (office: string | null | undefined) => {
  const key = fold(officeOf(office));
  return key ? OFFICE_RULES.find((r) => r.pattern.test(key)) : undefined;
};

/** The form of address of an office for a person, or null when the office has none ('Geschäftsführerin'). */
export function officeAddress(office: string | null | undefined, anrede: 'Frau' | 'Herr'): string | null {
  const rule = officeRule(office);
  return rule ? rule[anrede === 'Frau' ? 'frau' : 'herr'] : null;
}

/**
 * The salutation line of a letter, including the trailing comma:
 * - 'Sehr geehrte Frau Dr. Müller,' / 'Sehr geehrter Herr Prof. Dr. Schmidt,'
 * - with an office that is a form of address (OFFICE_RULES), the office replaces title and name: 'Sehr geehrte Frau
 *   Landrätin,' / 'Sehr geehrter Herr Abgeordneter,' (for 'Mitglied des Landtags'), or precedes the name: 'Sehr geehrte
 *   Frau Professorin Kühn,'; any other office falls back to the name
 * - without a salutation (neutral): 'Guten Tag Alex Weber,' (an office is not used here)
 * - fallbacks: 'Sehr geehrte Damen und Herren,' (salutation but no last name) and 'Guten Tag,' (nothing known).
 */
export function letterSalutation(input: SalutationInput): string {
  const anrede = anredeLabel(input.salutation);
  const lastName = clean(input.lastName);
  if (anrede) {
    const greeting = anrede === 'Frau' ? 'Sehr geehrte' : 'Sehr geehrter';
    const rule = officeRule(input.office);
    const office = rule?.[anrede === 'Frau' ? 'frau' : 'herr'];
    if (office && !rule?.withName) return `${greeting} ${anrede} ${office},`;
    if (office && lastName) return `${greeting} ${anrede} ${office} ${lastName},`;
    if (lastName) return `${greeting} ${[anrede, salutationTitle(input.title), lastName].filter(Boolean).join(' ')},`;
    return 'Sehr geehrte Damen und Herren,';
  }
  const name = [salutationTitle(input.title), clean(input.firstName), lastName].filter(Boolean).join(' ');
  return name ? `Guten Tag ${name},` : 'Guten Tag,';
}

/** Display name with salutation and the full title as entered (office ignored): 'Frau Dr. Anna Müller', 'Alex Weber'. */
export function formalName(input: SalutationInput): string {
  return [anredeLabel(input.salutation), clean(input.title), clean(input.firstName), clean(input.lastName)]
    .filter(Boolean)
    .join(' ');
}
