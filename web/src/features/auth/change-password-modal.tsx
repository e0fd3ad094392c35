import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { PasswordStrength, usePasswordCheck } from '../../components/forms/password-strength.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useChangePasswordMutation } from './api.ts';

type Props = { opened: boolean; onClose: () => void };

export function ChangePasswordModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const change = useChangePasswordMutation();
  const user = useCurrentUser();
  const hasSecondFactor = user.secondFactor === 'enrolled';
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('auth.required')),
      newPassword: (v) =>
        !v
          ? t('auth.required')
          : check?.problem
            ? t(`security.strength.problems.${check.problem}`, { min: check.minLength })
            : null,
      confirm: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const check = usePasswordCheck(form.values.newPassword, { name: user.name, email: user.email, hasSecondFactor });

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
          if (isApiError(err, 429)) form.setErrors({ currentPassword: t('auth.tooManyAttemptsLater') });
          else if (isApiError(err, 400))
            form.setErrors(
              err.code === 'WRONG_PASSWORD' ? { currentPassword: t('password.wrongCurrent') } : err.fieldErrors,
            );
        },
      },
    );
  });

  const generalError =
    change.error && !isApiError(change.error, 400) && !isApiError(change.error, 429)
      ? t('common.unexpectedError')
      : null;

  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert>{generalError}</FormAlert>
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            data-autofocus
            required
            {...form.getInputProps('currentPassword')}
          />
          <Stack gap={6}>
            <PasswordInput
              label={t('password.new')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordStrength check={check} password={form.values.newPassword} hasSecondFactor={hasSecondFactor} />
          </Stack>
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <FormActions onCancel={close} mt="xs" loading={change.isPending} label={t('password.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}
