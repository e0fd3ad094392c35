import '@mantine/dates/styles.css';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useLabels } from '../lib/i18n.ts';

/** Mantine date pickers in the UI language: German month names, weeks starting on Monday. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { lang } = useLabels();
  return (
    <DatesProvider settings={{ locale: lang === 'en' ? 'en-gb' : 'de', firstDayOfWeek: 1, consistentWeeks: true }}>
      {children}
    </DatesProvider>
  );
}

const PICKER_LABELS = {
  de: {
    ariaLabels: {
      previousMonth: 'Vorheriger Monat',
      nextMonth: 'Nächster Monat',
      previousYear: 'Vorheriges Jahr',
      nextYear: 'Nächstes Jahr',
      previousDecade: 'Vorheriges Jahrzehnt',
      nextDecade: 'Nächstes Jahrzehnt',
      monthLevelControl: 'Monat wählen',
      yearLevelControl: 'Jahr wählen',
    },
    submit: 'Übernehmen',
  },
  en: {
    ariaLabels: {
      previousMonth: 'Previous month',
      nextMonth: 'Next month',
      previousYear: 'Previous year',
      nextYear: 'Next year',
      previousDecade: 'Previous decade',
      nextDecade: 'Next decade',
      monthLevelControl: 'Choose month',
      yearLevelControl: 'Choose year',
    },
    submit: 'Apply',
  },
};

/** Names for the pickers' icon buttons (Mantine leaves them unlabelled): spread into DatePickerInput. */
export function usePickerLabels() {
  const { lang } = useLabels();
  return { ariaLabels: PICKER_LABELS[lang].ariaLabels };
}

/** Like usePickerLabels, plus the DateTimePicker's submit button. */
export function useDateTimePickerLabels() {
  const { lang } = useLabels();
  const labels = PICKER_LABELS[lang];
  return { ariaLabels: labels.ariaLabels, submitButtonProps: { 'aria-label': labels.submit } };
}
