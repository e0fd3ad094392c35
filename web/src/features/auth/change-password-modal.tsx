import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { useChangePasswordMutation } from './api.ts';

const MIN_LENGTH = 10;

type Props = { opened: boolean; onClose: () => void };

export function ChangePasswordModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const change = useChangePasswordMutation();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('auth.required')),
      newPassword: (v) => (v.length >= MIN_LENGTH ? null : t('password.tooShort')),
      confirm: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });

  const close = () => {
    form.reset();
    change.reset();
    onClose();
  };

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('password.changed') });
          close();
        },
        onError: (err) => {
          if (!isApiError(err, 400)) return;
          form.setErrors(
            err.code === 'WRONG_PASSWORD' ? { currentPassword: t('password.wrongCurrent') } : err.fieldErrors,
          );
        },
      },
    );
  });

  const generalError = change.error && !isApiError(change.error, 400) ? t('common.unexpectedError') : null;

  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {generalError && (
            <Alert color="red" variant="light" role="alert">
              {generalError}
            </Alert>
          )}
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            data-autofocus
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.rule')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
