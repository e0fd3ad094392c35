import { ActionIcon, Alert, Button, CopyButton, Group, Modal, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type RevealedPassword = { name: string; email: string; password: string };

/** A generated password, shown exactly once, with a copy button. */
export function PasswordOnceModal({ revealed, onClose }: { revealed: RevealedPassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={revealed !== null}
      onClose={onClose}
      title={t('users.passwordOnceTitle')}
      closeOnClickOutside={false}
    >
      {revealed && (
        <Stack gap="md">
          <Alert variant="light" color="yellow" icon={<IconShieldLock size={18} />}>
            {t('users.passwordOnce', { name: revealed.name })}
          </Alert>
          <TextInput
            label={t('users.passwordLabel', { email: revealed.email })}
            value={revealed.password}
            readOnly
            data-autofocus
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 16, letterSpacing: 0.5 } }}
            rightSectionWidth={44}
            rightSection={
              <CopyButton value={revealed.password} timeout={2000}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                    <ActionIcon
                      variant={copied ? 'filled' : 'subtle'}
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                      aria-label={copied ? t('common.copied') : t('common.copy')}
                    >
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            }
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('users.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
