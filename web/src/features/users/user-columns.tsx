import type { Role } from '@anett/shared/schemas/auth';
import type { User } from '@anett/shared/schemas/user';
import { Badge, type BadgeProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';

const ROLE_COLOR: Record<Role, string> = { admin: 'grape', manager: 'anett', viewer: 'gray' };
// Badges in narrow table cells must not shrink into "A…".
export const BADGE_STYLES = { root: { minWidth: 'max-content' } };

function CellBadge(props: BadgeProps & { children: string }) {
  return <Badge radius="sm" tt="none" size="sm" styles={BADGE_STYLES} {...props} />;
}

/** Role, active and second-factor columns of the user list. */
export function userBadgeColumns(t: TFunction): DataTableColumn<User>[] {
  return [
    {
      accessor: 'role',
      title: t('users.role'),
      noWrap: true,
      render: (u) => (
        <CellBadge variant="light" color={ROLE_COLOR[u.role]}>
          {t(`roles.${u.role}`)}
        </CellBadge>
      ),
    },
    {
      accessor: 'active',
      title: t('users.active'),
      noWrap: true,
      render: (u) => (
        <CellBadge variant="dot" color={u.active ? 'green' : 'gray'}>
          {u.active ? t('users.isActive') : t('users.isInactive')}
        </CellBadge>
      ),
    },
    {
      accessor: 'hasSecondFactor',
      title: t('security.admin.secondFactor'),
      noWrap: true,
      render: (u) => (
        <CellBadge variant="light" color={u.hasSecondFactor ? 'teal' : 'gray'}>
          {u.hasSecondFactor ? t('security.admin.hasFactor') : t('security.admin.noFactor')}
        </CellBadge>
      ),
    },
  ];
}
