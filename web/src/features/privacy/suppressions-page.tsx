import { type Suppression, type SuppressionInput, suppressionInput } from '@anett/shared/schemas/consent';
import { Badge, Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBan, IconLockOpen, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { ReasonField, type ReasonFieldProps } from '../../components/forms/reason-field.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { actionColumn } from '../../components/records/action-column.tsx';
import { PagedTable } from '../../components/records/paged-table.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { suppressionListOptions, useAddSuppression, useRemoveSuppression } from './api.ts';

const PAGE_SIZE = 50;
const isEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());

function AddSuppressionForm({ onDone }: { onDone: () => void }) {
  const { t } = useLabels();
  const add = useAddSuppression();
  const form = useForm<SuppressionInput>({
    initialValues: { email: '', reason: 'objection', note: '' },
    validate: (values) => zodFieldErrors(t, suppressionInput, values),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('privacy.added') });
        onDone();
      },
      onError: (err) => {
        if (isApiError(err) && Object.keys(err.fieldErrors).length) form.setErrors(err.fieldErrors);
        else form.setFieldError('email', errorMessage(t, err));
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('privacy.email')} type="email" required data-autofocus {...form.getInputProps('email')} />
        <Select
          label={t('privacy.suppressionReason')}
          required
          allowDeselect={false}
          data={[
            { value: 'objection', label: t('privacy.reasonObjection') },
            { value: 'other', label: t('privacy.reasonOther') },
          ]}
          {...form.getInputProps('reason')}
        />
        <SuppressionNote {...form.getInputProps('note')} />
        <FormActions onCancel={onDone} color="red" loading={add.isPending} label={t('privacy.addSuppression')} />
      </Stack>
    </form>
  );
}

/** Why an address is suppressed or released: adding and removing ask the same note. */
function SuppressionNote(props: Omit<ReasonFieldProps, 'label' | 'hint'>) {
  const { t } = useLabels();
  return <ReasonField label={t('privacy.note')} hint={t('privacy.noteHint')} maxLength={500} {...props} />;
}

function RemoveSuppressionForm({ entry, onDone }: { entry: Suppression; onDone: () => void }) {
  const { t } = useLabels();
  const remove = useRemoveSuppression();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) return setError(t('forms.required'));
        remove.mutate(
          { hash: entry.emailHash, note: note.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('privacy.removed') });
              onDone();
            },
            onError: (err) => setError(errorMessage(t, err)),
          },
        );
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('privacy.removeConfirm')}</Text>
        <SuppressionNote
          data-autofocus
          value={note}
          error={error}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
        />
        <FormActions onCancel={onDone} loading={remove.isPending} label={t('privacy.removeSuppression')} />
      </Stack>
    </form>
  );
}

/** The suppression list for admins: hashed addresses with reason and date, the persons who carry them. */
export function SuppressionsPage() {
  const { t } = useLabels();
  const [page, setPage] = useState(1);
  const [check, setCheck] = useState('');
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Suppression | null>(null);
  const email = isEmail(check) ? check.trim().toLowerCase() : undefined;
  const list = useQuery(suppressionListOptions({ page, pageSize: PAGE_SIZE, email }));
  const reasonLabel = (r: string) =>
    r === 'objection'
      ? t('privacy.reasonObjection')
      : r === 'erasure'
        ? t('privacy.reasonErasure')
        : t('privacy.reasonOther');

  return (
    <>
      <PageHeader
        title={t('privacy.suppressionsTitle')}
        description={t('privacy.suppressionsDescription')}
        actions={
          <Button color="red" leftSection={<IconBan size={16} />} onClick={() => setAdding(true)}>
            {t('privacy.addSuppression')}
          </Button>
        }
      />
      <TextInput
        mb="md"
        w={{ base: '100%', sm: 420 }}
        type="search"
        label={t('privacy.checkEmail')}
        description={t('privacy.checkEmailHint')}
        leftSection={<IconSearch size={16} />}
        value={check}
        onChange={(e) => {
          setCheck(e.currentTarget.value);
          setPage(1);
        }}
      />
      <PagedTable
        query={list}
        loadFailed={t('privacy.loadFailed')}
        empty={
          <EmptyState
            icon={<IconBan size={28} />}
            title={email ? t('privacy.emptyCheck') : t('privacy.emptySuppressions')}
          />
        }
        minWidth={720}
        rowKey={(s) => s.emailHash}
        columns={[
          { title: t('privacy.since'), cell: (s) => formatDateTime(s.createdAt) },
          {
            title: t('privacy.suppressionReason'),
            cell: (s) => (
              <Badge variant="light" color={s.reason === 'erasure' ? 'gray' : 'red'} radius="sm" tt="none">
                {reasonLabel(s.reason)}
              </Badge>
            ),
          },
          { title: t('privacy.note'), cell: (s) => <Text size="sm">{s.note ?? '–'}</Text> },
          {
            title: t('privacy.carriedBy'),
            cell: (s) =>
              s.persons.length ? (
                <Stack gap={0}>
                  {s.persons.map((p) => (
                    <Text size="sm" key={p.id}>
                      <AnchorLink to="/personen/$id" params={{ id: p.id }}>
                        {p.name}
                      </AnchorLink>{' '}
                      <Text span size="xs" c="dimmed">
                        {p.email}
                      </Text>
                    </Text>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('privacy.nobody')}
                </Text>
              ),
          },
          {
            title: t('privacy.hash'),
            cell: (s) => (
              <Text size="xs" ff="monospace" title={s.emailHash}>
                {s.emailHash.slice(0, 12)}…
              </Text>
            ),
          },
          actionColumn<Suppression>(
            t('privacy.removeSuppression'),
            (s) => s.persons[0]?.email ?? s.emailHash.slice(0, 12),
            setRemoving,
            { size: 'compact-sm', variant: 'subtle', leftSection: <IconLockOpen size={14} /> },
          ),
        ]}
        page={page}
        onPageChange={setPage}
        pageSize={PAGE_SIZE}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('privacy.addSuppression')}>
        {adding && <AddSuppressionForm onDone={() => setAdding(false)} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('privacy.removeTitle')}>
        {removing && <RemoveSuppressionForm entry={removing} onDone={() => setRemoving(null)} />}
      </Modal>
    </>
  );
}
