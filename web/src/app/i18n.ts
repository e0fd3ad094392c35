import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '../lib/i18n.ts';
import { de, type Translation } from './locales/de.ts';
import { en } from './locales/en.ts';

// The translations are assembled here, at the top: `lib/` and the features only use them through i18next.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

const STORAGE_KEY = 'anett.lang';

function storedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
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
