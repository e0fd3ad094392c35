import { Card, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceMobile, IconFingerprint, IconKey, IconLifebuoy } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** The four cards of the security page; each names its title and text under `security.<card>`. */
const CARDS = { totp: IconDeviceMobile, passkeys: IconFingerprint, recovery: IconLifebuoy, password: IconKey };

export function Section({
  card,
  status,
  children,
}: {
  card: keyof typeof CARDS;
  status?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const Icon = CARDS[card];
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm" h="100%">
        <Group gap="xs" wrap="nowrap">
          <Icon size={20} />
          <Title order={2} fz="lg">
            {t(`security.${card}.title`)}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`security.${card}.text`)}
        </Text>
        {status}
        <Group gap="sm" mt="auto">
          {children}
        </Group>
      </Stack>
    </Card>
  );
}

/** An enrolment's modal: on success it closes, says so and hands on the new recovery codes (the first factor's). */
export function useEnrolModal(card: 'totp' | 'passkeys', onCodes: (codes: string[]) => void) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const done = (codes?: string[]) => {
    close();
    notifications.show({ color: 'green', message: t(`security.${card}.added`) });
    if (codes) onCodes(codes);
  };
  return { opened, open, close, done };
}

/** A security change that weakens the account or replaces codes: confirmed with the current password. */
export function ConfirmPasswordModal<B, R>({
  opened,
  onClose,
  mutation,
  toBody,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  mutation: UseMutationResult<R, Error, B>;
  toBody: (password: string) => B;
  onDone: (res: R) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '' },
    validate: { currentPassword: (v) => (v ? null : t('auth.required')) },
  });
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const err = mutation.error;
  const alert = !err
    ? null
    : isApiError(err) && err.code === 'LAST_SECOND_FACTOR'
      ? t('security.confirmPassword.lastFactor')
      : isApiError(err, 400)
        ? null
        : errorMessage(t, err);
  return (
    <Modal opened={opened} onClose={close} title={t('security.confirmPassword.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ currentPassword }) =>
          mutation.mutate(toBody(currentPassword), {
            onSuccess: (res) => {
              close();
              onDone(res);
            },
            onError: (e) => {
              if (isApiError(e, 400)) form.setErrors({ currentPassword: t('security.confirmPassword.wrong') });
            },
          }),
        )}
      >
        <Stack gap="md">
          <Text size="sm">{t('security.confirmPassword.text')}</Text>
          <FormAlert>{alert}</FormAlert>
          <PasswordInput
            label={t('security.confirmPassword.label')}
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <FormActions onCancel={close} loading={mutation.isPending} label={t('security.confirmPassword.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}
