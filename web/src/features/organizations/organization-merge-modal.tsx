import {
  ORGANIZATION_MERGE_FIELDS,
  type OrganizationDetail,
  type OrganizationMergeField,
} from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { Alert, Button, Group, List, Loader, Modal, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { OrganizationSelect } from '../../components/filters/organization-select.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { organizationDetailOptions, useMergeOrganizations } from './api.ts';
import '../persons/persons.css';

type Side = 'target' | 'source';
/** The address is chosen as a whole: street, postcode, city and district. */
const ADDRESS = ['street', 'postalCode', 'city', 'district'] as const;
/** Contact values not kept stay in the notes of the merged organisation. */
const NOTED = ['website', 'email', 'phone'] as const;
const valuesOf = (o: OrganizationDetail, f: OrganizationMergeField) =>
  f === 'address' ? ADDRESS.map((c) => o[c]) : [o[f]];
const isEmpty = (o: OrganizationDetail, f: OrganizationMergeField) => valuesOf(o, f).every((v) => v === null);

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
    <Modal opened={opened} onClose={onClose} title={t('organizations.mergeTitle')} size="xl">
      {opened && <MergeForm target={target} onClose={onClose} onMerged={onMerged} onConflict={onConflict} />}
    </Modal>
  );
}

function MergeForm({ target, onClose, onMerged, onConflict }: Omit<Props, 'opened'>) {
  const { t, label } = useLabels();
  const merge = useMergeOrganizations();
  const [source, setSource] = useState<AsyncOption | null>(null);
  const [chosen, setChosen] = useState<Partial<Record<OrganizationMergeField, Side>>>({});
  const sourceId = source ? Number(source.value) : null;
  const self = sourceId === target.id;
  const detail = useQuery({ ...organizationDetailOptions(sourceId ?? 0), enabled: sourceId !== null && !self });
  const s = detail.data;

  const shown = (f: OrganizationMergeField, o: OrganizationDetail) => {
    const text =
      f === 'address'
        ? [o.street, [o.postalCode, o.city].filter(Boolean).join(' '), o.district && districtLabel(o.district)]
            .filter(Boolean)
            .join(', ')
        : f === 'kind'
          ? label(ORGANIZATION_KIND, o.kind)
          : f === 'sizeClass'
            ? label(SIZE_CLASS, o.sizeClass)
            : o[f];
    return text === null || text === '' ? t('organizations.mergeEmpty') : String(text);
  };
  const differing = s
    ? ORGANIZATION_MERGE_FIELDS.filter((f) => valuesOf(target, f).some((v, i) => v !== valuesOf(s, f)[i]))
    : [];
  const sideOf = (f: OrganizationMergeField): Side =>
    chosen[f] ?? (s && isEmpty(target, f) && !isEmpty(s, f) ? 'source' : 'target');
  const noted = s
    ? NOTED.filter((f) => differing.includes(f)).flatMap((f) => {
        const other = sideOf(f) === 'source' ? target[f] : s[f];
        return other ? [other] : [];
      })
    : [];

  const moves: string[] = [];
  if (s) {
    const people = s.people.current.length + s.people.former.length;
    if (people) moves.push(t('organizations.mergeMovesPeople', { count: people }));
    if (s.relations.length) moves.push(t('organizations.mergeMovesRelations', { count: s.relations.length }));
    const sectors = s.sectors.filter((c) => !target.sectors.includes(c));
    if (sectors.length) moves.push(t('organizations.mergeMovesSectors', { list: sectors.join(', ') }));
    const tags = s.tags.filter((tag) => !target.tags.some((x) => x.id === tag.id)).map((tag) => tag.name);
    if (tags.length) moves.push(t('organizations.mergeMovesTags', { list: tags.join(', ') }));
    if (noted.length) moves.push(t('organizations.mergeNoted', { list: noted.join(', ') }));
    moves.push(t('organizations.mergeMovesRest'));
  }

  const confirm = () => {
    if (!s) return;
    const keep = Object.fromEntries(differing.map((f) => [f, sideOf(f)]));
    merge.mutate(
      { target, sourceId: s.id, keep },
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
        <Stack gap="xs" component="section" aria-labelledby="org-merge-compare">
          <div>
            <Title order={3} fz="sm" id="org-merge-compare">
              {t('organizations.mergeCompare')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('organizations.mergeCompareHint')}
            </Text>
          </div>
          <SimpleGrid cols={3} spacing="xs" visibleFrom="sm">
            <span />
            <Text size="sm" fw={600}>
              {t('organizations.mergeThis')}: {target.name}
            </Text>
            <Text size="sm" fw={600}>
              {t('organizations.mergeDuplicate')}: {s.name}
            </Text>
          </SimpleGrid>
          {ORGANIZATION_MERGE_FIELDS.filter((f) => !isEmpty(target, f) || !isEmpty(s, f)).map((f) => {
            const fieldLabel = f === 'address' ? t('organizations.address') : t(`organizations.fields.${f}`);
            return differing.includes(f) ? (
              <Radio.Group
                key={f}
                value={sideOf(f)}
                onChange={(v) => setChosen((c) => ({ ...c, [f]: v as Side }))}
                label={fieldLabel}
                classNames={{ root: 'merge-field', label: 'merge-field-label' }}
              >
                <SimpleGrid cols={2} spacing="xs">
                  {(['target', 'source'] as const).map((side) => (
                    <Radio
                      key={side}
                      value={side}
                      label={shown(f, side === 'target' ? target : s)}
                      description={side === 'target' ? t('organizations.mergeThis') : t('organizations.mergeDuplicate')}
                      styles={{ label: { overflowWrap: 'anywhere' } }}
                    />
                  ))}
                </SimpleGrid>
              </Radio.Group>
            ) : (
              <SimpleGrid key={f} cols={{ base: 1, sm: 3 }} spacing="xs">
                <Text size="xs" c="dimmed">
                  {fieldLabel}
                </Text>
                <Text size="sm" style={{ gridColumn: 'span 2', overflowWrap: 'anywhere' }}>
                  {shown(f, target)}
                </Text>
              </SimpleGrid>
            );
          })}
        </Stack>
      )}
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
