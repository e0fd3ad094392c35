import { SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DayInput } from './day-input.tsx';

type Period = { fromDate: string | null; toDate: string | null };

/** "Von" and "Bis" of a dated record (affiliation, office, relation), side by side. */
export function PeriodInputs<V extends Period>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2} spacing="sm">
      <DayInput label={t('forms.fromDate')} {...form.getInputProps('fromDate')} />
      <DayInput label={t('forms.toDate')} {...form.getInputProps('toDate')} />
    </SimpleGrid>
  );
}
