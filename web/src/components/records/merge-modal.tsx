import { Alert, Button, Group, List, Loader, Modal, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { type AsyncOption, AsyncSelect } from '../filters/async-select.tsx';
import './merge-modal.css';

export type MergeSide = 'target' | 'source';
type Labels = ReturnType<typeof useLabels>;
type MergeVars<F extends string> = {
  target: { id: number; version?: number };
  sourceId: number;
  keep?: Partial<Record<F, MergeSide>>;
};

/** What differs between a person merge and an organisation merge; texts come from `<ns>.merge…`. */
export interface MergeSpec<R extends { id: number; version: number }, F extends string> {
  ns: 'persons' | 'organizations';
  fields: readonly F[];
  /** The values a field compares by (an address compares its four parts). */
  values: (r: R, f: F) => unknown[];
  shown: (r: R, f: F, l: Labels) => string | null | undefined;
  fieldLabel: (f: F, l: Labels) => string;
  name: (r: R) => string;
  /** Fields whose value not chosen is kept elsewhere on the merged record (as an additional value, in the notes). */
  kept: readonly F[];
  /** What moves over from the duplicate; `kept` lists the values kept elsewhere ("everything else" follows). */
  moves: (source: R, target: R, kept: string[], l: Labels) => string[];
  search: { queryKey: readonly unknown[]; fetchOptions: (q: string, signal: AbortSignal) => Promise<AsyncOption[]> };
  useDetail: (id: number | null) => UseQueryResult<R>;
  useMerge: () => UseMutationResult<R, Error, MergeVars<F>>;
}

/** The names of the duplicate's tags this record lacks (a merge adds them). */
export const tagsOnlyIn = (source: { tags: { id: number; name: string }[] }, target: { tags: { id: number }[] }) =>
  source.tags.filter((tag) => !target.tags.some((x) => x.id === tag.id)).map((tag) => tag.name);

type Props<R extends { id: number; version: number }, F extends string> = {
  spec: MergeSpec<R, F>;
  target: R;
  opened: boolean;
  onClose: () => void;
  onMerged: (merged: R, source: R) => void;
  onConflict: () => void;
};

/** Merges a duplicate into this record after showing what moves over. */
export function MergeModal<R extends { id: number; version: number }, F extends string>(props: Props<R, F>) {
  const { t } = useLabels();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t(`${props.spec.ns}.mergeTitle`)} size="xl">
      {props.opened && <MergeForm {...props} />}
    </Modal>
  );
}

