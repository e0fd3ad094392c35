import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as germanDictionary } from '@zxcvbn-ts/language-de';
import { searchFold } from './normalize.ts';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_LENGTH_WITH_FACTOR,
  type PasswordProblem,
} from './password-rules.ts';

/**
 * zxcvbn's scale 0–4; 3 means about 10^8 guesses, out of reach of online guessing even without throttling. With a
 * second factor the password alone opens nothing: 2 (10^6, and not on any list) is enough.
 */
const MIN_SCORE = 3;
const MIN_SCORE_WITH_FACTOR = 2;
/** zxcvbn's cost grows with the length; beyond this the rest adds strength it need not measure. */
const ESTIMATE_LENGTH = 64;

export type PasswordCheck = {
  ok: boolean;
  problem: PasswordProblem | null;
  /** 0 (very weak) … 4 (strong), for a strength meter. */
  score: number;
  minLength: number;
};

export type PasswordContext = {
  /** The user's name and e-mail: a password containing them is refused. */
  name?: string | null;
  email?: string | null;
  hasSecondFactor?: boolean;
};

let configured = false;
function configure() {
  if (configured) return;
  // Translations stay the keys: the reasons are worded by the caller, in the caller's language.
  zxcvbnOptions.setOptions({
    dictionary: { ...commonDictionary, ...germanDictionary },
    graphs: adjacencyGraphs,
    maxLength: ESTIMATE_LENGTH,
  });
  configured = true;
}

/** The service's name, the user's name parts and e-mail local part and domain name, folded, at least 3 characters. */
export function personalWords({ name, email }: PasswordContext): string[] {
  const [local = '', domain = ''] = (email ?? '').toLowerCase().split('@');
  const parts = [
    'anett',
    ...(name ?? '').split(/[\s\-.,']+/),
    local,
    ...local.split(/[._+-]+/),
    domain.split('.')[0] ?? '',
  ];
  return [...new Set(parts.map((p) => searchFold(p).trim()).filter((p) => p.length >= 3))];
}

const byWarning: Record<string, PasswordProblem> = {
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  simpleRepeat: 'repeat',
  extendedRepeat: 'repeat',
  sequences: 'sequence',
  straightRow: 'sequence',
  keyPattern: 'sequence',
  recentYears: 'dates',
  dates: 'dates',
  userInputs: 'personal',
};

/**
 * The password check (ASVS 5.0 V6.2): length only, no composition rules; refused are passwords on the leaked and
 * common password lists shipped with zxcvbn-ts, easily guessed ones (repeats, sequences, keyboard rows, single words)
 * and those containing the user's name or e-mail address. Heavy (the dictionaries): the web loads it lazily.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  const minLength = context.hasSecondFactor ? PASSWORD_MIN_LENGTH_WITH_FACTOR : PASSWORD_MIN_LENGTH;
  configure();
  const personal = personalWords(context);
  const result = zxcvbn(password.slice(0, ESTIMATE_LENGTH), personal);
  const score = result.score;
  const folded = searchFold(password);
  let problem: PasswordProblem | null = null;
  if (password.length < minLength) problem = 'tooShort';
  else if (password.length > PASSWORD_MAX_LENGTH) problem = 'tooLong';
  else if (personal.some((word) => folded.includes(word))) problem = 'personal';
  else if (score < (context.hasSecondFactor ? MIN_SCORE_WITH_FACTOR : MIN_SCORE))
    problem = byWarning[result.feedback.warning ?? ''] ?? 'guessable';
  return { ok: problem === null, problem, score: problem === 'personal' ? Math.min(score, 1) : score, minLength };
}
