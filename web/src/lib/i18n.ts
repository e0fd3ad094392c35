import i18n from 'i18next';
import { useTranslation } from 'react-i18next';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export { i18n };

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'de');

export function setLanguage(lang: Language) {
  void i18n.changeLanguage(lang);
}

type Vocab = Readonly<Record<string, { de: string; en: string }>>;

/** Label of a vocabulary code (`shared/src/vocab/enums.ts`) in the current language; unknown codes pass through. */
export function vocabLabel(vocab: Vocab, code: string | null | undefined, lang: Language = currentLanguage()): string {
  if (code == null) return '';
  return vocab[code]?.[lang] ?? code;
}

/** `t` plus a vocabulary labeller bound to the current language (re-renders on language change). */
export function useLabels() {
  const { t, i18n: instance } = useTranslation();
  const lang: Language = instance.language === 'en' ? 'en' : 'de';
  return { t, lang, label: (vocab: Vocab, code: string | null | undefined) => vocabLabel(vocab, code, lang) };
}
