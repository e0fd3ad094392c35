import type { TotpSetup } from '@anett/shared/schemas/auth';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Modal,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import { useConfirmTotp, useRemoveTotp, useStartTotp } from './api.ts';
import { ConfirmPasswordModal, Section, useEnrolModal } from './security-section.tsx';

export function TotpCard({ confirmedAt, onCodes }: { confirmedAt: string | null; onCodes: (c: string[]) => void }) {
  const { t } = useTranslation();
  const [removeOpen, remove] = useDisclosure(false);
  const removeTotp = useRemoveTotp();
  const setup = useEnrolModal('totp', onCodes);
  return (
    <Section
      card="totp"
      status={
        <Badge variant="light" color={confirmedAt ? 'teal' : 'gray'} tt="none">
          {confirmedAt ? t('security.totp.active', { date: formatDate(confirmedAt) }) : t('security.totp.none')}
        </Badge>
      }
    >
      {confirmedAt ? (
        <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={remove.open}>
          {t('security.totp.remove')}
        </Button>
      ) : (
        <Button onClick={setup.open}>{t('security.totp.setUp')}</Button>
      )}
      {setup.opened && <TotpSetupModal onClose={setup.close} onDone={setup.done} />}
      <ConfirmPasswordModal
        opened={removeOpen}
        onClose={remove.close}
        mutation={removeTotp}
        toBody={(currentPassword) => ({ currentPassword })}
        onDone={() => notifications.show({ message: t('security.totp.removed') })}
      />
    </Section>
  );
}

function TotpSetupModal({ onClose, onDone }: { onClose: () => void; onDone: (codes?: string[]) => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [secret, setSecret] = useState<TotpSetup | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : t('security.totp.wrongCode')) },
  });
  if (!secret && start.isIdle) start.mutate(undefined, { onSuccess: setSecret });

  return (
    <Modal opened onClose={onClose} title={t('security.totp.setUpTitle')} size="md">
      {start.isError ? (
        <Alert color="red" variant="light">
          {errorMessage(t, start.error)}
        </Alert>
      ) : !secret ? (
        <Skeleton h={280} />
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(({ code }) =>
            confirm.mutate(code.trim(), {
              onSuccess: (res) => onDone(res.recoveryCodes),
              onError: (err) => {
                if (isApiError(err, 400)) form.setErrors({ code: t('security.totp.wrongCode') });
              },
            }),
          )}
        >
          <Stack gap="md">
            <Text size="sm">1. {t('security.totp.step1')}</Text>
            <Image src={secret.qrCode} alt={t('security.totp.qrAlt')} w={200} h={200} mx="auto" />
            <Text size="xs" c="dimmed">
              {t('security.totp.manual')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code fz="sm" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
                {secret.secret}
              </Code>
              <CopyButton value={secret.secret}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">2. {t('security.totp.step2')}</Text>
            <TextInput
              label={t('security.login.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              data-autofocus
              {...form.getInputProps('code')}
            />
            {confirm.isError && !isApiError(confirm.error, 400) && (
              <FormAlert>{errorMessage(t, confirm.error)}</FormAlert>
            )}
            <FormActions onCancel={onClose} loading={confirm.isPending} label={t('security.totp.confirm')} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
