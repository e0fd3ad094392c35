import { formalName } from '@anett/shared/salutation';
import { PERSON_MERGE_FIELDS, type Person, type PersonMergeField } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Alert, Button, Group, List, Loader, Modal, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AsyncOption } from '../../components/filters/async-select.tsx';
import { PersonSelect } from '../../components/filters/person-select.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { personDetailOptions, useMergePersons } from './api.ts';
import './persons.css';

type Side = 'target' | 'source';
/** Fields whose value not chosen stays on the merged person as an additional one. */
const CONTACT_FIELDS = ['email', 'phone', 'mobile'] as const;
const isContact = (f: PersonMergeField): f is (typeof CONTACT_FIELDS)[number] =>
  (CONTACT_FIELDS as readonly string[]).includes(f);
/** What the server keeps without a choice: this person's value, or the duplicate's where this one has none. */
const defaultSide = (target: Person, source: Person, f: PersonMergeField): Side =>
  target[f] === null && source[f] !== null ? 'source' : 'target';

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
    <Modal opened={opened} onClose={onClose} title={t('persons.mergeTitle')} size="xl">
      {opened && <MergeForm target={target} onClose={onClose} onMerged={onMerged} onConflict={onConflict} />}
    </Modal>
  );
}

function MergeForm({ target, onClose, onMerged, onConflict }: Omit<Props, 'opened'>) {
  const { t, label } = useLabels();
  const merge = useMergePersons();
  const [source, setSource] = useState<AsyncOption | null>(null);
  const [chosen, setChosen] = useState<Partial<Record<PersonMergeField, Side>>>({});
  const sourceId = source ? Number(source.value) : null;
  const self = sourceId === target.id;
  const detail = useQuery({ ...personDetailOptions(sourceId ?? 0), enabled: sourceId !== null && !self });
  const s = detail.data;

  const shown = (f: PersonMergeField, p: Person) =>
    (f === 'salutation' ? label(SALUTATION, p.salutation) : p[f]) || t('persons.mergeEmpty');
  // Only fields where the two records differ ask for a choice.
  const differing = s ? PERSON_MERGE_FIELDS.filter((f) => (target[f] ?? null) !== (s[f] ?? null)) : [];
  const sideOf = (f: PersonMergeField): Side => (s ? (chosen[f] ?? defaultSide(target, s, f)) : 'target');
  const keptAsAdditional = s
    ? differing.filter(isContact).flatMap((f) => {
        const other = sideOf(f) === 'source' ? target[f] : s[f];
        return other ? [other] : [];
      })
    : [];

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
    if (s.contactPoints.length) moves.push(t('persons.mergeMovesContactPoints', { count: s.contactPoints.length }));
    if (keptAsAdditional.length) moves.push(t('persons.mergeKeepsAdditional', { list: keptAsAdditional.join(', ') }));
    if (s.notes && s.notes !== target.notes) moves.push(t('persons.mergeNotes'));
    moves.push(t('persons.mergeMovesRest'));
  }

  const confirm = () => {
    if (!s) return;
    const keep = Object.fromEntries(differing.map((f) => [f, sideOf(f)]));
    merge.mutate(
      { target, sourceId: s.id, keep },
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
        <Stack gap="xs" component="section" aria-labelledby="merge-compare">
          <div>
            <Title order={3} fz="sm" id="merge-compare">
              {t('persons.mergeCompare')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('persons.mergeCompareHint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing={4} visibleFrom="sm">
            <span />
            <Text size="sm" fw={600}>
              {t('persons.mergeThis')}: {formalName(target)}
            </Text>
            <Text size="sm" fw={600}>
              {t('persons.mergeDuplicate')}: {formalName(s)}
            </Text>
          </SimpleGrid>
          {PERSON_MERGE_FIELDS.filter((f) => target[f] !== null || s[f] !== null).map((f) =>
            differing.includes(f) ? (
              <Radio.Group
                key={f}
                value={sideOf(f)}
                onChange={(v) => setChosen((c) => ({ ...c, [f]: v as Side }))}
                label={t(`persons.fields.${f}`)}
                classNames={{ root: 'merge-field', label: 'merge-field-label' }}
              >
                <SimpleGrid cols={2} spacing="xs">
                  {(['target', 'source'] as const).map((side) => (
                    <Radio
                      key={side}
                      value={side}
                      label={shown(f, side === 'target' ? target : s)}
                      description={side === 'target' ? t('persons.mergeThis') : t('persons.mergeDuplicate')}
                      styles={{ label: { overflowWrap: 'anywhere' } }}
                    />
                  ))}
                </SimpleGrid>
              </Radio.Group>
            ) : (
              <SimpleGrid key={f} cols={{ base: 1, sm: 3 }} spacing="xs">
                <Text size="xs" c="dimmed">
                  {t(`persons.fields.${f}`)}
                </Text>
                <Text size="sm" style={{ gridColumn: 'span 2', overflowWrap: 'anywhere' }}>
                  {shown(f, target)}
                </Text>
              </SimpleGrid>
            ),
          )}
        </Stack>
      )}
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
