import { Button, type ButtonProps, Group, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = Omit<ButtonProps, 'children' | 'mt'> & {
  /** Text of the main button. */
  label: ReactNode;
  onCancel: () => void;
  /** The main button submits its form unless it has its own `onClick`. */
  onClick?: () => void;
  mt?: MantineSpacing;
  /** Focus "Abbrechen" first, for dialogs whose main action cannot be undone. */
  focusCancel?: boolean;
};

/** The foot of every dialog form: "Abbrechen" and the main action, right-aligned. */
export function FormActions({ label, onCancel, onClick, mt, focusCancel, ...button }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt={mt}>
      <Button variant="default" onClick={onCancel} data-autofocus={focusCancel || undefined}>
        {t('common.cancel')}
      </Button>
      <Button type={onClick ? 'button' : 'submit'} onClick={onClick} {...button}>
        {label}
      </Button>
    </Group>
  );
}
