import type { ContactPoint, ContactPointKind, Person } from '@anett/shared/schemas/person';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useConfirmedMutation } from '../../components/confirm-dialog.tsx';
import { SegmentedField } from '../../components/forms/segmented-field.tsx';
import { useRecordFailure } from '../../components/records/record-failure.ts';
import { RowActionsMenu } from '../../components/records/row-actions-menu.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { invalidatePerson } from '../../lib/query-keys.ts';
import { contactPointApi } from './api.ts';
import { personSubRecordModal } from './sub-record-form.tsx';

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
  const remove = contactPointApi.useDelete(person.id);
  const [formTarget, setFormTarget] = useState<ContactPoint | 'new' | null>(null);
  const { failed } = useRecordFailure('persons', (qc) => invalidatePerson(qc, person.id));
  const removal = useConfirmedMutation(remove, {
    title: t('persons.removeContactPoint'),
    message: (c) => t('persons.removeContactPointConfirm', { value: c.value }),
    confirmLabel: t('persons.removeContactPoint'),
    danger: true,
    onSuccess: () => notifications.show({ message: t('persons.contactPointRemoved') }),
    onError: failed,
  });

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
                  onClick: () => removal.ask(c),
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
      {removal.dialog}
    </Stack>
  );
}

type Values = { kind: ContactPointKind; value: string; label: string };

const ContactPointFormModal = personSubRecordModal(ContactPointFields, contactPointApi, {
  initial: (editing): Values => ({
    kind: editing?.kind ?? 'email',
    value: editing?.value ?? '',
    label: editing?.label ?? '',
  }),
  toInput: (v) => ({ kind: v.kind, value: v.value, label: v.label.trim() || null }),
});

function ContactPointFields({ form, editing }: { form: UseFormReturnType<Values>; editing: ContactPoint | null }) {
  const { t } = useLabels();
  return (
    <>
      {!editing && (
        <SegmentedField
          label={t('persons.contactPointKind')}
          data={(['email', 'phone', 'mobile'] as const).map((k) => ({ value: k, label: t(`persons.fields.${k}`) }))}
          {...form.getInputProps('kind')}
        />
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
    </>
  );
}
