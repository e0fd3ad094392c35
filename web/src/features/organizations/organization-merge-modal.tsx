import type { OrganizationDetail } from '@anett/shared/schemas/organization';
import { Alert, Button, Group, List, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { organizationDetailOptions, useMergeOrganizations } from './api.ts';
import { OrganizationSelect } from './organization-select.tsx';

const FILLABLE = [
  'shortName',
  'sizeClass',
  'employees',
  'street',
  'postalCode',
  'city',
  'district',
  'website',
  'email',
  'phone',
] as const;

type Props = {
  target: OrganizationDetail;
  opened: boolean;
  onClose: () => void;
  onMerged: (target: OrganizationDetail, sourceName: string) => void;
  onConflict: () => void;
};

/** Merges a duplicate into this organisation after showing what moves over. */
export function OrganizationMergeModal({ target, opened, onClose, onMerged, onConflict }: Props) {
  const { t } = useLabels();
  return (
    <Modal opened={opened} onClose={onClose} title={t('organizations.mergeTitle')} size="lg">
      {opened && <MergeForm target={target} onClose={onClose} onMerged={onMerged} onConflict={onConflict} />}
    </Modal>
  );
}

function MergeForm({ target, onClose, onMerged, onConflict }: Omit<Props, 'opened'>) {
  const { t } = useLabels();
  const merge = useMergeOrganizations();
  const [source, setSource] = useState<AsyncOption | null>(null);
  const sourceId = source ? Number(source.value) : null;
  const self = sourceId === target.id;
  const detail = useQuery({ ...organizationDetailOptions(sourceId ?? 0), enabled: sourceId !== null && !self });
  const s = detail.data;

  const moves: string[] = [];
  if (s) {
    const people = s.people.current.length + s.people.former.length;
    if (people) moves.push(t('organizations.mergeMovesPeople', { count: people }));
    if (s.relations.length) moves.push(t('organizations.mergeMovesRelations', { count: s.relations.length }));
    const sectors = s.sectors.filter((c) => !target.sectors.includes(c));
    if (sectors.length) moves.push(t('organizations.mergeMovesSectors', { list: sectors.join(', ') }));
    const tags = s.tags.filter((tag) => !target.tags.some((x) => x.id === tag.id)).map((tag) => tag.name);
    if (tags.length) moves.push(t('organizations.mergeMovesTags', { list: tags.join(', ') }));
    const fills = FILLABLE.filter((f) => target[f] === null && s[f] !== null).map((f) =>
      t(`organizations.fields.${f}`),
    );
    if (fills.length) moves.push(t('organizations.mergeFills', { list: fills.join(', ') }));
    moves.push(t('organizations.mergeMovesRest'));
  }

  const confirm = () => {
    if (!s) return;
    merge.mutate(
      { target, sourceId: s.id },
      {
        onSuccess: (merged) => onMerged(merged, s.name),
        onError: (err) => {
          if (isApiError(err, 412)) onConflict();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('organizations.mergeIntro', { name: target.name })}</Text>
      <OrganizationSelect
        label={t('organizations.mergeSource')}
        value={sourceId}
        selected={source}
        onChange={(_id, option) => {
          merge.reset();
          setSource(option);
        }}
        error={self ? t('organizations.mergeSelf') : undefined}
        data-autofocus
      />
      {detail.isFetching && !s && <Loader size="sm" />}
      {s && !self && (
        <Alert variant="light" color="anett" icon={<IconArrowMerge size={18} />}>
          <Title order={3} fz="sm" mb={6}>
            {t('organizations.mergeMoves')}
          </Title>
          <List size="sm" spacing={2}>
            {moves.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="sm" fw={500}>
            {t('organizations.mergeAfter', { name: s.name })}
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
          {t('organizations.mergeConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
