import { ActionIcon, Alert, Badge, Button, Group, Menu, Tabs } from '@mantine/core';
import { IconArrowBackUp, IconDots } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageHeader } from '../page-header.tsx';
import type { RowAction } from './row-actions-menu.tsx';

/** The life-cycle fields a record page shows banners for. */
export interface RecordState {
  deletedAt: string | null;
  mergedIntoId: number | null;
  erasedAt?: string | null;
}

export interface RecordTab {
  value: string;
  label: string;
  panel: ReactNode;
}

export type RecordMenuAction = RowAction & { dividerBefore?: boolean };

type Props = {
  record: RecordState;
  title: ReactNode;
  description?: ReactNode;
  /** Badges beside the title; the "deleted" badge follows them. */
  meta?: ReactNode;
  texts: {
    deleted: string;
    restore: string;
    moreActions: string;
    deletedBanner: string;
    mergedBanner: string;
    erasedBanner?: string;
  };
  canWrite: boolean;
  /** Restore is offered for a deleted record that was not merged. */
  restore: { run: () => void; pending: boolean };
  /** Buttons beside the "…" menu while the record is live. */
  actions: ReactNode;
  menu: RecordMenuAction[];
  /** A link to the record this one was merged into. */
  successor: (id: number) => ReactNode;
  tab: string;
  /** The chosen tab; undefined for the first one (it is the default and stays out of the URL). */
  onTab: (tab: string | undefined) => void;
  tabs: RecordTab[];
  /** The page's dialogs. */
  children?: ReactNode;
};

/** Header with actions, deleted/merged/erased banners and the tabs of a person or organisation page. */
export function RecordDetail(props: Props) {
  const { record, texts } = props;
  const first = props.tabs[0]?.value;
  return (
    <>
      <PageHeader
        title={props.title}
        description={props.description}
        meta={
          (props.meta || record.deletedAt) && (
            <Group gap={6}>
              {props.meta}
              {record.deletedAt && (
                <Badge color="red" variant="light" radius="sm" tt="none">
                  {texts.deleted}
                </Badge>
              )}
            </Group>
          )
        }
        actions={
          props.canWrite &&
          (record.deletedAt ? (
            record.mergedIntoId === null && (
              <Button
                leftSection={<IconArrowBackUp size={16} />}
                onClick={props.restore.run}
                loading={props.restore.pending}
              >
                {texts.restore}
              </Button>
            )
          ) : (
            <>
              {props.actions}
              <Menu position="bottom-end" shadow="md">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={texts.moreActions}>
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {props.menu
                    .filter((a) => !a.hidden)
                    .flatMap((a) => [
                      a.dividerBefore ? <Menu.Divider key={`${a.label}-divider`} /> : null,
                      <Menu.Item key={a.label} color={a.color} leftSection={a.icon} onClick={a.onClick}>
                        {a.label}
                      </Menu.Item>,
                    ])}
                </Menu.Dropdown>
              </Menu>
            </>
          ))
        }
      />
      {record.erasedAt && texts.erasedBanner ? (
        <Alert color="gray" variant="light" mb="md">
          {texts.erasedBanner}
        </Alert>
      ) : record.mergedIntoId !== null ? (
        <Alert color="gray" variant="light" mb="md">
          {texts.mergedBanner} {props.successor(record.mergedIntoId)}.
        </Alert>
      ) : (
        record.deletedAt && (
          <Alert color="red" variant="light" mb="md">
            {texts.deletedBanner}
          </Alert>
        )
      )}

      <Tabs value={props.tab} onChange={(v) => props.onTab(v === first || !v ? undefined : v)} keepMounted={false}>
        <Tabs.List mb="md">
          {props.tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {props.tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            {tab.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
      {props.children}
    </>
  );
}
