import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useWalkIn } from './api.ts';
import { type Confirmation, type Early, earlyStart } from './checkin-parts.tsx';

/** A person who came without registering: created and checked in at once. */
export function WalkInModal({
  opened,
  initialName,
  onClose,
  onDone,
  eventId,
  earlyConfirmed,
  onEarly,
}: {
  opened: boolean;
  initialName: string;
  onClose: () => void;
  onDone: (c: Confirmation) => void;
  eventId: number;
  earlyConfirmed: boolean;
  onEarly: (e: Early) => void;
}) {
  const { t } = useLabels();
  const walkIn = useWalkIn(eventId);
  const form = useForm({
    initialValues: { firstName: '', lastName: '', email: '', organizationName: '' },
    validate: {
      firstName: (v) => (v.trim() ? null : t('events.form.required')),
      lastName: (v) => (v.trim() ? null : t('events.form.required')),
      email: (v) =>
        !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('events.checkin.invalidEmail'),
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: prefill only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    walkIn.reset();
    const parts = initialName.trim().split(/\s+/).filter(Boolean);
    const values = {
      firstName: parts.length > 1 ? parts.slice(0, -1).join(' ') : (parts[0] ?? ''),
      lastName: parts.length > 1 ? (parts.at(-1) ?? '') : '',
      email: '',
      organizationName: '',
    };
    form.setValues(values);
    form.clearErrors();
  }, [opened]);

  const send = (v: typeof form.values, confirm: boolean) =>
    walkIn.mutate(
      {
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        email: v.email.trim() || null,
        organizationName: v.organizationName.trim() || null,
        ...(confirm ? { confirm } : {}),
      },
      {
        onSuccess: (res) => {
          onDone({
            name: personName(res.attendance.person),
            at: res.attendance.checkedInAt ?? new Date().toISOString(),
            walkIn: true,
            personId: res.attendance.personId,
            version: res.attendance.version,
          });
          onClose();
        },
        onError: (err) => {
          const startsAt = earlyStart(err);
          if (startsAt) onEarly({ startsAt, retry: () => send(v, true) });
          else if (isApiError(err)) form.setErrors(err.fieldErrors);
        },
      },
    );
  const submit = form.onSubmit((v) => send(v, earlyConfirmed));

  return (
    <Modal opened={opened} onClose={onClose} title={t('events.checkin.walkInTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {walkIn.error &&
            !earlyStart(walkIn.error) &&
            !(isApiError(walkIn.error) && Object.keys(walkIn.error.fieldErrors).length > 0) && (
              <FormAlert>{errorMessage(t, walkIn.error)}</FormAlert>
            )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              size="lg"
              label={t('events.checkin.firstName')}
              required
              data-autofocus
              autoComplete="off"
              {...form.getInputProps('firstName')}
            />
            <TextInput
              size="lg"
              label={t('events.checkin.lastName')}
              required
              autoComplete="off"
              {...form.getInputProps('lastName')}
            />
          </SimpleGrid>
          <TextInput
            size="lg"
            type="email"
            label={t('events.checkin.email')}
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput
            size="lg"
            label={t('events.checkin.organization')}
            description={t('events.checkin.optional')}
            autoComplete="off"
            {...form.getInputProps('organizationName')}
          />
          <Group justify="flex-end" gap="sm">
            <Button size="lg" variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button size="lg" type="submit" loading={walkIn.isPending} color="green">
              {t('events.checkin.walkInSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
