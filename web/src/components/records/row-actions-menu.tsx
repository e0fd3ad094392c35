import { ActionIcon, Menu, VisuallyHidden } from '@mantine/core';
import { IconCalendarOff, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import type { ReactNode } from 'react';

export interface RowAction {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  color?: string;
  disabled?: boolean;
  /** Hidden actions are left out, so callers can list every action and switch some off. */
  hidden?: boolean;
}

/**
 * The "…" menu at the end of a row (or, `framed`, in a page header); `label` is the button's aria name (what the
 * browser tests select by).
 */
export function RowActionsMenu({ label, actions, framed }: { label: string; actions: RowAction[]; framed?: boolean }) {
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant={framed ? 'default' : 'subtle'}
          color={framed ? undefined : 'gray'}
          size={framed ? 'input-sm' : undefined}
          aria-label={label}
        >
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions
          .filter((a) => !a.hidden)
          .map((a) => (
            <Menu.Item key={a.label} color={a.color} leftSection={a.icon} disabled={a.disabled} onClick={a.onClick}>
              {a.label}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The last column of a table: each row's "…" menu, under a heading only screen readers announce. */
export function actionsColumn<T>(
  heading: string,
  menu: (row: T) => { label: string; actions: RowAction[] },
): DataTableColumn<T> {
  return {
    accessor: 'actions',
    title: <VisuallyHidden>{heading}</VisuallyHidden>,
    textAlign: 'right',
    width: 48,
    render: (row) => <RowActionsMenu {...menu(row)} />,
  };
}

/** Edit / end / remove — the actions of a dated sub-record (affiliation, office, relation); "end" only while current. */
export function datedRowActions(o: {
  edit: [string, () => void];
  end: [string, () => void];
  remove: [string, () => void];
  current: boolean;
}): RowAction[] {
  return [
    { label: o.edit[0], icon: <IconPencil size={16} />, onClick: o.edit[1] },
    { label: o.end[0], icon: <IconCalendarOff size={16} />, onClick: o.end[1], hidden: !o.current },
    { label: o.remove[0], icon: <IconTrash size={16} />, onClick: o.remove[1], color: 'red' },
  ];
}
