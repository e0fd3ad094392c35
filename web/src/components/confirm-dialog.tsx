import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before a consequential action; the safe choice (cancel) has the initial focus. */
export function ConfirmDialog({ opened, title, message, confirmLabel, danger, loading, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} size="md">
      <Stack gap="lg">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The part of a react-query mutation the confirmation needs. */
type ConfirmableMutation<V, R> = {
  mutate: (
    target: V,
    options: { onSuccess: (res: R) => void; onError: (err: unknown) => void; onSettled: () => void },
  ) => void;
  isPending: boolean;
};

type ConfirmedMutationOptions<V, R> = Omit<Props, 'opened' | 'message' | 'loading' | 'onConfirm' | 'onCancel'> & {
  message: (target: V) => ReactNode;
  onSuccess?: (res: R, target: V) => void;
  onError: (err: unknown) => void;
};

/**
 * "Ask, then run" for a row's consequential action (remove, deactivate, reset): `ask(row)` opens the dialog, confirming
 * runs the mutation on that row, and the dialog closes when the call settles — so no caller keeps that state itself.
 */
export function useConfirmedMutation<V, R>(
  mutation: ConfirmableMutation<V, R>,
  options: ConfirmedMutationOptions<V, R>,
) {
  const [target, setTarget] = useState<V | null>(null);
  const { message, onSuccess, onError, ...dialog } = options;
  const element = (
    <ConfirmDialog
      {...dialog}
      opened={target !== null}
      message={target !== null && message(target)}
      loading={mutation.isPending}
      onCancel={() => setTarget(null)}
      onConfirm={() => {
        if (target === null) return;
        mutation.mutate(target, {
          onSuccess: (res) => onSuccess?.(res, target),
          onError,
          onSettled: () => setTarget(null),
        });
      }}
    />
  );
  return { ask: setTarget, dialog: element };
}
