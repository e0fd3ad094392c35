import type { Interaction } from '@anett/shared/schemas/interaction';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useConfirmedMutation } from '../../components/confirm-dialog.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { TopicBadges } from '../../components/topic-badges.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useDeleteInteraction } from './api.ts';
import { editInQuickLog } from './quick-log-store.ts';

/** An opened row: the whole summary, event and topics, and (for the author or an admin) edit and delete. */
export function InteractionDetails({
  item: i,
  editable,
  onDelete,
}: {
  item: Interaction;
  editable: boolean;
  onDelete: (i: Interaction) => void;
}) {
  const { t } = useLabels();
  return (
    <Stack gap={6} px="md" py="sm" bg="gray.0">
      {i.summary ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {i.summary}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('interactions.noSummary')}
        </Text>
      )}
      <Group gap={6}>
        {i.event && (
          <AnchorLink to="/veranstaltungen/$id" params={{ id: i.event.id }} size="sm">
            {i.event.title}
          </AnchorLink>
        )}
        <TopicBadges topics={i.topics} />
      </Group>
      {editable && (
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => editInQuickLog(i)}>
            {t('interactions.edit')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => onDelete(i)}
          >
            {t('interactions.delete')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** "Delete this contact?" for the row whose delete button was pressed; returns the dialog and its opener. */
export function useDeleteInteractionDialog() {
  const { t } = useLabels();
  const remove = useDeleteInteraction();
  const { ask, dialog } = useConfirmedMutation(remove, {
    title: t('interactions.deleteTitle'),
    message: (i) => t('interactions.deleteConfirm', { subject: i.subject }),
    confirmLabel: t('interactions.delete'),
    danger: true,
    onSuccess: () => notifications.show({ color: 'green', message: t('interactions.deleted') }),
    onError: (err) =>
      notifications.show({
        color: 'red',
        message: isApiError(err, 412) ? t('common.versionConflict') : errorMessage(t, err),
      }),
  });
  return { dialog, confirmDelete: ask };
}
