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
