import { type Affiliation, affiliationInput, type Office, officeInput } from '@anett/shared/schemas/person';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { OrganizationSelect } from '../../components/filters/organization-select.tsx';
import { changedKeys } from '../../components/forms/conflict-panel.tsx';
import { DayInput } from '../../components/forms/day-input.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { VersionedFormAlerts } from '../../components/records/versioned-form-alerts.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { useSaveAffiliation, useSaveOffice } from './api.ts';

// Affiliations and offices: small sub-records of a person, each with its own version.

type AffiliationValues = {
  organizationId: number | null;
  function: string;
  isPrimary: boolean;
  fromDate: string | null;
  toDate: string | null;
};

type AffiliationProps = {
  personId: number;
  /** `'new'` adds one, an affiliation edits it, null closes. */
  target: Affiliation | 'new' | null;
  onClose: () => void;
};

export function AffiliationFormModal({ personId, target, onClose }: AffiliationProps) {
  const { t } = useLabels();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('persons.editAffiliation') : t('persons.addAffiliation')}
      size="lg"
    >
      {target !== null && (
        <AffiliationForm key={editing?.id ?? 'new'} personId={personId} editing={editing} onClose={onClose} />
      )}
    </Modal>
  );
}

/** A 412 on a sub-record: it changed meanwhile; the person reloads and the dialog closes. */
function useSubRecordConflict(onClose: () => void) {
  const { t } = useLabels();
  return () => {
    notifications.show({ color: 'orange', message: t('persons.conflictReloaded') });
    onClose();
  };
}

function AffiliationForm({
  personId,
  editing,
  onClose,
}: {
  personId: number;
  editing: Affiliation | null;
  onClose: () => void;
}) {
  const { t } = useLabels();
  const save = useSaveAffiliation(personId);
  const initial: AffiliationValues = {
    organizationId: editing?.organization.id ?? null,
    function: editing?.function ?? '',
    isPrimary: editing?.isPrimary ?? false,
    fromDate: editing?.fromDate ?? null,
    toDate: editing?.toDate ?? null,
  };
  const [organization, setOrganization] = useState<AsyncOption | null>(
    editing ? { value: String(editing.organization.id), label: editing.organization.name } : null,
  );
  const done = () => {
    notifications.show({ color: 'green', message: t('persons.affiliationSaved') });
    onClose();
  };
  const vf = useVersionedForm<AffiliationValues, Affiliation>({
    initial: { values: initial, version: editing?.version ?? 0 },
    validate: (v) => zodFieldErrors(t, affiliationInput, { ...v, organizationId: v.organizationId ?? undefined }),
    onConflict: useSubRecordConflict(onClose),
    save: (values, _loaded, _opts, fail) => {
      const body = { ...values, organizationId: values.organizationId as number };
      if (editing) {
        const changed = changedKeys(initial, values);
        if (changed.length === 0) return onClose();
        save.mutate(
          { affiliation: editing, patch: Object.fromEntries(changed.map((k) => [k, body[k]])) },
          { onSuccess: done, onError: fail },
        );
      } else {
        save.mutate({ create: body }, { onSuccess: done, onError: fail });
      }
    },
  });
  const { form } = vf;
  const values = form.getValues();
  return (
    <form onSubmit={vf.submit} noValidate>
      <Stack gap="md">
        <VersionedFormAlerts vf={vf} fields={[]} error={save.error} pending={save.isPending} />
        <OrganizationSelect
          label={t('persons.organization')}
          required
          value={values.organizationId}
          selected={organization}
          onChange={(id, option) => {
            setOrganization(option);
            form.setFieldValue('organizationId', id);
          }}
          error={form.errors.organizationId}
          data-autofocus
        />
        <TextInput label={t('persons.function')} {...form.getInputProps('function')} />
        <Checkbox label={t('persons.isPrimary')} {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('persons.fromDate')} {...form.getInputProps('fromDate')} />
          <DayInput label={t('persons.toDate')} {...form.getInputProps('toDate')} />
        </SimpleGrid>
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

type OfficeValues = {
  title: string;
  jurisdiction: string;
  organizationId: number | null;
  fromDate: string | null;
  toDate: string | null;
};

type OfficeProps = { personId: number; target: Office | 'new' | null; onClose: () => void };

export function OfficeFormModal({ personId, target, onClose }: OfficeProps) {
  const { t } = useLabels();
  const editing = target !== null && target !== 'new' ? target : null;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={editing ? t('persons.editOffice') : t('persons.addOffice')}
      size="lg"
    >
      {target !== null && (
        <OfficeForm key={editing?.id ?? 'new'} personId={personId} editing={editing} onClose={onClose} />
      )}
    </Modal>
  );
}

function OfficeForm({ personId, editing, onClose }: { personId: number; editing: Office | null; onClose: () => void }) {
  const { t } = useLabels();
  const save = useSaveOffice(personId);
  const initial: OfficeValues = {
    title: editing?.title ?? '',
    jurisdiction: editing?.jurisdiction ?? '',
    organizationId: editing?.organization?.id ?? null,
    fromDate: editing?.fromDate ?? null,
    toDate: editing?.toDate ?? null,
  };
  const [organization, setOrganization] = useState<AsyncOption | null>(
    editing?.organization ? { value: String(editing.organization.id), label: editing.organization.name } : null,
  );
  const done = () => {
    notifications.show({ color: 'green', message: t('persons.officeSaved') });
    onClose();
  };
  const vf = useVersionedForm<OfficeValues, Office>({
    initial: { values: initial, version: editing?.version ?? 0 },
    validate: (v) => zodFieldErrors(t, officeInput, v),
    onConflict: useSubRecordConflict(onClose),
    save: (values, _loaded, _opts, fail) => {
      if (editing) {
        const changed = changedKeys(initial, values);
        if (changed.length === 0) return onClose();
        save.mutate(
          { office: editing, patch: Object.fromEntries(changed.map((k) => [k, values[k]])) },
          { onSuccess: done, onError: fail },
        );
      } else {
        save.mutate({ create: values }, { onSuccess: done, onError: fail });
      }
    },
  });
  const { form } = vf;
  return (
    <form onSubmit={vf.submit} noValidate>
      <Stack gap="md">
        <VersionedFormAlerts vf={vf} fields={[]} error={save.error} pending={save.isPending} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('persons.officeTitle')}
            placeholder={t('persons.officeTitleHint')}
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <TextInput
            label={t('persons.jurisdiction')}
            placeholder={t('persons.jurisdictionHint')}
            {...form.getInputProps('jurisdiction')}
          />
        </SimpleGrid>
        <OrganizationSelect
          label={t('persons.officeOrganization')}
          value={form.getValues().organizationId}
          selected={organization}
          onChange={(id, option) => {
            setOrganization(option);
            form.setFieldValue('organizationId', id);
          }}
          error={form.errors.organizationId}
        />
        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('persons.fromDate')} {...form.getInputProps('fromDate')} />
          <DayInput label={t('persons.toDate')} {...form.getInputProps('toDate')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('persons.officeInSalutation')}
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
