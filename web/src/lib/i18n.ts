import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { de, type Translation } from '../locales/de.ts';
import { en } from '../locales/en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'anett.lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Without storage the choice lasts for this page only.
  }
});

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'de',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

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
