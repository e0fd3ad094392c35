import type { MailDropTarget } from '@anett/shared/schemas/mail-import';
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconTrash } from '@tabler/icons-react';
import type { UseMutationResult, UseQueryOptions } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { HistoryList } from '../../components/history/record-history.tsx';
import { RecordHistory } from '../../components/history/record-history.tsx';
import { MergeModal, type MergeSpec } from '../../components/records/merge-modal.tsx';
import type { RecordMenuAction, RecordTab } from '../../components/records/record-detail.tsx';
import { useRecordFailure } from '../../components/records/record-failure.ts';
import { showUndoNotice } from '../../components/records/undo-notice.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { Timeline } from '../../features/interactions/timeline.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { MailDrop } from './mail-drop.tsx';

// What the person and organisation pages share: their texts live under the same keys in `persons.*` and
// `organizations.*`, their life cycle (delete with undo, restore, merge) and their contact-log and history tabs.

type Ns = 'persons' | 'organizations';
type Versioned = { id: number; version: number };

/**
 * Delete (confirmed, then undoable for ten seconds), restore and merge of a person or organisation: the texts,
 * restore button and menu entries for `RecordDetail`, the merge dialog (after `merge`) and the delete dialog.
 */
export function useRecordLifecycle<R extends Versioned, S extends Versioned, F extends string>(opts: {
  ns: Ns;
  record: R;
  merge: MergeSpec<R, F>;
  /** The record's name in notices and (unless `confirmName` is given) in the delete question. */
  nameOf: (r: NoInfer<R> | NoInfer<S>) => string;
  confirmName?: string;
  /** The delete and restore mutations answer the record as saved (`S`). */
  remove: UseMutationResult<S, Error, Versioned>;
  restore: UseMutationResult<S, Error, number>;
  reload: Parameters<typeof useRecordFailure>[1];
}) {
  const { ns, record, nameOf, remove, restore } = opts;
  const { t } = useLabels();
  const { failed, conflict } = useRecordFailure(ns, opts.reload);
  const [merging, setMerging] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const doRestore = () =>
    restore.mutate(record.id, {
      onSuccess: (r) => notifications.show({ color: 'green', message: t(`${ns}.restored`, { name: nameOf(r) }) }),
      onError: failed,
    });

  return {
    texts: {
      deleted: t(`${ns}.deleted`),
      restore: t(`${ns}.restore`),
      moreActions: t(`${ns}.moreActions`),
      deletedBanner: t(`${ns}.deletedBanner`),
      mergedBanner: t(`${ns}.mergedBanner`),
    },
    restore: { run: doRestore, pending: restore.isPending },
    menu: [
      { label: t(`${ns}.merge`), icon: <IconArrowMerge size={16} />, onClick: () => setMerging(true) },
      { label: t(`${ns}.delete`), icon: <IconTrash size={16} />, color: 'red', onClick: () => setConfirmDelete(true) },
    ] satisfies RecordMenuAction[],
    mergeDialog: (
      <MergeModal
        spec={opts.merge}
        target={record}
        opened={merging}
        onClose={() => setMerging(false)}
        onConflict={() => {
          setMerging(false);
          conflict();
        }}
        onMerged={(merged, source) => {
          setMerging(false);
          notifications.show({
            color: 'green',
            message: t(`${ns}.merged`, { source: nameOf(source), target: nameOf(merged) }),
          });
        }}
      />
    ),
    deleteDialog: (
      <ConfirmDialog
        opened={confirmDelete}
        title={t(`${ns}.deleteTitle`)}
        message={t(`${ns}.deleteConfirm`, { name: opts.confirmName ?? nameOf(record) })}
        confirmLabel={t(`${ns}.delete`)}
        danger
        loading={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(record, {
            onSuccess: (r) =>
              showUndoNotice({
                id: `${ns}-deleted-${r.id}`,
                message: t(`${ns}.deletedNotice`, { name: nameOf(r) }),
                undo: [t(`${ns}.undo`), doRestore],
              }),
            onError: failed,
            onSettled: () => setConfirmDelete(false),
          })
        }
      />
    ),
  };
}

/** The contact-log tab (with the e-mail drop while the record is live) and the change-history tab. */
export function useActivityTabs<K extends readonly unknown[]>(opts: {
  ns: Ns;
  record: { id: number; deletedAt: string | null };
  mailTarget: MailDropTarget;
  history: UseQueryOptions<HistoryList, Error, HistoryList, K>;
  formatValue: (field: string, value: unknown) => string | undefined;
}): RecordTab[] {
  const { ns, record } = opts;
  const { t } = useLabels();
  return [
    {
      value: 'timeline',
      label: t(`${ns}.tabTimeline`),
      panel: (
        <Stack gap="md">
          {!record.deletedAt && <MailDrop target={opts.mailTarget} />}
          <Timeline subject={ns} id={record.id} title={t(`${ns}.tabTimeline`)} />
        </Stack>
      ),
    },
    {
      value: 'history',
      label: t(`${ns}.tabHistory`),
      panel: (
        <RecordHistory
          query={opts.history}
          recordId={record.id}
          fieldLabel={(field) => t(`${ns}.fields.${field}`, { defaultValue: '' }) || field}
          formatValue={opts.formatValue}
        />
      ),
    },
  ];
}

/** The record this one was merged into, by name (its number while the name loads). */
export function MergedInto<T, K extends readonly unknown[]>(props: {
  id: number;
  query: UseQueryOptions<T, Error, T, K>;
  to: '/personen/$id' | '/organisationen/$id';
  nameOf: (r: T) => string;
}) {
  const target = useQuery(props.query);
  return (
    <AnchorLink to={props.to} params={{ id: props.id }} fw={600}>
      {target.data ? props.nameOf(target.data) : `#${props.id}`}
    </AnchorLink>
  );
}
