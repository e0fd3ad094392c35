import { formalName } from '@anett/shared/salutation';
import type { Person } from '@anett/shared/schemas/person';
import { Alert, Button, Group, List, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { personDetailOptions, personName, useMergePersons } from './api.ts';
import { PersonSelect } from './person-select.tsx';

const FILLABLE = ['salutation', 'title', 'email', 'phone', 'mobile'] as const;

type Props = {
  target: Person;
  opened: boolean;
  onClose: () => void;
  onMerged: (target: Person, sourceName: string) => void;
  onConflict: () => void;
};

/** Merges a duplicate into this person after showing what moves over. */
export function PersonMergeModal({ target, opened, onClose, onMerged, onConflict }: Props) {
  const { t } = useLabels();
  return (
    <Modal opened={opened} onClose={onClose} title={t('persons.mergeTitle')} size="lg">
      {opened && <MergeForm target={target} onClose={onClose} onMerged={onMerged} onConflict={onConflict} />}
    </Modal>
  );
}

function MergeForm({ target, onClose, onMerged, onConflict }: Omit<Props, 'opened'>) {
  const { t } = useLabels();
  const merge = useMergePersons();
  const [source, setSource] = useState<AsyncOption | null>(null);
  const sourceId = source ? Number(source.value) : null;
  const self = sourceId === target.id;
  const detail = useQuery({ ...personDetailOptions(sourceId ?? 0), enabled: sourceId !== null && !self });
  const s = detail.data;

  const moves: string[] = [];
  if (s) {
    if (s.affiliations.length) {
      moves.push(
        t('persons.mergeMovesAffiliations', {
          count: s.affiliations.length,
          list: s.affiliations.map((a) => [a.organization.name, a.function].filter(Boolean).join(', ')).join('; '),
        }),
      );
    }
    if (s.offices.length) {
      moves.push(
        t('persons.mergeMovesOffices', { count: s.offices.length, list: s.offices.map((o) => o.title).join(', ') }),
      );
    }
    const tags = s.tags.filter((tag) => !target.tags.some((x) => x.id === tag.id)).map((tag) => tag.name);
    if (tags.length) moves.push(t('persons.mergeMovesTags', { list: tags.join(', ') }));
    if (s.consents.length) moves.push(t('persons.mergeMovesConsents', { count: s.consents.length }));
    const fills = FILLABLE.filter((f) => target[f] === null && s[f] !== null).map((f) => t(`persons.fields.${f}`));
    if (fills.length) moves.push(t('persons.mergeFills', { list: fills.join(', ') }));
    if (s.notes && s.notes !== target.notes) moves.push(t('persons.mergeNotes'));
    moves.push(t('persons.mergeMovesRest'));
  }

  const confirm = () => {
    if (!s) return;
    merge.mutate(
      { target, sourceId: s.id },
      {
        onSuccess: (merged) => onMerged(merged, personName(s)),
        onError: (err) => {
          if (isApiError(err, 412)) onConflict();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('persons.mergeIntro', { name: formalName(target) })}</Text>
      <PersonSelect
        label={t('persons.mergeSource')}
        value={sourceId}
        selected={source}
        onChange={(_id, option) => {
          merge.reset();
          setSource(option);
        }}
        error={self ? t('persons.mergeSelf') : undefined}
        data-autofocus
      />
      {detail.isFetching && !s && <Loader size="sm" />}
      {s && !self && (
        <Alert variant="light" color="anett" icon={<IconArrowMerge size={18} />}>
          <Title order={3} fz="sm" mb={6}>
            {t('persons.mergeMoves')}
          </Title>
          <List size="sm" spacing={2}>
            {moves.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="sm" fw={500}>
            {t('persons.mergeAfter', { name: formalName(s) })}
          </Text>
        </Alert>
      )}
      {merge.isError && !isApiError(merge.error, 412) && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, merge.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color="orange"
          leftSection={<IconArrowMerge size={16} />}
          disabled={!s || self}
          loading={merge.isPending}
          onClick={confirm}
        >
          {t('persons.mergeConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
