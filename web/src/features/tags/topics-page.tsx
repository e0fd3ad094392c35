import { type Topic, topicInput } from '@anett/shared/schemas/tag';
import { Badge, Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEye, IconEyeOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { ErrorState } from '../../components/error-state.tsx';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordCount } from '../../components/records/record-list-parts.tsx';
import { actionsColumn } from '../../components/records/row-actions-menu.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { topicListOptions } from '../../lib/reference-data.ts';
import { useCreateTopic, useUpdateTopic } from './api.ts';

type Values = { label: string; labelEn: string };

function TopicForm({ editing, onClose }: { editing: Topic | null; onClose: () => void }) {
  const { t } = useLabels();
  const create = useCreateTopic();
  const update = useUpdateTopic();
  const form = useForm<Values>({
    initialValues: { label: editing?.label ?? '', labelEn: editing?.labelEn ?? '' },
    validate: (v) => zodFieldErrors(t, topicInput, v),
  });
  const fail = (err: unknown) => {
    if (isApiError(err, 412)) {
      notifications.show({ color: 'orange', message: t('common.versionConflict') });
      onClose();
    } else if (isApiError(err) && err.code === 'TOPIC_SLUG_TAKEN') {
      form.setErrors({ label: t('tags.topics.slugTaken') });
    } else if (isApiError(err)) form.setErrors(err.fieldErrors);
  };
  const submit = form.onSubmit((values) => {
    if (editing) {
      update.mutate(
        { topic: editing, patch: values },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('tags.topics.saved') });
            onClose();
          },
          onError: fail,
        },
      );
    } else {
      create.mutate(values, {
        onSuccess: (topic) => {
          notifications.show({ color: 'green', message: t('tags.topics.created', { name: topic.label }) });
          onClose();
        },
        onError: fail,
      });
    }
  });
  const mutation = editing ? update : create;
  const generalError =
    mutation.error && !(isApiError(mutation.error) && Object.keys(form.errors).length > 0)
      ? errorMessage(t, mutation.error)
      : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert>{generalError}</FormAlert>
        <TextInput label={t('tags.topics.label')} required data-autofocus {...form.getInputProps('label')} />
        <TextInput label={t('tags.topics.labelEn')} required {...form.getInputProps('labelEn')} />
        {editing ? (
          <Text size="sm" c="dimmed">
            {t('tags.topics.slug')}: <code>{editing.slug}</code> – {t('tags.topics.slugHint')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('tags.topics.slugHint')}
          </Text>
        )}
        <FormActions
          onCancel={onClose}
          loading={mutation.isPending}
          label={editing ? t('common.save') : t('tags.topics.create')}
        />
      </Stack>
    </form>
  );
}

/** Admins keep the topic vocabulary: add, rename, (de)activate. Topics are never deleted (old records keep them). */
export function TopicsPage() {
  const { t, lang } = useLabels();
  const topics = useQuery(topicListOptions());
  const update = useUpdateTopic();
  const [target, setTarget] = useState<Topic | 'new' | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;

  const toggle = (topic: Topic) =>
    update.mutate(
      { topic, patch: { active: !topic.active } },
      {
        onSuccess: (after) =>
          notifications.show({
            message: t(after.active ? 'tags.topics.activated' : 'tags.topics.deactivated', { name: after.label }),
          }),
        onError: (err) =>
          notifications.show({
            color: isApiError(err, 412) ? 'orange' : 'red',
            message: isApiError(err, 412) ? t('common.versionConflict') : errorMessage(t, err),
          }),
      },
    );

  const items = [...(topics.data ?? [])].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.label.localeCompare(b.label, lang),
  );

  return (
    <>
      <PageHeader
        title={t('tags.topics.title')}
        description={t('tags.topics.description')}
        meta={<RecordCount total={topics.data?.length} text={(count) => t('tags.topics.count', { count })} />}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget('new')}>
            {t('tags.topics.create')}
          </Button>
        }
      />
      {topics.isError ? (
        <ErrorState error={topics.error} message={t('tags.topics.loadFailed')} onRetry={() => void topics.refetch()} />
      ) : (
        <DataTable<Topic>
          withTableBorder
          borderRadius="md"
          highlightOnHover
          verticalAlign="center"
          minHeight={topics.isPending || items.length === 0 ? 200 : undefined}
          fetching={topics.isPending}
          noRecordsText={t('tags.topics.empty')}
          records={items}
          idAccessor="id"
          rowStyle={(topic) => (topic.active ? undefined : { opacity: 0.6 })}
          columns={[
            {
              accessor: 'label',
              title: t('tags.topics.label'),
              render: (topic) => (
                <Text size="sm" fw={600}>
                  {topic.label}
                </Text>
              ),
            },
            { accessor: 'labelEn', title: t('tags.topics.labelEn') },
            {
              accessor: 'slug',
              title: t('tags.topics.slug'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
              render: (topic) => <code>{topic.slug}</code>,
            },
            {
              accessor: 'active',
              title: t('tags.topics.status'),
              render: (topic) => (
                <Badge variant="dot" color={topic.active ? 'green' : 'gray'} radius="sm" tt="none" size="sm">
                  {topic.active ? t('tags.topics.active') : t('tags.topics.inactive')}
                </Badge>
              ),
            },
            actionsColumn(t('common.actions'), (topic) => ({
              label: t('tags.topics.actionsFor', { name: topic.label }),
              actions: [
                { label: t('tags.topics.rename'), icon: <IconPencil size={16} />, onClick: () => setTarget(topic) },
                {
                  label: topic.active ? t('tags.topics.deactivate') : t('tags.topics.activate'),
                  icon: topic.active ? <IconEyeOff size={16} /> : <IconEye size={16} />,
                  onClick: () => toggle(topic),
                },
              ],
            })),
          ]}
        />
      )}
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={editing ? t('tags.topics.editTitle') : t('tags.topics.createTitle')}
      >
        {target !== null && <TopicForm key={editing?.id ?? 'new'} editing={editing} onClose={() => setTarget(null)} />}
      </Modal>
    </>
  );
}
