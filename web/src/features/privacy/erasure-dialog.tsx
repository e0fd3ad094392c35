import {
  Alert,
  Badge,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import { erasurePreviewOptions, useErasePerson } from './api.ts';

type Props = {
  person: { id: number; version: number; name: string };
  opened: boolean;
  onClose: () => void;
  onErased: () => void;
};

/**
 * GDPR erasure (admin): says what will go, lists the unlinked contact-log entries that name the person (pre-selected
 * when they name them fully, by e-mail or phone; a bare last name may be a namesake) and asks for an explicit
 * acknowledgement before the irreversible step.
 */
export function ErasureDialog({ person, opened, onClose, onErased }: Props) {
  const { t } = useTranslation();
  const preview = useQuery({ ...erasurePreviewOptions(person.id), enabled: opened });
  const erase = useErasePerson(person.id);
  const [selected, setSelected] = useState<number[]>([]);
  const [acknowledged, setAcknowledged] = useState(false);

  useEffect(() => {
    if (preview.data) setSelected(preview.data.mentions.filter((m) => m.suggested).map((m) => m.interactionId));
  }, [preview.data]);
  useEffect(() => {
    if (!opened) {
      setAcknowledged(false);
      erase.reset();
    }
  }, [opened, erase.reset]);

  const p = preview.data;
  const toggle = (id: number, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const allSelected = p !== undefined && p.mentions.length > 0 && selected.length === p.mentions.length;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Title order={2} fz="lg">
          {t('privacy.erasure.title')}
        </Title>
      }
      size="lg"
      closeOnClickOutside={false}
    >
      {preview.isError ? (
        <FormAlert>
          {isApiError(preview.error, 409) ? t('privacy.erasure.alreadyErased') : errorMessage(t, preview.error)}
        </FormAlert>
      ) : !p ? (
        <Skeleton h={260} />
      ) : (
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />}>
            {t('privacy.erasure.intro', { name: person.name })}
          </Alert>
          <div>
            <Text size="sm" fw={600}>
              {t('privacy.erasure.scope')}
            </Text>
            <List size="sm" spacing={2} mt={4}>
              <List.Item>{t('privacy.erasure.linked', { count: p.linkedInteractions })}</List.Item>
              <List.Item>{t('privacy.erasure.audit', { count: p.auditMentions })}</List.Item>
              {p.segmentMentions > 0 && (
                <List.Item>{t('privacy.erasure.segments', { count: p.segmentMentions })}</List.Item>
              )}
              <List.Item>{t('privacy.erasure.searchIndex')}</List.Item>
            </List>
            {p.erasedIds.length > 1 && (
              <Text size="sm" mt={6}>
                {t('privacy.erasure.mergedToo', { count: p.erasedIds.length - 1 })}
              </Text>
            )}
            <Text size="sm" c="dimmed" mt={6}>
              {t('privacy.erasure.suppression')}
            </Text>
          </div>

          <div>
            <Group justify="space-between" align="baseline">
              <Text size="sm" fw={600}>
                {t('privacy.erasure.mentionsTitle')}
              </Text>
              {p.mentions.length > 1 && (
                <Checkbox
                  size="xs"
                  label={t('privacy.erasure.selectAll')}
                  checked={allSelected}
                  indeterminate={selected.length > 0 && !allSelected}
                  onChange={(e) => setSelected(e.currentTarget.checked ? p.mentions.map((m) => m.interactionId) : [])}
                />
              )}
            </Group>
            {p.mentions.length === 0 ? (
              <Text size="sm" c="dimmed" mt={4}>
                {t('privacy.erasure.mentionsNone')}
              </Text>
            ) : (
              <>
                <Text size="xs" c="dimmed" mt={2} mb={6}>
                  {t('privacy.erasure.mentionsText')}
                </Text>
                <ScrollArea.Autosize mah={280} type="auto">
                  <Stack gap={6} data-testid="erasure-mentions">
                    {p.mentions.map((m) => (
                      <Paper key={m.interactionId} withBorder p="xs" radius="sm">
                        <Checkbox
                          checked={selected.includes(m.interactionId)}
                          onChange={(e) => toggle(m.interactionId, e.currentTarget.checked)}
                          label={
                            <Stack gap={2}>
                              <Group gap={6} wrap="wrap">
                                <Text size="sm" fw={600}>
                                  {formatDate(m.occurredAt)} · {m.subject}
                                </Text>
                                {m.matches.map((k) => (
                                  <Badge key={k} size="xs" variant="light" tt="none">
                                    {t(`privacy.erasure.matches.${k}`)}
                                  </Badge>
                                ))}
                                {m.deleted && (
                                  <Badge size="xs" variant="outline" color="gray" tt="none">
                                    {t('privacy.erasure.deletedEntry')}
                                  </Badge>
                                )}
                              </Group>
                              <Text size="xs" c="dimmed">
                                {m.excerpt}
                              </Text>
                              {!m.suggested && (
                                <Text size="xs" c="orange.8">
                                  {t('privacy.erasure.lastNameOnly')}
                                </Text>
                              )}
                            </Stack>
                          }
                        />
                      </Paper>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
                {p.mentionsTotal > p.mentions.length && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('privacy.erasure.mentionsMore', { shown: p.mentions.length, total: p.mentionsTotal })}
                  </Text>
                )}
              </>
            )}
          </div>

          {erase.isError && <FormAlert>{errorMessage(t, erase.error)}</FormAlert>}
          <Checkbox
            label={t('privacy.erasure.acknowledge')}
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.currentTarget.checked)}
          />
          <FormActions
            onCancel={onClose}
            focusCancel
            label={t('privacy.erasure.confirm')}
            color="red"
            disabled={!acknowledged}
            loading={erase.isPending}
            onClick={() =>
              erase.mutate(
                { version: person.version, body: { scrubInteractionIds: selected } },
                { onSuccess: onErased },
              )
            }
          />
        </Stack>
      )}
    </Modal>
  );
}
