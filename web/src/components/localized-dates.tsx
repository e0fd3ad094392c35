import '@mantine/dates/styles.css';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { DatesProvider } from '@mantine/dates';
import type { TFunction } from 'i18next';
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

/** Names for the pickers' icon buttons (Mantine leaves them unlabelled), from the `ui.*` texts. */
export const pickerAriaLabels = (t: TFunction) => ({
  previousMonth: t('ui.previousMonth'),
  nextMonth: t('ui.nextMonth'),
  previousYear: t('ui.previousYear'),
  nextYear: t('ui.nextYear'),
  previousDecade: t('ui.previousDecade'),
  nextDecade: t('ui.nextDecade'),
  monthLevelControl: t('ui.monthLevelControl'),
  yearLevelControl: t('ui.yearLevelControl'),
});

/** The button names for a DatePickerInput (its popover does not take the Calendar's theme defaults). */
export function usePickerLabels() {
  const { t } = useLabels();
  return { ariaLabels: pickerAriaLabels(t) };
}

/** Like usePickerLabels, plus the DateTimePicker's submit button. */
export function useDateTimePickerLabels() {
  const { t } = useLabels();
  return { ariaLabels: pickerAriaLabels(t), submitButtonProps: { 'aria-label': t('ui.apply') } };
}
