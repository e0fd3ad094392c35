import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useLabels } from '../../lib/i18n.ts';
import { LocalizedDates } from '../localized-dates.tsx';

const pad = (n: string) => n.padStart(2, '0');

/** Typed dates: '15.11.2024', '15.11.24', '15/11/2024' (English UI), '2024-11-15' → '2024-11-15'; else null. */
export function parseDay(input: string): string | null {
  const s = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const de = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(s);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : de
      ? [de[3]?.length === 2 ? `20${de[3]}` : de[3], de[2], de[1]]
      : [];
  if (!y || !m || !d) return null;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d))
    return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

type Props = Omit<DateInputProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A calendar day (`YYYY-MM-DD`) shown and typed as TT.MM.JJJJ, with a picker in the UI language. */
export function DayInput({ value, onChange, ...props }: Props) {
  const { lang } = useLabels();
  return (
    <LocalizedDates>
      <DateInput
        value={value || null}
        onChange={onChange}
        dateParser={parseDay}
        placeholder={lang === 'en' ? 'DD/MM/YYYY' : 'TT.MM.JJJJ'}
        clearable
        leftSection={<IconCalendar size={16} />}
        popoverProps={{ withinPortal: true }}
        {...props}
      />
    </LocalizedDates>
  );
}
