import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../forms/form-actions.tsx';
import { type Duplicate, VersionedFormAlerts, type VersionedFormAlertsProps } from './versioned-form-alerts.tsx';

type Props<V extends Record<string, unknown>, D extends Duplicate> = Omit<
  VersionedFormAlertsProps<V, D>,
  'fields' | 'error' | 'pending'
> & {
  /** The save in flight (the create or the update): its error goes above the fields, its wait on the buttons. */
  mutation: { error: unknown; isPending: boolean };
  /** The fields the conflict panel compares (none for a sub-record, whose 412 closes the dialog). */
  fields?: VersionedFormAlertsProps<V, D>['fields'];
  /** The main button ("Speichern" by default). */
  submitLabel?: string;
  onCancel: () => void;
  children: ReactNode;
};

/** A versioned form in its dialog: the alerts (conflict, error, duplicates) above the fields, the footer below. */
export function RecordForm<V extends Record<string, unknown>, D extends Duplicate>({
  fields = [],
  submitLabel,
  onCancel,
  children,
  mutation,
  ...alerts
}: Props<V, D>) {
  const { t } = useTranslation();
  const { vf } = alerts;
  const pending = mutation.isPending;
  return (
    <form onSubmit={vf.submit} noValidate>
      <Stack gap="md">
        <VersionedFormAlerts
          fields={fields}
          error={mutation.error}
          pending={pending}
          onOpenDuplicate={onCancel}
          {...alerts}
        />
        {children}
        <FormActions
          label={submitLabel ?? t('common.save')}
          onCancel={onCancel}
          // While the conflict panel or the duplicates are shown, their own buttons say that it is saving.
          loading={pending && !vf.conflict && !vf.duplicates}
          mt="xs"
        />
      </Stack>
    </form>
  );
}
