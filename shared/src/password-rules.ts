/**
 * The password rules (ASVS 5.0 V6.2) without the dictionaries: lengths, the reasons a password is refused and their
 * wording. Light, so schemas and the web's first bundle can use it; the check itself is in password-policy.ts.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Once a second factor protects the account, a shorter password is enough (ASVS V6.2.1). */
export const PASSWORD_MIN_LENGTH_WITH_FACTOR = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** The reasons a password is refused, each worded in German and English (`n`: the minimum length that applies). */
const PROBLEMS = {
  tooShort: {
    de: (n) => `muss mindestens ${n} Zeichen lang sein`,
    en: (n) => `must be at least ${n} characters long`,
  },
  tooLong: {
    de: () => `darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein`,
    en: () => `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
  },
  personal: {
    de: () => 'darf weder Ihren Namen noch Ihre E-Mail-Adresse enthalten',
    en: () => 'must contain neither your name nor your e-mail address',
  },
  common: {
    de: () => 'steht auf einer Liste häufig verwendeter oder geleakter Passwörter',
    en: () => 'is on a list of commonly used or leaked passwords',
  },
  repeat: {
    de: () => 'besteht aus Wiederholungen (wie „aaaa“ oder „abcabc“) und ist leicht zu erraten',
    en: () => 'consists of repetitions (like "aaaa" or "abcabc") and is easy to guess',
  },
  sequence: {
    de: () => 'besteht aus einer Folge (wie „12345“ oder einer Tastaturreihe) und ist leicht zu erraten',
    en: () => 'consists of a sequence (like "12345" or a keyboard row) and is easy to guess',
  },
  dates: {
    de: () => 'besteht vor allem aus Jahreszahlen oder Daten und ist leicht zu erraten',
    en: () => 'consists mainly of years or dates and is easy to guess',
  },
  guessable: {
    de: () => 'ist leicht zu erraten; ein Satz aus mehreren Wörtern ist sicherer',
    en: () => 'is easy to guess; a sentence of several words is safer',
  },
  sameAsCurrent: {
    de: () => 'muss sich vom bisherigen Passwort unterscheiden',
    en: () => 'must differ from the current password',
  },
} satisfies Record<string, Record<'de' | 'en', (minLength: number) => string>>;
export type PasswordProblem = keyof typeof PROBLEMS;

/** Why a password is refused, in German or English. */
export const passwordProblemMessage = (problem: PasswordProblem, minLength: number, language: 'de' | 'en' = 'de') =>
  PROBLEMS[problem][language](minLength);
