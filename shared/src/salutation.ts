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
  /** Office or function used instead of the name, e.g. 'Landrätin', 'Minister', 'Präsident'. */
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

/**
 * The salutation line of a letter, including the trailing comma:
 * - 'Sehr geehrte Frau Dr. Müller,' / 'Sehr geehrter Herr Prof. Dr. Schmidt,'
 * - with an office, the office replaces title and name: 'Sehr geehrte Frau Landrätin,' / 'Sehr geehrter Herr Präsident,'
 * - without a salutation (neutral): 'Guten Tag Alex Weber,' (an office is not used here)
 * - fallbacks: 'Sehr geehrte Damen und Herren,' (salutation but no last name) and 'Guten Tag,' (nothing known).
 */
export function letterSalutation(input: SalutationInput): string {
  const anrede = anredeLabel(input.salutation);
  const lastName = clean(input.lastName);
  if (anrede) {
    const greeting = anrede === 'Frau' ? 'Sehr geehrte' : 'Sehr geehrter';
    const office = officeOf(input.office);
    if (office) return `${greeting} ${anrede} ${office},`;
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
