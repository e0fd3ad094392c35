import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { EndDateModal } from '../forms/end-date-modal.tsx';
import { RecordSection } from './record-section.tsx';
import { datedRowActions, RowActionsMenu } from './row-actions-menu.tsx';

/** What a dated sub-record section says; `actions` names a row's menu (the browser tests select by it). */
export interface DatedSectionTexts<T> {
  title: string;
  add: string;
  empty: string;
  edit: string;
  end: string;
  ended: string;
  remove: string;
  removeConfirm: string;
  removed: string;
  actions: (item: T) => string;
  /** The row named in the end dialog. */
  endMessage: (item: T) => string;
  /** With a heading for the past, ended rows are listed below the current ones under it. */
  past?: string;
}

type Props<T> = {
  items: T[];
  texts: DatedSectionTexts<T>;
  canWrite: boolean;
  current: (item: T) => boolean;
  row: (item: T) => ReactNode;
  /** The add/edit form for `target` ('new', a row, or null when closed). */
  form: (target: T | 'new' | null, onClose: () => void) => ReactNode;
  end: (item: T, toDate: string) => Promise<unknown>;
  remove: (item: T) => Promise<unknown>;
  onError: (err: unknown) => void;
};

/** A list of dated rows (affiliations, offices, relations) with add, edit, end and delete. */
export function DatedSection<T extends { id: number; fromDate: string | null }>(props: Props<T>) {
  const { items, texts, canWrite, current } = props;
  const [formTarget, setFormTarget] = useState<T | 'new' | null>(null);
  const [toEnd, setToEnd] = useState<T | null>(null);
  const [toRemove, setToRemove] = useState<T | null>(null);
  const [pending, setPending] = useState(false);
  const run = (work: Promise<unknown>, done: string, color: string | undefined, close: () => void) => {
    setPending(true);
    work
      .then(() => notifications.show({ color, message: done }))
      .catch(props.onError)
      .finally(() => {
        setPending(false);
        close();
      });
  };
  const row = (item: T) => (
    <Group key={item.id} justify="space-between" wrap="nowrap" gap="sm" opacity={current(item) ? 1 : 0.7}>
      <div style={{ minWidth: 0 }}>{props.row(item)}</div>
      {canWrite && (
        <RowActionsMenu
          label={texts.actions(item)}
          actions={datedRowActions({
            edit: [texts.edit, () => setFormTarget(item)],
            end: [texts.end, () => setToEnd(item)],
            remove: [texts.remove, () => setToRemove(item)],
            current: current(item),
          })}
        />
      )}
    </Group>
  );
  const now = texts.past ? items.filter(current) : items;
  const past = texts.past ? items.filter((i) => !current(i)) : [];

  return (
    <RecordSection
      title={texts.title}
      actions={
        canWrite && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setFormTarget('new')}
          >
            {texts.add}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {texts.empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {now.map(row)}
          {past.length > 0 && (
            <>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt={now.length ? 'xs' : 0}>
                {texts.past}
              </Text>
              {past.map(row)}
            </>
          )}
        </Stack>
      )}
      {props.form(formTarget, () => setFormTarget(null))}
      <EndDateModal
        opened={toEnd !== null}
        title={texts.end}
        message={toEnd ? texts.endMessage(toEnd) : ''}
        minDate={toEnd?.fromDate}
        loading={pending}
        onCancel={() => setToEnd(null)}
        onConfirm={(toDate) => {
          if (toEnd) run(props.end(toEnd, toDate), texts.ended, 'green', () => setToEnd(null));
        }}
      />
      <ConfirmDialog
        opened={toRemove !== null}
        title={texts.remove}
        message={texts.removeConfirm}
        confirmLabel={texts.remove}
        danger
        loading={pending}
        onCancel={() => setToRemove(null)}
        onConfirm={() => {
          if (toRemove) run(props.remove(toRemove), texts.removed, undefined, () => setToRemove(null));
        }}
      />
    </RecordSection>
  );
}
