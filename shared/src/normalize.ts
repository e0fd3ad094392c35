/** Name normalisation for duplicate detection and search. Pure functions, no dependencies. */

const GERMAN_UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };
/** Letters NFD does not decompose into base letter + mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_LETTER = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

function fold(s: string, umlauts: 'expand' | 'strip'): string {
  let out = s.normalize('NFC').toLowerCase();
  if (umlauts === 'expand') out = out.replace(/[äöü]/g, (c) => GERMAN_UMLAUTS[c] ?? c);
  return out
    .replace(SPECIAL_LETTER, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Key for sorting names as a German reader expects (DIN 5007-1, dictionary order): case ignored, ä = a, ö = o, ü = u,
 * ß = ss, other diacritics stripped. 'Özdemir' sorts among the O, 'von Weber' among the V, not after 'Z'.
 */
export function sortKey(s: string): string {
  return fold(s, 'strip');
}

/**
 * Lower case, ä → ae, ö → oe, ü → ue, ß → ss, all other diacritics stripped ('é' → 'e'), whitespace collapsed and
 * trimmed. Punctuation is kept. 'Sömmerda  Straße' → 'soemmerda strasse'.
 */
export function foldText(s: string): string {
  return fold(s, 'expand');
}

/**
 * Text for a full-text (FTS5) column: the folded text plus, if different, a variant where umlauts are simply stripped
 * (ä → a), so that both 'mueller' and 'muller' find 'Müller' and 'sommerda' finds 'Sömmerda'.
 * 'Müller' → 'mueller muller', 'Gotha' → 'gotha'.
 */
export function searchFold(s: string): string {
  const expanded = fold(s, 'expand');
  const stripped = fold(s, 'strip');
  return expanded === stripped ? expanded : `${expanded} ${stripped}`;
}

/** Words only (letters and digits), everything else is a separator. */
const words = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Joins runs of single letters, so dotted abbreviations compare equal to undotted ones: 'e v' → 'ev', 'a b c' → 'abc'. */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (t.length === 1 && /\p{L}/u.test(t)) {
      run += t;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

/**
 * Legal forms, as word sequences after folding, punctuation removal and {@link joinInitials}
 * ('e. V.' → ['ev'], 'UG (haftungsbeschränkt)' → ['ug', 'haftungsbeschraenkt'], '& Co.' → ['und', 'co']).
 * Composite forms like 'GmbH & Co. KG' are removed step by step from the end.
 */
const LEGAL_FORMS: readonly (readonly string[])[] = [
  // German
  ['gmbh'],
  ['mbh'],
  ['ggmbh'],
  ['gesmbh'],
  ['ag'],
  ['kg'],
  ['kgaa'],
  ['ohg'],
  ['gbr'],
  ['ev'],
  ['eg'],
  ['ek'],
  ['e', 'kfm'],
  ['e', 'kfr'],
  ['ug'],
  ['haftungsbeschraenkt'],
  ['se'],
  ['partg'],
  ['mbb'],
  ['co'],
  ['und', 'co'],
  ['ig'], // i. G. (in Gründung)
  ['il'], // i. L. (in Liquidation)
  ['aktiengesellschaft'],
  ['kommanditgesellschaft'],
  ['unternehmergesellschaft'],
  ['gesellschaft', 'mit', 'beschraenkter', 'haftung'],
  ['eingetragener', 'verein'],
  ['eingetragene', 'genossenschaft'],
  ['offene', 'handelsgesellschaft'],
  ['gesellschaft', 'buergerlichen', 'rechts'],
  ['gesellschaft', 'des', 'buergerlichen', 'rechts'],
  // International
  ['ltd'],
  ['limited'],
  ['inc'],
  ['llc'],
  ['plc'],
  ['corp'],
  ['bv'],
  ['nv'],
  ['sarl'],
  ['sas'],
  ['spa'],
  ['sro'],
  ['sp', 'zoo'],
].sort((a, b) => b.length - a.length);

function endsWith(tokens: readonly string[], suffix: readonly string[]): boolean {
  const offset = tokens.length - suffix.length;
  return offset >= 0 && suffix.every((s, i) => tokens[offset + i] === s);
}

/**
 * Organisation name for duplicate detection: {@link foldText}, '&'/'+' read as 'und', punctuation removed, and legal
 * forms (GmbH, AG, KG, e.V., UG (haftungsbeschränkt), GmbH & Co. KG, Ltd., Inc., …) removed as whole words from the
 * END only, possibly several; the first word is always kept ('AG Müller' stays 'ag mueller').
 * 'Müller Präzisionsteile GmbH & Co. KG' → 'mueller praezisionsteile', 'Boreas GmbH' → 'boreas'.
 */
export function normalizeOrgName(name: string): string {
  let tokens = joinInitials(words(foldText(name).replace(/[&+]/g, ' und ')));
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (form.length < tokens.length && endsWith(tokens, form)) {
        tokens = tokens.slice(0, tokens.length - form.length);
        stripped = true;
        break;
      }
    }
  }
  return tokens.join(' ');
}

/** Qualifiers and degrees that count as a title only when written with a dot ('med.', 'M.Sc.'); 'Ma' is a surname. */
const DOTTED_TITLE_STEMS = new Set([
  'dr',
  'dres',
  'prof',
  'dipl',
  'mag',
  'lic',
  'med',
  'dent',
  'vet',
  'rer',
  'nat',
  'pol',
  'oec',
  'phil',
  'jur',
  'iur',
  'paed',
  'techn',
  'theol',
  'agr',
  'sc',
  'habil',
  'hc',
  'eh',
  'mult',
  'pd',
  'apl',
  'msc',
  'bsc',
  'ma',
  'ba',
  'meng',
  'beng',
  'bed',
  'llm',
  'llb',
  'mba',
]);
/** Titles recognised even without a dot. */
const BARE_TITLES = new Set(['dr', 'prof', 'professor', 'professorin', 'mba', 'msc', 'bsc', 'llm']);

function isTitleToken(token: string): boolean {
  if (BARE_TITLES.has(token)) return true;
  // Hyphenated and glued forms: 'dr.-ing.', 'dipl.-ing.', 'dipl.-kfm.', 'jun.-prof.', 'dr.rer.nat.', 'prof.dr.'
  if (/^(?:dr|dipl|jun|hon|prof)\.-?[a-z]/.test(token)) return true;
  if (!token.endsWith('.')) return false;
  return DOTTED_TITLE_STEMS.has(token.replace(/[.-]/g, ''));
}

function normalizePersonPart(s: string): string {
  const tokens = foldText(s.replace(/,/g, ' '))
    .split(' ')
    .filter((t) => t && !isTitleToken(t));
  return words(tokens.join(' ')).join(' ');
}

/**
 * Person name for duplicate detection: both parts folded ({@link foldText}), academic titles and degrees removed
 * (Dr., Prof., Dr.-Ing., Dipl.-Ing., M.Sc., …), punctuation removed, joined with a space.
 * ('Dr. Anna', 'Müller-Lüdenscheidt') → 'anna mueller luedenscheidt'.
 */
export function normalizePersonName(first: string | null | undefined, last: string | null | undefined): string {
  return [normalizePersonPart(first ?? ''), normalizePersonPart(last ?? '')].filter(Boolean).join(' ');
}

/** Trimmed and lower-cased e-mail address. */
export function normalizeEmail(e: string): string {
  return e.trim().toLowerCase();
}
