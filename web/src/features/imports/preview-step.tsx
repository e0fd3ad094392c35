import type { ImportDecision, ImportKind, ImportRowResult } from '@anett/shared/schemas/import';
import { Anchor, Badge, Button, Group, List, NativeSelect, Pagination, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { usePaginationLabels } from '../../components/data-table-parts.tsx';
import { SegmentedField } from '../../components/forms/segmented-field.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useFieldLabel } from './mapping-step.tsx';
import { type Decisions, type RowState, rowDetail, rowName, rowState, tally } from './rows.ts';

const PAGE_SIZE = 50;

export const STATE_COLOR: Record<RowState, string> = {
  ready: 'green',
  error: 'red',
  duplicate: 'orange',
  suppressed: 'grape',
  skipped: 'gray',
};

type Show = 'all' | 'open' | 'ready' | 'skipped';
const SHOWS: Record<Show, (s: RowState) => boolean> = {
  all: () => true,
  open: (s) => s === 'error' || s === 'duplicate' || s === 'suppressed',
  ready: (s) => s === 'ready',
  skipped: (s) => s === 'skipped',
};

/** The counts over all rows, as badges. */
export function Summary({ rows, decisions }: { rows: ImportRowResult[]; decisions: Decisions }) {
  const { t } = useLabels();
  const n = tally(rows, decisions);
  const badge = (color: string, text: string) => (
    <Badge color={color} variant="light" radius="sm" size="lg">
      {text}
    </Badge>
  );
  return (
    <Group gap="xs" aria-live="polite" data-testid="import-summary">
      {badge('gray', t('imports.preview.total', { count: rows.length }))}
      {badge(STATE_COLOR.ready, t('imports.preview.ready', { count: n.ready }))}
      {badge(n.invalid ? 'red' : 'gray', t('imports.preview.invalid', { count: n.invalid }))}
      {badge(n.undecided ? 'orange' : 'gray', t('imports.preview.undecided', { count: n.undecided }))}
      {n.suppressed > 0 && badge(STATE_COLOR.suppressed, t('imports.preview.suppressed', { count: n.suppressed }))}
      {n.skipped > 0 && badge(STATE_COLOR.skipped, t('imports.preview.skipped', { count: n.skipped }))}
    </Group>
  );
}

/** The choices of a row; the empty value is "no decision" (create for a plain row). */
function useChoices() {
  const { t } = useLabels();
  return (row: ImportRowResult) => {
    const skip = { value: 'skip', label: t('imports.preview.skip') };
    if (row.errors.length > 0) return [{ value: '', label: t('imports.preview.keepError') }, skip];
    if (row.duplicates.length === 0) return [{ value: '', label: t('imports.preview.create') }, skip];
    const existing = row.duplicates.some((d) => d.reason !== 'file');
    return [
      { value: '', label: t('imports.preview.choose') },
      ...(existing ? [{ value: 'update', label: t('imports.preview.update') }] : []),
      { value: 'create', label: t('imports.preview.createAnyway') },
      skip,
    ];
  };
}

function RowFindings({ kind, row }: { kind: ImportKind; row: ImportRowResult }) {
  const { t } = useLabels();
  const fieldLabel = useFieldLabel(kind);
  const to = kind === 'persons' ? '/personen' : '/organisationen';
  if (!row.errors.length && !row.notices.length && !row.duplicates.length) return null;
  return (
    <List size="xs" spacing={2} mt={4} listStyleType="none" className="import-findings">
      {row.errors.map((e) => (
        <List.Item key={`${e.field}:${e.message}`}>
          <Text size="xs" c="red.9">
            {t('imports.preview.fieldError', { field: fieldLabel(e.field), message: e.message })}
          </Text>
        </List.Item>
      ))}
      {row.duplicates.map((d) => (
        <List.Item key={`${d.reason}:${d.id}`}>
          <Text size="xs">
            {d.reason === 'file' ? (
              t('imports.preview.inFile', { line: d.id })
            ) : (
              <>
                {t('imports.preview.existing')}{' '}
                <Anchor href={`${to}/${d.id}`} target="_blank" rel="noopener" size="xs" fw={600}>
                  {d.name}
                  <span className="visually-hidden"> {t('imports.preview.newTab')}</span>
                </Anchor>
                {d.detail ? ` (${d.detail})` : ''} – {t(`imports.preview.reason.${d.reason}`)}
              </>
            )}
          </Text>
        </List.Item>
      ))}
      {row.notices.map((n) => (
        <List.Item key={n}>
          <Group gap={4} wrap="nowrap" align="flex-start">
            <IconInfoCircle size={14} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="xs" c="dimmed">
              {n}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

type Props = {
  kind: ImportKind;
  rows: ImportRowResult[];
  decisions: Decisions;
  onDecide: (line: number, decision: ImportDecision | undefined) => void;
  onSkipInvalid: () => void;
};

/** The rows with their state, what is wrong or found, and a decision per row; filtered and paged for long files. */
export function PreviewTable({ kind, rows, decisions, onDecide, onSkipInvalid }: Props) {
  const { t } = useLabels();
  const choices = useChoices();
  const paging = usePaginationLabels();
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  const n = tally(rows, decisions);
  const shown = rows.filter((r) => SHOWS[show](rowState(r, decisions[String(r.line)])));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <SegmentedField
          label={t('imports.preview.show')}
          inline
          size="xs"
          value={show}
          onChange={(v) => {
            setShow(v as Show);
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('imports.preview.showAll') },
            { value: 'open', label: t('imports.preview.showOpen') },
            { value: 'ready', label: t('imports.preview.showReady') },
            { value: 'skipped', label: t('imports.preview.showSkipped') },
          ]}
        />
        {n.invalid > 0 && (
          <Button size="xs" variant="light" color="red" onClick={onSkipInvalid}>
            {t('imports.preview.skipInvalid')}
          </Button>
        )}
      </Group>
      {slice.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {show === 'open' ? t('imports.preview.noneOpen') : t('imports.preview.noneHere')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={8} fz="sm" className="import-rows">
          <TableHead
            columns={[
              { title: t('imports.preview.line'), w: 64 },
              t('imports.preview.name'),
              t('imports.preview.status'),
              { title: t('imports.preview.decision'), w: 260 },
            ]}
          />
          <Table.Tbody>
            {slice.map((row) => {
              const decision = decisions[String(row.line)];
              const state = rowState(row, decision);
              const name = rowName(kind, row.values);
              return (
                <Table.Tr key={row.line} data-state={state} data-testid={`import-row-${row.line}`}>
                  <Table.Td data-label={t('imports.preview.line')}>{formatNumber(row.line)}</Table.Td>
                  <Table.Td data-label={t('imports.preview.name')}>
                    <Text size="sm" fw={500}>
                      {name || '–'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {rowDetail(kind, row.values).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={t('imports.preview.status')}>
                    <Badge color={STATE_COLOR[state]} variant="light" radius="sm">
                      {t(`imports.preview.state.${state}`)}
                    </Badge>
                    <RowFindings kind={kind} row={row} />
                  </Table.Td>
                  <Table.Td data-label={t('imports.preview.decision')}>
                    <NativeSelect
                      size="xs"
                      aria-label={t('imports.preview.decisionFor', { line: row.line, name: name || '–' })}
                      data={choices(row)}
                      value={decision ?? ''}
                      onChange={(e) => onDecide(row.line, (e.currentTarget.value || undefined) as ImportDecision)}
                      // Marked by its border only: error-red text on the choice would be hard to read.
                      data-open={state === 'duplicate' || state === 'error' || state === 'suppressed' || undefined}
                      classNames={{ input: 'import-decision' }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {paging.paginationText({
              from: (current - 1) * PAGE_SIZE + 1,
              to: Math.min(current * PAGE_SIZE, shown.length),
              totalRecords: shown.length,
            })}
          </Text>
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            size="sm"
            getControlProps={paging.getPaginationControlProps}
            getItemProps={paging.getPaginationItemProps}
          />
        </Group>
      )}
    </Stack>
  );
}
