import { Button, Group, Stack } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { usePickerLabels } from '../../components/localized-dates.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';

function addDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDay(d);
}

function addMonths(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return localDay(d);
}

type Props = { value?: string | null; onChange: (day: string | null) => void; error?: string };

/** The follow-up day of a contact: a date picker and chips for "in 1 week / 2 weeks / 1 month" (a chip again clears it). */
export function FollowUpField({ value, onChange, error }: Props) {
  const { t } = useLabels();
  const dpLabels = usePickerLabels();
  const chips: [string, string][] = [
    [t('interactions.quickLog.in1Week'), addDays(7)],
    [t('interactions.quickLog.in2Weeks'), addDays(14)],
    [t('interactions.quickLog.in1Month'), addMonths(1)],
  ];
  return (
    <Stack gap={6}>
      <DatePickerInput
        {...dpLabels}
        label={t('interactions.followUpOn')}
        placeholder={t('interactions.quickLog.noFollowUp')}
        clearable
        minDate={localDay(new Date())}
        value={value ?? null}
        onChange={onChange}
        error={error}
      />
      <Group gap={6} wrap="nowrap">
        {chips.map(([text, day]) => (
          <Button
            key={day}
            size="compact-xs"
            variant={value === day ? 'filled' : 'light'}
            aria-pressed={value === day}
            onClick={() => onChange(value === day ? null : day)}
          >
            {text}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
