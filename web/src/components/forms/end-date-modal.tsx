import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../lib/local-dates.ts';
import { DayInput } from './day-input.tsx';

type Props = {
  opened: boolean;
  title: string;
  message: string;
  /** The start, if any: the end may not lie before it. */
  minDate?: string | null;
  loading?: boolean;
  onConfirm: (toDate: string) => void;
  onCancel: () => void;
};

/** Ends something that has a period (affiliation, relation, office): asks for the end date, today by default. */
export function EndDateModal({ opened, title, message, minDate, loading, onConfirm, onCancel }: Props) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} size="sm">
      {opened && (
        <EndDateForm message={message} minDate={minDate} loading={loading} onConfirm={onConfirm} onCancel={onCancel} />
      )}
    </Modal>
  );
}

function EndDateForm({ message, minDate, loading, onConfirm, onCancel }: Omit<Props, 'opened' | 'title'>) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(() => {
    const today = localDay(new Date());
    return minDate && minDate > today ? minDate : today;
  });
  const tooEarly = Boolean(value && minDate && value < minDate);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (value && !tooEarly) onConfirm(value);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <DayInput
          label={t('forms.endDate')}
          required
          value={value}
          onChange={setValue}
          minDate={minDate ?? undefined}
          error={tooEarly ? t('forms.endBeforeStart') : undefined}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={loading} disabled={!value || tooEarly}>
            {t('forms.end')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
