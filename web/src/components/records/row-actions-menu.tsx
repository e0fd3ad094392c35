import { ActionIcon, Menu } from '@mantine/core';
import { IconCalendarOff, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface RowAction {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  color?: string;
  /** Hidden actions are left out, so callers can list every action and switch some off. */
  hidden?: boolean;
}

/** The "…" menu at the end of a row; `label` is the button's aria name (what the browser tests select by). */
export function RowActionsMenu({ label, actions }: { label: string; actions: RowAction[] }) {
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={label}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions
          .filter((a) => !a.hidden)
          .map((a) => (
            <Menu.Item key={a.label} color={a.color} leftSection={a.icon} onClick={a.onClick}>
              {a.label}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
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