function MergeForm<R extends { id: number; version: number }, F extends string>({
  spec,
  target,
  onClose,
  onMerged,
  onConflict,
}: Props<R, F>) {
  const labels = useLabels();
  const { t } = labels;
  const ns = spec.ns;
  const compareId = useId();
  const merge = spec.useMerge();
  const [source, setSource] = useState<AsyncOption | null>(null);
  const [chosen, setChosen] = useState<Partial<Record<F, MergeSide>>>({});
  const sourceId = source ? Number(source.value) : null;
  const self = sourceId === target.id;
  const detail = spec.useDetail(self ? null : sourceId);
  const s = detail.data;

  const isEmpty = (r: R, f: F) => spec.values(r, f).every((v) => v === null || v === undefined);
  const shown = (r: R, f: F) => spec.shown(r, f, labels) || t(`${ns}.mergeEmpty`);
  // Only fields where the two records differ ask for a choice.
  const differing = s
    ? spec.fields.filter((f) => spec.values(target, f).some((v, i) => (v ?? null) !== (spec.values(s, f)[i] ?? null)))
    : [];
  // What the server keeps without a choice: this record's value, or the duplicate's where this one has none.
  const sideOf = (f: F): MergeSide => chosen[f] ?? (s && isEmpty(target, f) && !isEmpty(s, f) ? 'source' : 'target');
  const kept = s
    ? spec.kept
        .filter((f) => differing.includes(f))
        .flatMap((f) => {
          const other = spec.values(sideOf(f) === 'source' ? target : s, f)[0];
          return typeof other === 'string' && other ? [other] : [];
        })
    : [];
  const moves = s ? [...spec.moves(s, target, kept, labels), t(`${ns}.mergeMovesRest`)] : [];

  const confirm = () => {
    if (!s) return;
    const keep = Object.fromEntries(differing.map((f) => [f, sideOf(f)])) as Partial<Record<F, MergeSide>>;
    merge.mutate(
      { target, sourceId: s.id, keep },
      {
        onSuccess: (merged) => onMerged(merged, s),
        onError: (err) => {
          if (isApiError(err, 412)) onConflict();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t(`${ns}.mergeIntro`, { name: spec.name(target) })}</Text>
      <AsyncSelect
        queryKey={spec.search.queryKey}
        fetchOptions={spec.search.fetchOptions}
        label={t(`${ns}.mergeSource`)}
        value={sourceId}
        selected={source}
        onChange={(_id, option) => {
          merge.reset();
          setSource(option);
        }}
        error={self ? t(`${ns}.mergeSelf`) : undefined}
        data-autofocus
      />
      {detail.isFetching && !s && <Loader size="sm" />}
      {s && !self && (
        <Stack gap="xs" component="section" aria-labelledby={compareId}>
          <div>
            <Title order={3} fz="sm" id={compareId}>
              {t(`${ns}.mergeCompare`)}
            </Title>
            <Text size="xs" c="dimmed">
              {t(`${ns}.mergeCompareHint`)}
            </Text>
          </div>
          <SimpleGrid cols={3} spacing="xs" visibleFrom="sm">
            <span />
            <Text size="sm" fw={600}>
              {t(`${ns}.mergeThis`)}: {spec.name(target)}
            </Text>
            <Text size="sm" fw={600}>
              {t(`${ns}.mergeDuplicate`)}: {spec.name(s)}
            </Text>
          </SimpleGrid>
          {spec.fields
            .filter((f) => !isEmpty(target, f) || !isEmpty(s, f))
            .map((f) =>
              differing.includes(f) ? (
                <Radio.Group
                  key={f}
                  value={sideOf(f)}
                  onChange={(v) => setChosen((c) => ({ ...c, [f]: v as MergeSide }))}
                  label={spec.fieldLabel(f, labels)}
                  classNames={{ root: 'merge-field', label: 'merge-field-label' }}
                >
                  <SimpleGrid cols={2} spacing="xs">
                    {(['target', 'source'] as const).map((side) => (
                      <Radio
                        key={side}
                        value={side}
                        label={shown(side === 'target' ? target : s, f)}
                        description={side === 'target' ? t(`${ns}.mergeThis`) : t(`${ns}.mergeDuplicate`)}
                        styles={{ label: { overflowWrap: 'anywhere' } }}
                      />
                    ))}
                  </SimpleGrid>
                </Radio.Group>
              ) : (
                <SimpleGrid key={f} cols={{ base: 1, sm: 3 }} spacing="xs">
                  <Text size="xs" c="dimmed">
                    {spec.fieldLabel(f, labels)}
                  </Text>
                  <Text size="sm" style={{ gridColumn: 'span 2', overflowWrap: 'anywhere' }}>
                    {shown(target, f)}
                  </Text>
                </SimpleGrid>
              ),
            )}
        </Stack>
      )}
      {s && !self && (
        <Alert variant="light" color="anett" icon={<IconArrowMerge size={18} />}>
          <Title order={3} fz="sm" mb={6}>
            {t(`${ns}.mergeMoves`)}
          </Title>
          <List size="sm" spacing={2}>
            {moves.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="sm" fw={500}>
            {t(`${ns}.mergeAfter`, { name: spec.name(s) })}
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
          {t(`${ns}.mergeConfirm`)}
        </Button>
      </Group>
    </Stack>
  );
}
