import type { MailDropTarget } from '@anett/shared/schemas/mail-import';
import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconPencil, IconTrash } from '@tabler/icons-react';
import type { QueryClient, UseMutationResult, UseQueryOptions } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DetailPageFrame } from '../../components/detail-page-frame.tsx';
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

/** The part of a record's API (`recordApi`) the pages share; its changes answer the record as saved (`S`). */
type PageApi<S> = {
  useDelete: () => UseMutationResult<S, Error, Versioned>;
  useRestore: () => UseMutationResult<S, Error, number>;
  invalidate: (queryClient: QueryClient, id: number) => Promise<unknown>;
};

/**
 * Edit, delete (confirmed, then undoable for ten seconds), restore and merge of a person or organisation: the texts,
 * edit button, restore button and menu entries for `RecordDetail`, and the edit (`edit`), merge (after `merge`) and
 * delete dialogs.
 */
export function useRecordLifecycle<R extends Versioned, S extends Versioned, F extends string>(opts: {
  api: PageApi<S>;
  record: R;
  merge: MergeSpec<R, F>;
  edit: ComponentType<{ target: R | null; onClose: () => void; onSaved: () => void }>;
  /** The record's name in notices and (unless `confirmName` is given) in the delete question. */
  nameOf: (r: NoInfer<R> | NoInfer<S>) => string;
  confirmName?: string;
}) {
  const { api, record, nameOf, edit: EditForm } = opts;
  const { ns } = opts.merge;
  const { t } = useLabels();
  const remove = api.useDelete();
  const restore = api.useRestore();
  const { failed, conflict } = useRecordFailure(ns, (qc) => api.invalidate(qc, record.id));
  const [editing, setEditing] = useState(false);
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
    editButton: (
      <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
        {t(`${ns}.edit`)}
      </Button>
    ),
    menu: [
      { label: t(`${ns}.merge`), icon: <IconArrowMerge size={16} />, onClick: () => setMerging(true) },
      { label: t(`${ns}.delete`), icon: <IconTrash size={16} />, color: 'red', onClick: () => setConfirmDelete(true) },
    ] satisfies RecordMenuAction[],
    dialogs: (
      <>
        <EditForm
          target={editing ? record : null}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notifications.show({ color: 'green', message: t(`${ns}.saved`) });
          }}
        />
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
      </>
    ),
  };
}

/** The contact-log tab (with the e-mail drop while the record is live) and the change-history tab. */
export function useActivityTabs<K extends readonly unknown[]>(opts: {
  ns: Ns;
  api: { historyOptions: (id: number) => UseQueryOptions<HistoryList, Error, HistoryList, K> };
  record: { id: number; deletedAt: string | null };
  formatValue: (field: string, value: unknown) => string | undefined;
}): RecordTab[] {
  const { ns, record } = opts;
  const { t } = useLabels();
  const mailTarget: MailDropTarget = ns === 'persons' ? { personId: record.id } : { organizationId: record.id };
  return [
    {
      value: 'timeline',
      label: t(`${ns}.tabTimeline`),
      panel: (
        <Stack gap="md">
          {!record.deletedAt && <MailDrop target={mailTarget} />}
          <Timeline subject={ns} id={record.id} title={t(`${ns}.tabTimeline`)} />
        </Stack>
      ),
    },
    {
      value: 'history',
      label: t(`${ns}.tabHistory`),
      panel: (
        <RecordHistory
          query={opts.api.historyOptions(record.id)}
          recordId={record.id}
          fieldLabel={(field) => t(`${ns}.fields.${field}`, { defaultValue: '' }) || field}
          formatValue={opts.formatValue}
        />
      ),
    },
  ];
}

/** The route component of a person or organisation page: the record its URL names, on the tab the URL names. */
export function recordDetailPage<T, K extends readonly unknown[], Tab extends string>(
  ns: Ns,
  route: { useParams: () => { id: number }; useSearch: () => { tab?: Tab } },
  query: (id: number) => UseQueryOptions<T, Error, T, K>,
  Detail: ComponentType<{ record: T; tab: Tab | 'overview' }>,
) {
  return function RecordDetailPage() {
    const { id } = route.useParams();
    const { tab } = route.useSearch();
    return (
      <DetailPageFrame ns={ns} id={id} query={query}>
        {(data) => <Detail record={data} tab={tab ?? 'overview'} />}
      </DetailPageFrame>
    );
  };
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
