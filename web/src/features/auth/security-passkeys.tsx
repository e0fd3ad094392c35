import type { PasskeyInfo } from '@anett/shared/schemas/auth';
import { Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFingerprint, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import { passkeysSupported, useAddPasskey, useRemovePasskey } from './api.ts';
import { ConfirmPasswordModal, Section, useEnrolModal } from './security-section.tsx';

export function PasskeysCard({ passkeys, onCodes }: { passkeys: PasskeyInfo[]; onCodes: (c: string[]) => void }) {
  const { t } = useTranslation();
  const [toRemove, setToRemove] = useState<PasskeyInfo | null>(null);
  const remove = useRemovePasskey();
  const add = useEnrolModal('passkeys', onCodes);
  return (
    <Section
      card="passkeys"
      status={
        passkeys.length === 0 ? (
          <Badge variant="light" color="gray" tt="none">
            {t('security.passkeys.none')}
          </Badge>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {passkeys.map((p) => (
              <Group key={p.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <div>
                  <Text size="sm" fw={600}>
                    {p.name}{' '}
                    {p.backedUp && (
                      <Badge size="xs" variant="outline" tt="none">
                        {t('security.passkeys.synced')}
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('security.passkeys.created', { date: formatDate(p.createdAt) })} ·{' '}
                    {p.lastUsedAt
                      ? t('security.passkeys.lastUsed', { date: formatDate(p.lastUsedAt) })
                      : t('security.passkeys.neverUsed')}
                  </Text>
                </div>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('security.passkeys.removeFor', { name: p.name })}
                  onClick={() => setToRemove(p)}
                >
                  <IconTrash size={16} />
                </Button>
              </Group>
            ))}
          </Stack>
        )
      }
    >
      {passkeysSupported() ? (
        <Button variant={passkeys.length ? 'default' : 'filled'} onClick={add.open}>
          {t('security.passkeys.add')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('security.passkeys.unsupported')}
        </Text>
      )}
      {add.opened && <AddPasskeyModal onClose={add.close} onDone={add.done} />}
      <ConfirmPasswordModal
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        mutation={remove}
        toBody={(currentPassword) => ({ currentPassword, id: toRemove?.id ?? 0 })}
        onDone={() => notifications.show({ message: t('security.passkeys.removed') })}
      />
    </Section>
  );
}

function AddPasskeyModal({ onClose, onDone }: { onClose: () => void; onDone: (codes?: string[]) => void }) {
  const { t } = useTranslation();
  const addPasskey = useAddPasskey();
  const form = useForm({
    initialValues: { name: t('security.passkeys.defaultName') },
    validate: { name: (v) => (v.trim() ? null : t('auth.required')) },
  });
  return (
    <Modal opened onClose={onClose} title={t('security.passkeys.addTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ name }) =>
          addPasskey.mutate(name.trim(), {
            onSuccess: (res) => onDone(res.recoveryCodes),
            onError: (err) => {
              if (isApiError(err, 400)) form.setErrors(err.fieldErrors);
            },
          }),
        )}
      >
        <Stack gap="md">
          <TextInput
            label={t('security.passkeys.name')}
            description={t('security.passkeys.nameHint')}
            maxLength={80}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          {addPasskey.isError && (
            <FormAlert>
              {isApiError(addPasskey.error) ? errorMessage(t, addPasskey.error) : t('security.passkeys.failed')}
            </FormAlert>
          )}
          <FormActions
            onCancel={onClose}
            label={t('security.passkeys.create')}
            leftSection={<IconFingerprint size={16} />}
            loading={addPasskey.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
