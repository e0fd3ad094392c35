import { Badge, Button, Code, CopyButton, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/download.ts';
import { useNewRecoveryCodes } from './api.ts';
import { ConfirmPasswordModal, Section } from './security-section.tsx';

export function RecoveryCard({
  left,
  hasFactor,
  onCodes,
}: {
  left: number;
  hasFactor: boolean;
  onCodes: (c: string[]) => void;
}) {
  const { t } = useTranslation();
  const [open, modal] = useDisclosure(false);
  const renew = useNewRecoveryCodes();
  return (
    <Section
      card="recovery"
      status={
        hasFactor && (
          <Badge variant="light" color={left > 2 ? 'teal' : 'orange'} tt="none">
            {t('security.recovery.left', { count: left })}
          </Badge>
        )
      }
    >
      <Button variant="default" disabled={!hasFactor} onClick={modal.open}>
        {t('security.recovery.renew')}
      </Button>
      <ConfirmPasswordModal
        opened={open}
        onClose={modal.close}
        mutation={renew}
        toBody={(currentPassword) => ({ currentPassword })}
        onDone={(res) => onCodes((res as { recoveryCodes: string[] }).recoveryCodes)}
      />
    </Section>
  );
}

export function RecoveryCodesModal({ codes, onClose }: { codes: string[] | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = (codes ?? []).join('\n');
  return (
    <Modal
      opened={codes !== null}
      onClose={onClose}
      title={t('security.recovery.onceTitle')}
      closeOnClickOutside={false}
      size="md"
    >
      <Stack gap="md">
        <Text size="sm">{t('security.recovery.once')}</Text>
        <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes">
          {(codes ?? []).map((c) => (
            <Code key={c} fz="md" ta="center" py={6}>
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => saveBlob(new Blob([`${text}\n`], { type: 'text/plain' }), t('security.recovery.fileName'))}
          >
            {t('security.recovery.download')}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('security.recovery.saved')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
