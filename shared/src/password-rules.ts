/**
 * The password rules (ASVS 5.0 V6.2) without the dictionaries: lengths, the reasons a password is refused and their
 * wording. Light, so schemas and the web's first bundle can use it; the check itself is in password-policy.ts.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Once a second factor protects the account, a shorter password is enough (ASVS V6.2.1). */
export const PASSWORD_MIN_LENGTH_WITH_FACTOR = 8;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem =
  | 'tooShort'
  | 'tooLong'
  | 'personal'
  | 'common'
  | 'repeat'
  | 'sequence'
  | 'dates'
  | 'guessable'
  | 'sameAsCurrent';

const MESSAGES: Record<'de' | 'en', Record<PasswordProblem, (minLength: number) => string>> = {
  de: {
    tooShort: (n) => `muss mindestens ${n} Zeichen lang sein`,
    tooLong: () => `darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein`,
    personal: () => 'darf weder Ihren Namen noch Ihre E-Mail-Adresse enthalten',
    common: () => 'steht auf einer Liste häufig verwendeter oder geleakter Passwörter',
    repeat: () => 'besteht aus Wiederholungen (wie „aaaa“ oder „abcabc“) und ist leicht zu erraten',
    sequence: () => 'besteht aus einer Folge (wie „12345“ oder einer Tastaturreihe) und ist leicht zu erraten',
    dates: () => 'besteht vor allem aus Jahreszahlen oder Daten und ist leicht zu erraten',
    guessable: () => 'ist leicht zu erraten; ein Satz aus mehreren Wörtern ist sicherer',
    sameAsCurrent: () => 'muss sich vom bisherigen Passwort unterscheiden',
  },
  en: {
    tooShort: (n) => `must be at least ${n} characters long`,
    tooLong: () => `must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    personal: () => 'must contain neither your name nor your e-mail address',
    common: () => 'is on a list of commonly used or leaked passwords',
    repeat: () => 'consists of repetitions (like "aaaa" or "abcabc") and is easy to guess',
    sequence: () => 'consists of a sequence (like "12345" or a keyboard row) and is easy to guess',
    dates: () => 'consists mainly of years or dates and is easy to guess',
    guessable: () => 'is easy to guess; a sentence of several words is safer',
    sameAsCurrent: () => 'must differ from the current password',
  },
};

/** Why a password is refused, in German or English. */
export const passwordProblemMessage = (problem: PasswordProblem, minLength: number, language: 'de' | 'en' = 'de') =>
  MESSAGES[language][problem](minLength);
