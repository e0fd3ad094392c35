import { type ContactPoint, type ContactPointKind, contactPointInput, type Person } from '@anett/shared/schemas/person';
import { Anchor, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { RowActionsMenu } from '../../components/records/row-actions-menu.tsx';
import { useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { VersionedFormAlerts } from '../../components/records/versioned-form-alerts.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { invalidatePerson } from '../../lib/query-keys.ts';
import { useDeleteContactPoint, useSaveContactPoint } from './api.ts';

/** A link that writes or calls the value. */
export function ContactValue({ kind, value }: { kind: ContactPointKind; value: string }) {
  return kind === 'email' ? (
    <Anchor href={`mailto:${value}`}>{value}</Anchor>
  ) : (
    <Anchor href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</Anchor>
  );
}

/** More e-mail addresses and phone numbers of a person, under the main ones; added, changed and removed in place. */
export function ContactPoints({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useLabels();
  const queryClient = useQueryClient();
  const remove = useDeleteContactPoint(person.id);
  const [formTarget, setFormTarget] = useState<ContactPoint | 'new' | null>(null);
  const [toRemove, setToRemove] = useState<ContactPoint | null>(null);
  const failed = (err: unknown) => {
    if (isApiError(err, 412)) {
      notifications.show({ color: 'orange', message: t('persons.conflictReloaded') });
      void invalidatePerson(queryClient, person.id);
      return;
    }
    notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(t, err) });
  };

  if (person.contactPoints.length === 0 && !canWrite) return null;
  return (
    <Stack gap={6} mt="sm" data-testid="contact-points">
      {person.contactPoints.length > 0 && (
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {t('persons.contactPoints')}
        </Text>
      )}
      {person.contactPoints.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Text size="xs" c="dimmed">
              {[t(`persons.contactPointKinds.${c.kind}`), c.label].filter(Boolean).join(' · ')}
            </Text>
            <Text size="sm">
              <ContactValue kind={c.kind} value={c.value} />
            </Text>
          </div>
          {canWrite && (
            <RowActionsMenu
              label={t('persons.contactPointActions', { value: c.value })}
              actions={[
                {
                  label: t('persons.editContactPoint'),
                  icon: <IconPencil size={16} />,
                  onClick: () => setFormTarget(c),
                },
                {
                  label: t('persons.removeContactPoint'),
                  icon: <IconTrash size={16} />,
                  onClick: () => setToRemove(c),
                  color: 'red',
                },
              ]}
            />
          )}
        </Group>
      ))}
      {canWrite && (
        <Group>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => setFormTarget('new')}
          >
            {t('persons.addContactPoint')}
          </Button>
        </Group>
      )}
      <ContactPointFormModal personId={person.id} target={formTarget} onClose={() => setFormTarget(null)} />
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('persons.removeContactPoint')}
        message={toRemove ? t('persons.removeContactPointConfirm', { value: toRemove.value }) : ''}
        confirmLabel={t('persons.removeContactPoint')}
        danger
        loading={remove.isPending}
        onCancel={() => setToRemove(null)}
        onConfirm={() => {
          if (!toRemove) return;
          remove.mutate(toRemove, {
            onSuccess: () => notifications.show({ message: t('persons.contactPointRemoved') }),
            onError: failed,
            onSettled: () => setToRemove(null),
          });
        }}
      />
    </Stack>
  );
}

type Values = { kind: ContactPointKind; value: string; label: string };

function ContactPointFormModal({
  personId,
  target,
  onClose,
}: {
  personId: number;
  target: ContactPoint | 'new' | null;
  onClose: () => void;
}) {
  const { t } = useLabels();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('persons.editContactPoint') : t('persons.addContactPoint')}
    >
      {target !== null && (
        <ContactPointForm key={editing?.id ?? 'new'} personId={personId} editing={editing} onClose={onClose} />
      )}
    </Modal>
  );
}

function ContactPointForm({
  personId,
  editing,
  onClose,
}: {
  personId: number;
  editing: ContactPoint | null;
  onClose: () => void;
}) {
  const { t } = useLabels();
  const save = useSaveContactPoint(personId);
  const done = () => {
    notifications.show({ color: 'green', message: t('persons.contactPointSaved') });
    onClose();
  };
  const vf = useVersionedForm<Values, ContactPoint>({
    initial: {
      values: { kind: editing?.kind ?? 'email', value: editing?.value ?? '', label: editing?.label ?? '' },
      version: editing?.version ?? 0,
    },
    validate: (v) => zodFieldErrors(t, contactPointInput, v),
    onConflict: () => {
      notifications.show({ color: 'orange', message: t('persons.conflictReloaded') });
      onClose();
    },
    save: (v, _loaded, _opts, fail) => {
      const label = v.label.trim() || null;
      if (editing) {
        save.mutate({ contactPoint: editing, patch: { value: v.value, label } }, { onSuccess: done, onError: fail });
      } else {
        save.mutate({ create: { kind: v.kind, value: v.value, label } }, { onSuccess: done, onError: fail });
      }
    },
  });
  const { form } = vf;

  return (
    <form onSubmit={vf.submit} noValidate>
      <Stack gap="md">
        <VersionedFormAlerts vf={vf} fields={[]} error={save.error} pending={save.isPending} />
        {!editing && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="contact-point-kind">
              {t('persons.contactPointKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="contact-point-kind"
              data={(['email', 'phone', 'mobile'] as const).map((k) => ({ value: k, label: t(`persons.fields.${k}`) }))}
              {...form.getInputProps('kind')}
            />
          </Stack>
        )}
        <TextInput
          label={editing ? t(`persons.contactPointKinds.${editing.kind}`) : t('persons.contactPointValue')}
          type={form.values.kind === 'email' ? 'email' : 'tel'}
          required
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('value')}
        />
        <TextInput
          label={t('persons.contactPointLabel')}
          placeholder={t('persons.contactPointLabelHint')}
          maxLength={60}
          {...form.getInputProps('label')}
        />
        <Text size="xs" c="dimmed">
          {t('persons.contactPointsHint')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
