import type { User } from '@anett/shared/schemas/user';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPencil, IconPlus, IconShieldOff, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmedMutation } from '../../components/confirm-dialog.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordCount } from '../../components/records/record-list-parts.tsx';
import { actionsColumn } from '../../components/records/row-actions-menu.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { userKeys } from '../../lib/query-keys.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useDeactivateUser, useResetFactors, useResetPassword, userListOptions, useUpdateUser } from './api.ts';
import { PasswordOnceModal, type RevealedPassword } from './password-once-modal.tsx';
import { SecondFactorPolicy } from './second-factor-policy.tsx';
import { BADGE_STYLES, userBadgeColumns } from './user-columns.tsx';
import { UserFormModal } from './user-form-modal.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const users = useQuery(userListOptions({ sort: 'name', pageSize: 500 }));
  const update = useUpdateUser();
  const deactivate = useDeactivateUser();
  const reset = useResetPassword();
  const resetFactors = useResetFactors();

  const [formTarget, setFormTarget] = useState<User | 'new' | null>(null);
  const [revealed, setRevealed] = useState<RevealedPassword | null>(null);

  const conflict = () => {
    notifications.show({ color: 'orange', message: t('common.versionConflict') });
    void queryClient.invalidateQueries({ queryKey: userKeys.lists() });
  };
  const failed = (err: unknown) => {
    if (isApiError(err, 412)) conflict();
    else notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(t, err) });
  };

  const reveal = (res: { user: User; password?: string | null }) => {
    if (res.password) setRevealed({ name: res.user.name, email: res.user.email, password: res.password });
  };
  const deactivation = useConfirmedMutation(deactivate, {
    title: t('users.deactivateConfirmTitle'),
    message: (u) => t('users.deactivateConfirm', { name: u.name }),
    confirmLabel: t('users.deactivate'),
    danger: true,
    onSuccess: (u) => notifications.show({ message: t('users.deactivated', { name: u.name }) }),
    onError: failed,
  });
  const passwordReset = useConfirmedMutation(reset, {
    title: t('users.resetPassword'),
    message: (u) => t('users.resetConfirm', { name: u.name }),
    confirmLabel: t('users.resetPassword'),
    onSuccess: reveal,
    onError: failed,
  });
  const factorsReset = useConfirmedMutation(resetFactors, {
    title: t('security.admin.resetFactors'),
    message: (u) => t('security.admin.resetFactorsConfirm', { name: u.name }),
    confirmLabel: t('security.admin.resetFactors'),
    danger: true,
    onSuccess: (u) => notifications.show({ message: t('security.admin.factorsReset', { name: u.name }) }),
    onError: failed,
  });

  const reactivate = (user: User) =>
    update.mutate(
      { user, patch: { active: true } },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('users.reactivated', { name: user.name }) }),
        onError: failed,
      },
    );

  const total = users.data?.total;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        meta={<RecordCount total={total} text={(count) => t('users.count', { count })} />}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setFormTarget('new')}>
            {t('users.create')}
          </Button>
        }
      />

      <Stack gap="lg">
        {users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <DataTable<User>
            withTableBorder
            borderRadius="md"
            highlightOnHover
            minHeight={users.isPending ? 240 : undefined}
            fetching={users.isPending}
            records={users.data?.items ?? []}
            idAccessor="id"
            verticalAlign="center"
            rowStyle={(u) => (u.active ? undefined : { opacity: 0.65 })}
            columns={[
              {
                accessor: 'name',
                title: t('users.name'),
                render: (u) => (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {u.name}
                    </Text>
                    {u.id === me.id && (
                      <Badge size="xs" variant="outline" tt="none" styles={BADGE_STYLES}>
                        {t('users.you')}
                      </Badge>
                    )}
                  </Group>
                ),
              },
              { accessor: 'email', title: t('users.email') },
              ...userBadgeColumns(t),
              {
                accessor: 'lastLoginAt',
                title: t('users.lastLogin'),
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
                render: (u) =>
                  u.lastLoginAt ? (
                    formatDateTime(u.lastLoginAt)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('users.never')}
                    </Text>
                  ),
              },
              actionsColumn(t('common.actions'), (u) => ({
                label: t('users.actionsFor', { name: u.name }),
                actions: [
                  { label: t('users.edit'), icon: <IconPencil size={16} />, onClick: () => setFormTarget(u) },
                  {
                    label: t('users.resetPassword'),
                    icon: <IconKey size={16} />,
                    disabled: u.id === me.id,
                    onClick: () => passwordReset.ask(u),
                  },
                  {
                    label: t('security.admin.resetFactors'),
                    icon: <IconShieldOff size={16} />,
                    disabled: u.id === me.id || !u.hasSecondFactor,
                    onClick: () => factorsReset.ask(u),
                  },
                  {
                    label: t('users.deactivate'),
                    icon: <IconUserOff size={16} />,
                    color: 'red',
                    disabled: u.id === me.id,
                    hidden: !u.active,
                    onClick: () => deactivation.ask(u),
                  },
                  {
                    label: t('users.reactivate'),
                    icon: <IconUserCheck size={16} />,
                    hidden: u.active,
                    onClick: () => reactivate(u),
                  },
                ],
              })),
            ]}
          />
        )}
        <SecondFactorPolicy />
      </Stack>

      <UserFormModal
        target={formTarget}
        currentUserId={me.id}
        onClose={() => setFormTarget(null)}
        onCreated={(res) => {
          setFormTarget(null);
          notifications.show({ color: 'green', message: t('users.created', { name: res.user.name }) });
          reveal(res);
        }}
        onSaved={() => {
          setFormTarget(null);
          notifications.show({ color: 'green', message: t('users.saved') });
        }}
        onConflict={() => {
          setFormTarget(null);
          conflict();
        }}
      />

      {deactivation.dialog}
      {passwordReset.dialog}
      {factorsReset.dialog}

      <PasswordOnceModal revealed={revealed} onClose={() => setRevealed(null)} />
    </>
  );
}
