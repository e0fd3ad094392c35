import type { SegmentFilterInput } from '@anett/shared/schemas/segment';
import { Badge, Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconFilter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { segmentDetailOptions, useUpdateSegment } from './api.ts';

const canon = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.every((x) => typeof x !== 'object')
      ? v.map(String).sort()
      : v.map(canon)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canon(x)]),
        )
      : String(v);

/** Keys in order, empty values left out, numbers as strings: two filters that select the same compare equal. */
function normalized(filter: unknown) {
  const entries = Object.entries((filter ?? {}) as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, canon(v)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

type Props = {
  segmentId: number;
  /** The filter the list shows now. */
  filter: SegmentFilterInput;
  /** Leaves the segment (the filter stays). */
  onClose: () => void;
};

/** The segment the person list was opened from: its name, and saving the changed filter back into it. */
export function OpenSegmentBar({ segmentId, filter, onClose }: Props) {
  const { t } = useLabels();
  const segment = useQuery(segmentDetailOptions(segmentId));
  const update = useUpdateSegment();
  if (!segment.data) return null;
  const s = segment.data;
  const changed = normalized(s.filter) !== normalized(filter);
  const save = () =>
    update.mutate(
      { segment: s, patch: { filter } },
      {
        onSuccess: (saved) =>
          notifications.show({ color: 'green', message: t('segments.filterSaved', { name: saved.name }) }),
        onError: (err) =>
          notifications.show({
            color: 'red',
            title: t('common.errorTitle'),
            message: isApiError(err, 412) ? t('segments.conflict') : errorMessage(t, err),
          }),
      },
    );
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py="xs"
      mb="md"
      bg="anett.0"
      component="section"
      aria-label={t('segments.openSegment')}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFilter size={18} aria-hidden />
          <Text size="sm" style={{ minWidth: 0 }}>
            {t('segments.openSegment')}:{' '}
            <Text span fw={700} data-testid="open-segment-name">
              {s.name}
            </Text>
          </Text>
          {changed && (
            <Badge variant="light" color="orange" size="sm" style={{ flexShrink: 0 }}>
              {t('segments.filterChanged')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {s.editable && (
            <Button
              size="xs"
              variant={changed ? 'filled' : 'default'}
              leftSection={<IconDeviceFloppy size={14} />}
              onClick={save}
              loading={update.isPending}
              disabled={!changed}
            >
              {t('segments.saveFilter')}
            </Button>
          )}
          <CloseButton onClick={onClose} aria-label={t('segments.closeSegment')} />
        </Group>
      </Group>
    </Paper>
  );
}
